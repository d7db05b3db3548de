package io.bifrost.adapters.vertx.listeners;

import io.bifrost.core.traffic.TrafficCounters;

/**
 * Listener-side counters of a program ([GEN-006]): all its proxy listeners together, and each one. Thread-safe.
 * Not final only so that the server's {@code BifrostServer.ServerTraffic} keeps its name; nothing overrides.
 */
public class ListenerTraffic {
    private final TrafficCounters total = new TrafficCounters();
    private final TrafficCounters http = new TrafficCounters();
    private final TrafficCounters socks5 = new TrafficCounters();

    /** Both listeners: bytes to and from local clients, active and total connections ([CAPI-012]). */
    public TrafficCounters total() {
        return total;
    }

    public TrafficCounters http() {
        return http;
    }

    public TrafficCounters socks5() {
        return socks5;
    }
}
