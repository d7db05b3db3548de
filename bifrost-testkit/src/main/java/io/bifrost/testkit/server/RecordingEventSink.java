package io.bifrost.testkit.server;

import io.bifrost.core.event.ProxyEvent;
import io.bifrost.core.port.out.EventSink;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * An {@link EventSink} that keeps every event, for assertions. Thread-safe: the proxy publishes from its event
 * loops while the test reads from the JUnit thread.
 */
public final class RecordingEventSink implements EventSink {
    private final List<ProxyEvent> events = new ArrayList<>();

    @Override
    public synchronized void publish(ProxyEvent event) {
        events.add(event);
        notifyAll();
    }

    /** Every event so far, in publication order. */
    public synchronized List<ProxyEvent> all() {
        return List.copyOf(events);
    }

    /** The events of one type so far. */
    public synchronized <T extends ProxyEvent> List<T> ofType(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** Waits until {@code count} events of {@code type} matching {@code filter} were published; returns them. */
    public synchronized <T extends ProxyEvent> List<T> await(Class<T> type, Predicate<T> filter, int count,
            Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<T> matching = ofType(type).stream().filter(filter).toList();
            if (matching.size() >= count) {
                return matching;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("expected " + count + " " + type.getSimpleName() + " events within "
                        + timeout + ", got " + matching.size() + ": " + matching);
            }
            try {
                wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }

    public synchronized void clear() {
        events.clear();
    }
}
