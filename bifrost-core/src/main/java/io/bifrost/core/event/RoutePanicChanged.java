package io.bifrost.core.event;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * A route entered or left the panic rule of [RTE-051]: every candidate unhealthy, so selection ignores health.
 * Published once per transition (adapters log it at warn level), not per selection.
 *
 * @param candidates how many candidates the route selects among while in panic
 */
public record RoutePanicChanged(Instant at, String route, boolean panic, int candidates) implements ProxyEvent {
    public RoutePanicChanged {
        requireNonNull(at, "at");
        requireNonNull(route, "route");
    }
}
