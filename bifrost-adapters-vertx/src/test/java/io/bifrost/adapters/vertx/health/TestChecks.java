package io.bifrost.adapters.vertx.health;

import io.bifrost.core.config.EffectiveHealthCheck;
import io.bifrost.core.config.HealthCheckType;
import java.time.Duration;

/** Effective checks for tests; the config reader enforces interval >= 1s, these may go below to keep tests fast. */
final class TestChecks {
    private TestChecks() {}

    static EffectiveHealthCheck tcp(String target, Duration timeout) {
        return new EffectiveHealthCheck(HealthCheckType.TCP, Duration.ofSeconds(1), timeout, target, "/health", "http",
                false, 1, 1);
    }

    static EffectiveHealthCheck http(String target, String path, Duration timeout) {
        return new EffectiveHealthCheck(HealthCheckType.HTTP, Duration.ofSeconds(1), timeout, target, path, "http",
                false, 1, 1);
    }

    static EffectiveHealthCheck ping(String target, Duration timeout) {
        return new EffectiveHealthCheck(HealthCheckType.PING, Duration.ofSeconds(1), timeout, target, "/health", "http",
                false, 1, 1);
    }

    static EffectiveHealthCheck every(Duration interval, int rise, int fall) {
        return new EffectiveHealthCheck(HealthCheckType.TCP, interval, Duration.ofSeconds(1), "127.0.0.1:9", "/health",
                "http", false, rise, fall);
    }
}
