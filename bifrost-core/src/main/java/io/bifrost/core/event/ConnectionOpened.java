package io.bifrost.core.event;

import static java.util.Objects.requireNonNull;

import io.bifrost.core.traffic.ConnectionSnapshot;
import java.time.Instant;

/** A client connection became tracked: its first request was routed to a backend ([EVT-021]). */
public record ConnectionOpened(Instant at, ConnectionSnapshot connection) implements ProxyEvent {
    public ConnectionOpened {
        requireNonNull(at, "at");
        requireNonNull(connection, "connection");
    }
}
