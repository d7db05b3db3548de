package io.bifrost.adapters.vertx.metrics;

import java.time.Duration;

/** Histogram buckets of [SAPI-321]. */
final class Buckets {
    /** 0.001 … 1800 s. */
    static final Duration[] DURATIONS = {
        Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(50),
        Duration.ofMillis(100), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(5),
        Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofSeconds(300),
        Duration.ofSeconds(1800)
    };

    /** 100 B … 1 GB, decimal. */
    static final double[] SIZES = {1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9};

    private Buckets() {}
}
