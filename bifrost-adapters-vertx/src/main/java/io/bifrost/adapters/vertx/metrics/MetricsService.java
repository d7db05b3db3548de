package io.bifrost.adapters.vertx.metrics;

import static java.util.Objects.requireNonNull;

import io.bifrost.core.config.ListenAddress;
import io.bifrost.core.config.MetricsConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.SocketAddress;
import java.util.Locale;
import java.util.Optional;

/**
 * Runs the metrics of a server: samples them every {@code metrics.collection_interval} and serves them on
 * {@code metrics.listen} with {@link MetricsEndpoint}. With {@code metrics.listen: ""} nothing is bound: the
 * management API serves the same document at {@code metrics.path} ([SAPI-320]). Started and stopped once.
 */
public final class MetricsService {
    private final Vertx vertx;
    private final BifrostMetrics metrics;
    private final MetricsConfig config;
    private HttpServer server;
    private long sampler = -1;

    private MetricsService(Vertx vertx, BifrostMetrics metrics, MetricsConfig config) {
        this.vertx = requireNonNull(vertx, "vertx");
        this.metrics = requireNonNull(metrics, "metrics");
        this.config = requireNonNull(config, "config");
    }

    /**
     * Starts sampling and binds the listener.
     *
     * @param wildcardHost the address {@code :port} binds: {@code ::} where the host has IPv6, else {@code 0.0.0.0}
     * @return fails naming the key when the address cannot be bound, e.g. {@code metrics.listen: cannot bind
     *     127.0.0.1:7090: address in use}
     */
    public static Future<MetricsService> start(Vertx vertx, BifrostMetrics metrics, MetricsConfig config,
            String wildcardHost) {
        MetricsService service = new MetricsService(vertx, metrics, config);
        service.sampler = vertx.setPeriodic(Math.max(1000, config.collectionInterval().toMillis()),
                id -> metrics.sample());
        ListenAddress listen = config.listen();
        if (listen.isDisabled()) {
            return Future.succeededFuture(service);
        }
        String host = listen.host().isEmpty() ? wildcardHost : listen.host();
        HttpServer http = vertx.createHttpServer(new HttpServerOptions().setReuseAddress(true))
                .requestHandler(MetricsEndpoint.handler(vertx, metrics, config.path()));
        return http.listen(listen.port(), host)
                .map(bound -> {
                    service.server = bound;
                    return service;
                })
                .recover(e -> {
                    vertx.cancelTimer(service.sampler);
                    return Future.failedFuture(new IllegalStateException("metrics.listen: cannot bind "
                            + listen + ": " + reason(e), e));
                });
    }

    private static String reason(Throwable e) {
        String msg = String.valueOf(e.getMessage());
        String lower = msg.toLowerCase(Locale.ROOT);
        if (lower.contains("address already in use")) {
            return "address in use";
        }
        if (lower.contains("cannot assign requested address")) {
            return "address not available on this host";
        }
        if (lower.contains("permission denied")) {
            return "permission denied";
        }
        return msg;
    }

    /** The bound listener, when {@code metrics.listen} is not {@code ""}. */
    public Optional<SocketAddress> address() {
        return server == null ? Optional.empty()
                : Optional.of(SocketAddress.inetSocketAddress(server.actualPort(), bindHost()));
    }

    private String bindHost() {
        return config.listen().host().isEmpty() ? "127.0.0.1" : config.listen().host();
    }

    /** Stops sampling and closes the listener (open scrapes are cut). */
    public Future<Void> stop() {
        vertx.cancelTimer(sampler);
        return server == null ? Future.succeededFuture() : server.close();
    }
}
