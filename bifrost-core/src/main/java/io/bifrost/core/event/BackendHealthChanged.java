package io.bifrost.core.event;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;

/**
 * A backend's health state changed ([BKD-063], [EVT-020]).
 *
 * @param previous the state before, or {@code null} when this is the first probe result
 * @param reason the error of the probe that made it unhealthy, else {@code null}
 * @param latency duration of the probe that made it healthy, else {@code null}
 */
public record BackendHealthChanged(
        Instant at, String backend, String type, boolean healthy, Boolean previous, String reason, Duration latency)
        implements ProxyEvent {
    public BackendHealthChanged {
        requireNonNull(at, "at");
        requireNonNull(backend, "backend");
        requireNonNull(type, "type");
    }
}
