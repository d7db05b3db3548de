package io.bifrost.adapters.vertx.proxy;

import static java.util.Objects.requireNonNull;

import io.bifrost.core.event.RequestCompleted;
import io.bifrost.core.port.out.EventSink;
import io.bifrost.core.traffic.RequestRecord;
import io.bifrost.core.traffic.TrafficCounters;
import java.time.InstantSource;

/**
 * Where a listener's requests are recorded: one {@code RequestCompleted} event per request ([PRX-011]) for the
 * access log, request log and metrics, plus the listener's and the process's counters. Thread-safe; never blocks.
 */
public final class TrafficRecorder {
    private final EventSink events;
    private final TrafficCounters listener;
    private final TrafficCounters total;
    private final InstantSource clock;

    public TrafficRecorder(EventSink events, TrafficCounters listener, TrafficCounters total, InstantSource clock) {
        this.events = requireNonNull(events, "events");
        this.listener = requireNonNull(listener, "listener");
        this.total = requireNonNull(total, "total");
        this.clock = requireNonNull(clock, "clock");
    }

    public void record(RequestRecord record) {
        listener.requestCompleted(record.failed());
        total.requestCompleted(record.failed());
        events.publish(new RequestCompleted(clock.instant(), record));
    }

    public void connectionOpened() {
        listener.connectionOpened();
        total.connectionOpened();
    }

    public void connectionClosed() {
        listener.connectionClosed();
        total.connectionClosed();
    }

    public void connectionRejected() {
        listener.connectionRejected();
        total.connectionRejected();
    }

    public void bytesSent(long n) {
        listener.addBytesSent(n);
        total.addBytesSent(n);
    }

    public void bytesReceived(long n) {
        listener.addBytesReceived(n);
        total.addBytesReceived(n);
    }

    public InstantSource clock() {
        return clock;
    }
}
