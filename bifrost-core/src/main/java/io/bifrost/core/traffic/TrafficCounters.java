package io.bifrost.core.traffic;

import java.util.concurrent.atomic.LongAdder;

/**
 * Listener-side totals since start ([SAPI-013], [GEN-006]): one instance per proxy listener plus one for all of
 * them. {@link LongAdder}s, so every event loop adds without contention. Thread-safe.
 */
public final class TrafficCounters {
    private final LongAdder totalConnections = new LongAdder();
    private final LongAdder activeConnections = new LongAdder();
    private final LongAdder rejectedConnections = new LongAdder();
    private final LongAdder totalRequests = new LongAdder();
    private final LongAdder failedRequests = new LongAdder();
    private final LongAdder bytesSent = new LongAdder();
    private final LongAdder bytesReceived = new LongAdder();

    public void connectionOpened() {
        totalConnections.increment();
        activeConnections.increment();
    }

    public void connectionClosed() {
        activeConnections.decrement();
    }

    /** A connection refused by a ceiling ([PRX-004]); not counted as a connection. */
    public void connectionRejected() {
        rejectedConnections.increment();
    }

    public void requestCompleted(boolean failed) {
        totalRequests.increment();
        if (failed) {
            failedRequests.increment();
        }
    }

    public void addBytesSent(long n) {
        bytesSent.add(n);
    }

    public void addBytesReceived(long n) {
        bytesReceived.add(n);
    }

    public long totalConnections() {
        return totalConnections.sum();
    }

    public long activeConnections() {
        return activeConnections.sum();
    }

    public long rejectedConnections() {
        return rejectedConnections.sum();
    }

    public long totalRequests() {
        return totalRequests.sum();
    }

    public long failedRequests() {
        return failedRequests.sum();
    }

    public long bytesSent() {
        return bytesSent.sum();
    }

    public long bytesReceived() {
        return bytesReceived.sum();
    }
}
