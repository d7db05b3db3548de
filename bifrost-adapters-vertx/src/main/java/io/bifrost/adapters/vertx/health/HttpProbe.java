package io.bifrost.adapters.vertx.health;

import static java.util.Objects.requireNonNull;

import io.bifrost.core.config.EffectiveHealthCheck;
import io.bifrost.core.config.HostPort;
import io.bifrost.core.health.ProbeOutcome;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.ClientSSLOptions;
import io.vertx.core.net.TrustOptions;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The {@code http} probe ([BKD-062]): {@code GET <scheme>://<target><path>} with {@code Host: <target>},
 * {@code User-Agent: bifrost-health/<version>} and {@code Connection: close}. Success = a status in 200-399 within
 * {@code timeout}; redirects are not followed; the body is not read (the connection is closed once the status is
 * known). With {@code https} the certificate chain and the host name are verified (against the runtime's default
 * trust store unless a trust is given) unless {@code insecure_skip_verify}. Thread-safe; never blocks.
 */
public final class HttpProbe implements HealthProbe {
    private final Vertx vertx;
    private final InstantSource clock;
    private final String userAgent;
    private final TrustOptions trust;
    private final HttpClient client; // a field: Vert.x 5 closes clients nothing references

    /**
     * @param version Bifrost's version for {@code User-Agent}
     * @param trust what verifies {@code https} targets; {@code null} for the runtime's default trust store
     */
    public HttpProbe(Vertx vertx, InstantSource clock, String version, TrustOptions trust) {
        this.vertx = requireNonNull(vertx, "vertx");
        this.clock = requireNonNull(clock, "clock");
        this.userAgent = "bifrost-health/" + requireNonNull(version, "version");
        this.trust = trust;
        this.client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(false).setTcpNoDelay(true));
    }

    @Override
    public Future<ProbeOutcome> probe(EffectiveHealthCheck check) {
        long start = System.nanoTime();
        HostPort target;
        try {
            target = ProbeTargets.http(check.target(), check.scheme());
        } catch (IllegalArgumentException e) {
            return Future.succeededFuture(Probes.failure(clock, start, e.getMessage()));
        }
        AtomicReference<HttpClientRequest> sent = new AtomicReference<>();
        AtomicBoolean expired = new AtomicBoolean();
        Future<Integer> status = client.request(options(check, target))
                .compose(request -> {
                    sent.set(request);
                    if (expired.get()) { // connected after the deadline: do not send at all
                        request.reset();
                        return Future.failedFuture(new Probes.ProbeTimeoutException(check.timeout()));
                    }
                    return request.send();
                })
                .map(response -> {
                    response.request().connection().close(); // the status is all we need
                    return response.statusCode();
                });
        Future<Integer> bounded = Probes.bound(vertx, check.timeout(), status, () -> {
            expired.set(true);
            abort(sent.get());
        }, code -> { });
        Future<Integer> healthy = bounded.compose(code -> code >= 200 && code <= 399
                ? Future.succeededFuture(code)
                : Future.failedFuture(new Probes.ProbeRejectedException("HTTP " + code)));
        return Probes.outcome(healthy, clock, start, e -> ProbeFailures.describe(e, target.host(), check.timeout()));
    }

    private RequestOptions options(EffectiveHealthCheck check, HostPort target) {
        long timeoutMs = Math.max(1, check.timeout().toMillis());
        boolean tls = "https".equals(check.scheme());
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.GET)
                .setHost(target.host())
                .setPort(target.port())
                .setURI(check.path())
                .setSsl(tls)
                .setFollowRedirects(false)
                .setConnectTimeout(timeoutMs)
                .setIdleTimeout(timeoutMs) // a request created after the deadline still ends on its own
                .putHeader(HttpHeaders.HOST, check.target())
                .putHeader(HttpHeaders.USER_AGENT, userAgent)
                .putHeader(HttpHeaders.CONNECTION, "close");
        if (tls) {
            options.setSslOptions(sslOptions(check.insecureSkipVerify()));
        }
        return options;
    }

    private ClientSSLOptions sslOptions(boolean insecure) {
        if (insecure) {
            return new ClientSSLOptions().setTrustAll(true).setHostnameVerificationAlgorithm("");
        }
        ClientSSLOptions verifying = new ClientSSLOptions().setHostnameVerificationAlgorithm("HTTPS");
        return trust == null ? verifying : verifying.setTrustOptions(trust);
    }

    private static void abort(HttpClientRequest request) {
        if (request != null) {
            request.reset();
        }
    }

    @Override
    public Future<Void> close() {
        return client.close();
    }
}
