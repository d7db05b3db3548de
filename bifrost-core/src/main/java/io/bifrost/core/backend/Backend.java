package io.bifrost.core.backend;

import static java.util.Objects.requireNonNull;

import io.bifrost.core.health.HealthTracker;
import java.time.Instant;

/**
 * A configured backend at run time: its identity, its health and its counters. How bytes are dialed through it is
 * the adapters' business. Thread-safe.
 */
public final class Backend {
    private final String name;
    private final String type;
    private final boolean enabled;
    private final int weight;
    private final HealthTracker health;
    private final BackendStats stats = new BackendStats();
    private final Instant startedAt;
    private volatile boolean running;

    /**
     * @param type canonical type name, e.g. {@code http_proxy}
     * @param weight default weight for weighted routes; 0 means 1 ([BKD-001])
     * @param startedAt when it started; {@code null} for a backend that is not running (disabled)
     */
    public Backend(String name, String type, boolean enabled, int weight, HealthTracker health, Instant startedAt) {
        this.name = requireNonNull(name, "name");
        this.type = requireNonNull(type, "type");
        if (weight < 0) {
            throw new IllegalArgumentException("weight: " + weight + " (expected: >= 0)");
        }
        this.enabled = enabled;
        this.weight = weight;
        this.health = requireNonNull(health, "health");
        this.startedAt = startedAt;
        this.running = enabled && startedAt != null;
    }

    public String name() {
        return name;
    }

    public String type() {
        return type;
    }

    public boolean enabled() {
        return enabled;
    }

    /** The configured weight, 0 when unset. */
    public int weight() {
        return weight;
    }

    /** Started and selectable ([BKD-050]); false once disabled or removed. */
    public boolean running() {
        return running;
    }

    /** Takes the backend out of selection (removal at run time, [BKD-091]); open connections run to their end. */
    public void stop() {
        running = false;
    }

    /** Healthy per its probe, and false when not running ([BKD-050]). */
    public boolean healthy() {
        return running && health.isHealthy();
    }

    public HealthTracker health() {
        return health;
    }

    public BackendStats stats() {
        return stats;
    }

    /** When it started, or {@code null} when it never ran. */
    public Instant startedAt() {
        return startedAt;
    }

    @Override
    public String toString() {
        return name;
    }
}
