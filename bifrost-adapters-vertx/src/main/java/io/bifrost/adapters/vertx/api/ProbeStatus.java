package io.bifrost.adapters.vertx.api;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;

/**
 * The health probe of one backend as the API shows it ([BKD-050] {@code health_check}, {@code latency_ms}).
 * Immutable.
 *
 * @param type {@code tcp}, {@code http} or {@code ping}
 * @param target where the probe goes
 * @param interval between probe starts
 * @param lastCheck when the last probe finished, or {@code null} before the first
 * @param lastSucceeded the last probe's result, or {@code null} before the first
 * @param lastError the last probe's error when it failed, else {@code null}
 * @param consecutiveSuccesses successes in a row
 * @param consecutiveFailures failures in a row
 * @param latency duration of the last successful probe, or {@code null} when none succeeded yet
 */
public record ProbeStatus(
        String type,
        String target,
        Duration interval,
        Instant lastCheck,
        Boolean lastSucceeded,
        String lastError,
        int consecutiveSuccesses,
        int consecutiveFailures,
        Duration latency) {

    public ProbeStatus {
        requireNonNull(type, "type");
        requireNonNull(target, "target");
        requireNonNull(interval, "interval");
    }
}
