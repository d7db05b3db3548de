package io.bifrost.adapters.vertx.events;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * Timing and bounds of the event WebSocket ([EVT-003], [EVT-005], [EVT-026]). Immutable.
 *
 * @param queueCapacity events waiting per subscriber before it is dropped as too slow; 256
 * @param writeStall longest a frame write may take before the subscriber is dropped as too slow; 5s
 * @param pingInterval between server pings; 20s
 * @param idleTimeout silence after which a subscriber is disconnected; 60s
 * @param statsInterval between {@code stats.update} events; 5s
 */
public record EventStreamSettings(
        int queueCapacity, Duration writeStall, Duration pingInterval, Duration idleTimeout, Duration statsInterval) {

    public EventStreamSettings {
        if (queueCapacity < 1) {
            throw new IllegalArgumentException("queueCapacity: " + queueCapacity + " (expected: >= 1)");
        }
        requireNonNull(writeStall, "writeStall");
        requireNonNull(pingInterval, "pingInterval");
        requireNonNull(idleTimeout, "idleTimeout");
        requireNonNull(statsInterval, "statsInterval");
    }

    public static EventStreamSettings defaults() {
        return new EventStreamSettings(256, Duration.ofSeconds(5), Duration.ofSeconds(20), Duration.ofSeconds(60),
                Duration.ofSeconds(5));
    }

    public EventStreamSettings withStatsInterval(Duration statsInterval) {
        return new EventStreamSettings(queueCapacity, writeStall, pingInterval, idleTimeout, statsInterval);
    }
}
