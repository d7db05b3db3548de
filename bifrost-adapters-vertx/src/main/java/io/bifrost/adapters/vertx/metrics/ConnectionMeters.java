package io.bifrost.adapters.vertx.metrics;

import static java.util.Objects.requireNonNull;

import io.bifrost.core.event.ConnectionClosed;
import io.bifrost.core.traffic.Protocol;
import io.bifrost.core.traffic.TrafficCounters;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.EnumMap;
import java.util.Map;

/**
 * Client-connection meters. Totals, active and rejected counts are read at scrape time from the listeners' own
 * {@link java.util.concurrent.atomic.LongAdder}s, so the data path pays nothing for them; their {@code protocol} is
 * the listener's ({@code http} or {@code socks5}): what a connection will carry is unknown when it is accepted. The
 * lifetime histogram is fed by {@code connection.close} events, whose protocol is that of the connection's last
 * request ({@code http}, {@code connect} or {@code socks5}); connections that never had a routed request are not
 * tracked ([SAPI-220]) and so not in it. Thread-safe.
 */
final class ConnectionMeters {
    private final Map<Protocol, Timer> lifetimes = new EnumMap<>(Protocol.class);

    ConnectionMeters(MeterRegistry registry, TrafficCounters http, TrafficCounters socks5) {
        requireNonNull(registry, "registry");
        listener(registry, "http", requireNonNull(http, "http"));
        listener(registry, "socks5", requireNonNull(socks5, "socks5"));
        for (Protocol p : Protocol.values()) {
            lifetimes.put(p, Timer.builder("bifrost.connection.duration").description("Client connection lifetime.")
                    .tag("protocol", RequestMeters.label(p)).serviceLevelObjectives(Buckets.DURATIONS)
                    .register(registry));
        }
    }

    private static void listener(MeterRegistry registry, String name, TrafficCounters counters) {
        FunctionCounter.builder("bifrost.connections", counters, TrafficCounters::totalConnections)
                .description("Client connections accepted.").tag("protocol", name).register(registry);
        Gauge.builder("bifrost.connections.active", counters, TrafficCounters::activeConnections)
                .description("Open client connections.").tag("protocol", name).register(registry);
        FunctionCounter.builder("bifrost.connections.rejected", counters, TrafficCounters::rejectedConnections)
                .description("Client connections refused over a connection ceiling.").tag("listener", name)
                .register(registry);
    }

    void closed(ConnectionClosed event) {
        lifetimes.get(event.connection().protocol()).record(event.lifetime());
    }
}
