package io.bifrost.adapters.vertx.health;

import static java.util.Objects.requireNonNull;

import io.bifrost.adapters.vertx.dial.DialFailure;
import io.bifrost.adapters.vertx.dial.DialTarget;
import io.bifrost.adapters.vertx.dial.Upstream;
import io.bifrost.adapters.vertx.dial.UpstreamDialer;
import io.bifrost.core.backend.Backend;
import io.bifrost.core.backend.BackendRegistry;
import io.bifrost.core.config.BackendConfig;
import io.bifrost.core.config.Durations;
import io.bifrost.core.config.EffectiveHealthCheck;
import io.bifrost.core.config.HostPort;
import io.bifrost.core.policy.DestinationDecision;
import io.bifrost.core.policy.DestinationPolicy;
import io.bifrost.core.routing.RoutingKey;
import io.bifrost.core.traffic.ErrorCode;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Backend tests ([BKD-080], [BKD-081], [SAPI-045]): once, the dial that proxied traffic would perform through a
 * backend (destination policy, DNS, upstream-proxy handshake), then the connection is closed. The dial goes through a
 * dialer built afresh from the backend's configuration, not through the running backend's bookkeeping, so the
 * backend's counters ({@code active_connections}, {@code total_connections}, bytes, {@code errors}) and its health
 * never change; a disabled backend can be tested the same way. The temporary dialer's client is released by Vert.x
 * once nothing references it. Thread-safe; never blocks.
 */
public final class BackendTester {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration MAX_TIMEOUT = Duration.ofSeconds(60);
    /** The target when neither the request nor the health check names one ([BKD-081]). */
    public static final DialTarget DEFAULT_TARGET = new DialTarget(RoutingKey.ofName("example.com"), 443);

    private final Vertx vertx;
    private final BackendRegistry backends;
    private final Supplier<DestinationPolicy> destinations;
    private final Function<BackendConfig, UpstreamDialer> dialers;
    private final Function<BackendConfig, Optional<EffectiveHealthCheck>> healthChecks;

    /**
     * @param destinations the destination policy traffic is checked against now ([SEC-060])
     * @param dialers builds the dialer traffic would use from a backend's configuration; returns {@code null} for
     *     types that never run
     * @param healthChecks the effective check of a backend ([BKD-061]), for the default target
     */
    public BackendTester(Vertx vertx, BackendRegistry backends, Supplier<DestinationPolicy> destinations,
            Function<BackendConfig, UpstreamDialer> dialers,
            Function<BackendConfig, Optional<EffectiveHealthCheck>> healthChecks) {
        this.vertx = requireNonNull(vertx, "vertx");
        this.backends = requireNonNull(backends, "backends");
        this.destinations = requireNonNull(destinations, "destinations");
        this.dialers = requireNonNull(dialers, "dialers");
        this.healthChecks = requireNonNull(healthChecks, "healthChecks");
    }

    /** Parses a request's {@code target}; empty when it is not {@code host:port} ([SAPI-045]: 400). */
    public static Optional<DialTarget> parseTarget(String hostPort) {
        requireNonNull(hostPort, "hostPort");
        try {
            HostPort parsed = HostPort.parse(hostPort);
            return RoutingKey.parse(parsed.host()).map(host -> new DialTarget(host, parsed.port()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * Tests {@code backend}. The future always succeeds; a failed dial is a result with its code of [BKD-035].
     *
     * @param target where to dial; {@code null} for the default of [BKD-081] (the health-check target when it is a
     *     {@code host:port}, else {@code example.com:443})
     * @param timeout bound on the whole dial, {@code 1ms}-{@code 60s}; {@code null} for 10s
     * @throws IllegalArgumentException for a timeout out of range
     */
    public Future<BackendTestResult> test(BackendConfig backend, DialTarget target, Duration timeout) {
        requireNonNull(backend, "backend");
        Duration bound = timeout == null ? DEFAULT_TIMEOUT : timeout;
        if (bound.toMillis() < 1 || bound.compareTo(MAX_TIMEOUT) > 0) {
            throw new IllegalArgumentException("timeout: " + bound + " (expected: 1ms-60s)");
        }
        DialTarget to = target != null ? target : defaultTarget(backend);
        long start = System.nanoTime();
        return dial(backend, to, bound)
                .map(upstream -> {
                    BackendTestResult connected = result(backend, to, start, null);
                    upstream.socket().close(); // connected is all a test asks for
                    return connected;
                })
                .otherwise(e -> result(backend, to, start, e instanceof DialFailure d ? d
                        : new DialFailure(ErrorCode.INTERNAL_ERROR, String.valueOf(e.getMessage()))));
    }

    private Future<Upstream> dial(BackendConfig backend, DialTarget target, Duration timeout) {
        DestinationDecision decision = destinations.get().check(target.host(), target.port());
        if (decision instanceof DestinationDecision.Prohibited prohibited) {
            return Future.failedFuture(new DialFailure(ErrorCode.DESTINATION_PROHIBITED,
                    "destination \"" + target.host().text() + "\" is not allowed (" + prohibited.detail() + ")"));
        }
        UpstreamDialer dialer = dialers.apply(backend);
        if (dialer == null) {
            return Future.failedFuture(new DialFailure(ErrorCode.INTERNAL_ERROR,
                    "backend type \"" + backend.type().wireName() + "\" is not supported by this version"));
        }
        HostPort upstream = backend.upstreamAddress();
        String peer = upstream != null ? upstream.toString() : target.authority();
        return Probes.bound(vertx, timeout, dialer.dial(target), () -> { }, late -> late.socket().close())
                .recover(e -> Future.failedFuture(e instanceof Probes.ProbeTimeoutException
                        ? new DialFailure(ErrorCode.CONNECTION_TIMEOUT,
                                "no answer from " + peer + " within " + Durations.format(timeout))
                        : e));
    }

    /** [BKD-081]: the health-check target when it is {@code host:port}, else {@code example.com:443}. */
    private DialTarget defaultTarget(BackendConfig backend) {
        return healthChecks.apply(backend)
                .map(EffectiveHealthCheck::target)
                .flatMap(BackendTester::parseTarget)
                .orElse(DEFAULT_TARGET);
    }

    private BackendTestResult result(BackendConfig backend, DialTarget target, long start, DialFailure failure) {
        boolean healthy = backends.find(backend.name()).map(Backend::healthy).orElse(false);
        return new BackendTestResult(backend.name(), target.authority(), Probes.since(start), healthy,
                failure == null ? null : failure.code(), failure == null ? null : failure.detail());
    }
}
