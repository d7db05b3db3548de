package io.bifrost.adapters.vertx.proxy;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Concurrent-connection ceilings ([PRX-004]): one per listener and one across both; 0 means no limit. A connection
 * holds a place in both from accept to close. Thread-safe.
 */
public final class ConnectionCeilings {
    private final AtomicInteger total = new AtomicInteger();
    private final int totalLimit;

    public ConnectionCeilings(int totalLimit) {
        this.totalLimit = totalLimit;
    }

    /** A listener's own ceiling, sharing this object's total. */
    public Ceiling listener(int limit) {
        return new Ceiling(limit);
    }

    /** The places one listener holds. */
    public final class Ceiling {
        private final AtomicInteger open = new AtomicInteger();
        private final int limit;

        private Ceiling(int limit) {
            this.limit = limit;
        }

        /** Takes a place, or returns false when either ceiling is reached. */
        public boolean tryEnter() {
            if (limit > 0 && open.incrementAndGet() > limit) {
                open.decrementAndGet();
                return false;
            }
            if (limit <= 0) {
                open.incrementAndGet();
            }
            if (totalLimit > 0 && total.incrementAndGet() > totalLimit) {
                total.decrementAndGet();
                open.decrementAndGet();
                return false;
            }
            if (totalLimit <= 0) {
                total.incrementAndGet();
            }
            return true;
        }

        public void leave() {
            open.decrementAndGet();
            total.decrementAndGet();
        }

        public int open() {
            return open.get();
        }
    }
}
