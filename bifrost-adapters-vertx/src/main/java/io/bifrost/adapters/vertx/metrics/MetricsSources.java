package io.bifrost.adapters.vertx.metrics;

import static java.util.Objects.requireNonNull;

import io.bifrost.adapters.vertx.proxy.ProxyGate;
import io.bifrost.core.backend.BackendRegistry;
import io.bifrost.core.config.AuthConfig;
import io.bifrost.core.routing.RouteResolver;
import io.bifrost.core.traffic.TrafficCounters;
import java.time.InstantSource;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * What the metrics read: the running server's counters and state. Every object here is thread-safe and kept by the
 * server for its lifetime.
 *
 * @param version Bifrost's version ({@code bifrost_build_info})
 * @param clock for {@code bifrost_uptime_seconds}, counted from {@link BifrostMetrics#create}
 * @param http the HTTP listener's counters
 * @param socks5 the SOCKS5 listener's counters
 * @param backends the running backends (the set may change at run time)
 * @param routes the route table holder (tables are replaced at run time)
 * @param policies the access-control and rate-limit policies in force, to label refusals
 * @param auth the authentication section (restart-only), to label authentication attempts
 * @param accessLogDropped records the access log dropped ({@code 0} when it is off)
 * @param websocketClients event WebSocket subscribers connected now ({@code 0} when the API is off)
 */
public record MetricsSources(
        String version,
        InstantSource clock,
        TrafficCounters http,
        TrafficCounters socks5,
        BackendRegistry backends,
        RouteResolver routes,
        Supplier<ProxyGate.Policies> policies,
        AuthConfig auth,
        LongSupplier accessLogDropped,
        IntSupplier websocketClients) {

    public MetricsSources {
        requireNonNull(version, "version");
        requireNonNull(clock, "clock");
        requireNonNull(http, "http");
        requireNonNull(socks5, "socks5");
        requireNonNull(backends, "backends");
        requireNonNull(routes, "routes");
        requireNonNull(policies, "policies");
        requireNonNull(auth, "auth");
        requireNonNull(accessLogDropped, "accessLogDropped");
        requireNonNull(websocketClients, "websocketClients");
    }
}
