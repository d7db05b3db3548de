package io.bifrost.core.health;

import java.time.Duration;

/**
 * The health of one probed backend ([BKD-063]). Immutable; {@link #after} computes the next state.
 *
 * @param healthy the current state; a backend counts as healthy before its first probe result
 * @param probed whether any probe result has been recorded (the first result sets the state directly)
 * @param consecutiveSuccesses successes in a row, reset by a failure
 * @param consecutiveFailures failures in a row, reset by a success
 * @param last the most recent probe result, or {@code null} before the first
 * @param latency how long the most recent <em>successful</em> probe took ({@code latency_ms} of [BKD-050]), or
 *     {@code null} before the first success; a later failure keeps it
 */
public record HealthState(
        boolean healthy,
        boolean probed,
        int consecutiveSuccesses,
        int consecutiveFailures,
        ProbeOutcome last,
        Duration latency) {

    public static HealthState initial() {
        return new HealthState(true, false, 0, 0, null, null);
    }

    public HealthState after(ProbeOutcome outcome, HealthPolicy policy) {
        boolean ok = outcome.succeeded();
        int successes = ok ? consecutiveSuccesses + 1 : 0;
        int failures = ok ? 0 : consecutiveFailures + 1;
        boolean next;
        if (!probed) {
            next = ok;
        } else if (healthy) {
            next = failures < policy.fall();
        } else {
            next = successes >= policy.rise();
        }
        return new HealthState(next, true, successes, failures, outcome, ok ? outcome.elapsed() : latency);
    }
}
