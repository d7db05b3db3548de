package io.bifrost.core.health;

import static java.util.Objects.requireNonNull;

import io.bifrost.core.event.BackendHealthChanged;
import io.bifrost.core.health.ProbeOutcome.Failure;
import io.bifrost.core.port.out.EventSink;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The health state machine of one backend ([BKD-063]). Probe results are its only input: dial failures of real
 * traffic never change health. Publishes {@code backend.health} on every change. Thread-safe (compare-and-set).
 */
public final class HealthTracker {
    private final String backend;
    private final String type;
    private final HealthPolicy policy;
    private final EventSink events;
    private final AtomicReference<HealthState> state = new AtomicReference<>(HealthState.initial());

    public HealthTracker(String backend, String type, HealthPolicy policy, EventSink events) {
        this.backend = requireNonNull(backend, "backend");
        this.type = requireNonNull(type, "type");
        this.policy = requireNonNull(policy, "policy");
        this.events = requireNonNull(events, "events");
    }

    public HealthState state() {
        return state.get();
    }

    public boolean isHealthy() {
        return state.get().healthy();
    }

    /** Records one probe result; returns the new state. */
    public HealthState record(ProbeOutcome outcome) {
        requireNonNull(outcome, "outcome");
        HealthState before;
        HealthState after;
        do {
            before = state.get();
            after = before.after(outcome, policy);
        } while (!state.compareAndSet(before, after));
        if (before.healthy() != after.healthy()) {
            // A backend counts as healthy before its first result, so a first failure is a change from healthy.
            String reason = outcome instanceof Failure f ? f.reason() : null;
            events.publish(new BackendHealthChanged(outcome.at(), backend, type, after.healthy(), before.healthy(),
                    reason, after.healthy() ? outcome.elapsed() : null));
        }
        return after;
    }
}
