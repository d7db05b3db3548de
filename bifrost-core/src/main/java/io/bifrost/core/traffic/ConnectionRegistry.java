package io.bifrost.core.traffic;

import static java.util.Objects.requireNonNull;

import io.bifrost.core.event.ConnectionClosed;
import io.bifrost.core.event.ConnectionOpened;
import io.bifrost.core.port.out.EventSink;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The tracked connections of the proxy listeners ([SAPI-220]) and their {@code connection.new} /
 * {@code connection.close} events ([EVT-021], [EVT-022]). Thread-safe; never blocks.
 */
public final class ConnectionRegistry {
    private final ConcurrentHashMap<String, TrackedConnection> open = new ConcurrentHashMap<>();
    private final ConnectionIds ids = new ConnectionIds();
    private final EventSink events;
    private final InstantSource clock;

    public ConnectionRegistry(EventSink events, InstantSource clock) {
        this.events = requireNonNull(events, "events");
        this.clock = requireNonNull(clock, "clock");
    }

    /** A fresh id for a connection accepted at {@code acceptedAt} ([GEN-062]); ids are not reused. */
    public String nextId(Instant acceptedAt) {
        return ids.next(acceptedAt);
    }

    /** Starts tracking a connection whose first request was just routed, and publishes {@code connection.new}. */
    public TrackedConnection track(
            String id, String clientIp, int clientPort, Instant acceptedAt, Runnable closer, FirstRequest first) {
        TrackedConnection connection = new TrackedConnection(id, clientIp, clientPort, acceptedAt, closer);
        connection.request(first.protocol(), first.host(), first.port(), first.route(), first.backend(),
                first.username());
        open.put(id, connection);
        events.publish(new ConnectionOpened(clock.instant(), connection.snapshot()));
        return connection;
    }

    /**
     * Stops tracking and publishes {@code connection.close}; a second call for the same connection does nothing. A
     * reason given to {@link TrackedConnection#requestClose(ErrorCode)} wins over {@code error}: the socket code only
     * sees a close, the registry knows who asked for it.
     */
    public void untrack(TrackedConnection connection, ErrorCode error) {
        if (open.remove(connection.id(), connection)) {
            Instant now = clock.instant();
            ErrorCode reason = connection.closeReason() != null ? connection.closeReason() : error;
            events.publish(new ConnectionClosed(
                    now, connection.snapshot(), Duration.between(connection.startTime(), now), reason));
        }
    }

    public Optional<TrackedConnection> find(String id) {
        return Optional.ofNullable(open.get(id));
    }

    /** Open tracked connections, oldest first. */
    public List<ConnectionSnapshot> snapshots() {
        return open.values().stream()
                .map(TrackedConnection::snapshot)
                .sorted(Comparator.comparing(ConnectionSnapshot::startTime).thenComparing(ConnectionSnapshot::id))
                .toList();
    }

    public int size() {
        return open.size();
    }

    /** The values of the request that made a connection tracked. */
    public record FirstRequest(
            Protocol protocol, String host, int port, String route, String backend, String username) {}
}
