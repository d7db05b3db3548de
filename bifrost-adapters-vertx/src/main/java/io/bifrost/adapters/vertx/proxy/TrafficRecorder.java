package io.bifrost.adapters.vertx.proxy;

import static java.util.Objects.requireNonNull;

import io.bifrost.core.event.RequestCompleted;
import io.bifrost.core.port.out.EventSink;
import io.bifrost.core.traffic.RequestRecord;
import io.bifrost.core.traffic.TrafficCounters;
import java.time.InstantSource;

/**
 * Where a listener's requests are recorded: one {@code RequestCompleted} event per request ([PRX-011]) for the
 * access log, request log and metrics, the listener's and the process's counters, and an optional observer that also
 * sees what the record leaves out (the client's traffic debugger, [CAPI-090]). Thread-safe; never blocks.
 */
public final class TrafficRecorder {
    private final EventSink events;
    private final TrafficCounters listener;
    private final TrafficCounters total;
    private final InstantSource clock;
    private final RequestObserver observer;

    public TrafficRecorder(EventSink events, TrafficCounters listener, TrafficCounters total, InstantSource clock) {
        this(events, listener, total, clock, RequestObserver.NONE);
    }

    /** @param observer called once per request after the event, on the connection's event loop; must not block */
    public TrafficRecorder(EventSink events, TrafficCounters listener, TrafficCounters total, InstantSource clock,
            RequestObserver observer) {
        this.events = requireNonNull(events, "events");
        this.listener = requireNonNull(listener, "listener");
        this.total = requireNonNull(total, "total");
        this.clock = requireNonNull(clock, "clock");
        this.observer = requireNonNull(observer, "observer");
    }

    /** Records one finished request: {@code record} is {@code info}'s final state. */
    public void record(RequestInfo info, RequestRecord record) {
        listener.requestCompleted(record.failed());
        total.requestCompleted(record.failed());
        events.publish(new RequestCompleted(clock.instant(), record));
        observer.completed(record, info);
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

    /** Sees every finished request with everything known about it. Called on event loops: must not block. */
    @FunctionalInterface
    public interface RequestObserver {
        RequestObserver NONE = (record, info) -> { };

        void completed(RequestRecord record, RequestInfo info);
    }
}
