package io.bifrost.core.policy;

import java.time.Instant;

/**
 * The content of a token bucket at an instant; immutable, replaced on every change. Shared by {@link RateLimiter}
 * (tokens are requests) and {@link BandwidthBudget} (tokens are bytes, and may go negative as debt).
 *
 * @param count tokens held at {@code atNanos}
 * @param atNanos nanoseconds since the epoch ({@link #nanos})
 */
record Tokens(double count, long atNanos) {

    /** The bucket at {@code now} after continuous refill, capped at {@code capacity}; a clock going back adds none. */
    Tokens refilled(long now, double perNano, double capacity) {
        if (now <= atNanos) {
            return this;
        }
        return new Tokens(Math.min(capacity, count + (now - atNanos) * perNano), now);
    }

    Tokens minus(double n) {
        return new Tokens(count - n, atNanos);
    }

    /** Nanoseconds since the epoch: a long covers the years up to 2262. */
    static long nanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }
}
