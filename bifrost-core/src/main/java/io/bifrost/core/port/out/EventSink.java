package io.bifrost.core.port.out;

import io.bifrost.core.event.ProxyEvent;

/**
 * Outbound port: where the core publishes what happened. Called on event-loop threads, often on the data path:
 * implementations must not block, must not throw, and must tolerate concurrent calls.
 */
@FunctionalInterface
public interface EventSink {

    void publish(ProxyEvent event);

    /** A sink that drops everything (embedding without observers, unit tests that do not look). */
    static EventSink discarding() {
        return event -> {};
    }
}
