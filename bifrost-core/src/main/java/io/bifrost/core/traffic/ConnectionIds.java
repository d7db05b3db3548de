package io.bifrost.core.traffic;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Connection ids {@code <yyyyMMddHHmmss>-<n>} ([GEN-062]): UTC accept time to the second and a process-wide
 * sequence starting at 1. Thread-safe.
 */
public final class ConnectionIds {
    private static final DateTimeFormatter SECONDS =
            DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);

    private final AtomicLong sequence = new AtomicLong();

    public String next(Instant acceptedAt) {
        return SECONDS.format(acceptedAt) + "-" + sequence.incrementAndGet();
    }
}
