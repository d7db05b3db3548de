package io.bifrost.core.backend;

import java.time.Instant;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counters of one backend since it started ([BKD-050]); backend-side byte family of [GEN-006] (sent = to the
 * upstream). Thread-safe; every event loop adds without contention.
 */
public final class BackendStats {
    private final LongAdder active = new LongAdder();
    private final LongAdder total = new LongAdder();
    private final LongAdder bytesSent = new LongAdder();
    private final LongAdder bytesReceived = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private volatile LastError lastError;

    /** A dial through this backend starts: it counts as active from now ([RTE-060] least_conn). */
    public void dialStarted() {
        total.increment();
        active.increment();
    }

    /** The dial failed; the connection is no longer active. */
    public void dialFailed(String code, String detail, Instant at) {
        active.decrement();
        errors.increment();
        lastError = new LastError(code + ": " + detail, at);
    }

    /** An upstream connection that was established has closed. */
    public void connectionClosed() {
        active.decrement();
    }

    public void addBytesSent(long n) {
        bytesSent.add(n);
    }

    public void addBytesReceived(long n) {
        bytesReceived.add(n);
    }

    public long activeConnections() {
        return active.sum();
    }

    public long totalConnections() {
        return total.sum();
    }

    public long bytesSent() {
        return bytesSent.sum();
    }

    public long bytesReceived() {
        return bytesReceived.sum();
    }

    public long errors() {
        return errors.sum();
    }

    /** The last failed dial, or {@code null}. */
    public LastError lastError() {
        return lastError;
    }

    /** @param message {@code <code>: <detail>} */
    public record LastError(String message, Instant at) {}
}
