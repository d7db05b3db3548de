package io.bifrost.core.health;

import static java.util.Objects.requireNonNull;

import io.bifrost.core.health.ProbeOutcome.Failure;
import java.time.Duration;
import java.time.Instant;

/**
 * What the management API shows of a probed backend: the {@code health_check} object of [BKD-050] and the
 * backend's {@code latency_ms}. A snapshot: immutable, taken from the probe's settings and the tracker's state at
 * one moment. Components documented as nullable are {@code null} before the first probe result.
 *
 * @param type probe kind as written in the configuration: {@code tcp}, {@code http} or {@code ping}
 * @param target what the probe reaches ([BKD-061])
 * @param interval between probe starts
 * @param lastCheck when the last probe finished; nullable
 * @param lastResult how the last probe ended; nullable
 * @param lastError the reason of the last probe when it failed (e.g. {@code connection refused}); nullable, and
 *     {@code null} after a success
 * @param consecutiveSuccesses successes in a row
 * @param consecutiveFailures failures in a row
 * @param latency duration of the last successful probe ({@code latency_ms}); nullable
 */
public record HealthCheckView(
        String type,
        String target,
        Duration interval,
        Instant lastCheck,
        Result lastResult,
        String lastError,
        int consecutiveSuccesses,
        int consecutiveFailures,
        Duration latency) {

    public HealthCheckView {
        requireNonNull(type, "type");
        requireNonNull(target, "target");
        requireNonNull(interval, "interval");
    }

    /** The view of a probe with these settings in {@code state}. */
    public static HealthCheckView of(String type, String target, Duration interval, HealthState state) {
        requireNonNull(state, "state");
        ProbeOutcome last = state.last();
        return new HealthCheckView(type, target, interval,
                last == null ? null : last.at(),
                last == null ? null : last.succeeded() ? Result.SUCCESS : Result.FAILURE,
                last instanceof Failure f ? f.reason() : null,
                state.consecutiveSuccesses(), state.consecutiveFailures(), state.latency());
    }

    /** {@code last_result} of [BKD-050]. */
    public enum Result {
        SUCCESS("success"),
        FAILURE("failure");

        private final String wireName;

        Result(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }
}
