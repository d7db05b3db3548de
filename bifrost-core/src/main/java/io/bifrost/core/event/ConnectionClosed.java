package io.bifrost.core.event;

import static java.util.Objects.requireNonNull;

import io.bifrost.core.traffic.ConnectionSnapshot;
import io.bifrost.core.traffic.ErrorCode;
import java.time.Duration;
import java.time.Instant;

/**
 * A tracked connection closed ([EVT-022]); follows exactly one {@link ConnectionOpened} with the same id.
 *
 * @param connection values as of its last request, with final byte counters
 * @param lifetime from accept to close
 * @param error why it ended, when it ended by a failure; else {@code null}
 */
public record ConnectionClosed(Instant at, ConnectionSnapshot connection, Duration lifetime, ErrorCode error)
        implements ProxyEvent {
    public ConnectionClosed {
        requireNonNull(at, "at");
        requireNonNull(connection, "connection");
        requireNonNull(lifetime, "lifetime");
    }
}
