package io.bifrost.core.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import io.bifrost.core.event.ConnectionClosed;
import io.bifrost.core.event.ProxyEvent;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ConnectionRegistryTest {
    private static final Instant T0 = Instant.parse("2025-03-14T09:26:53Z");

    private final List<ProxyEvent> events = new ArrayList<>();
    private final ConnectionRegistry registry = new ConnectionRegistry(events::add, InstantSource.fixed(T0));
    private final AtomicInteger closes = new AtomicInteger();

    private TrackedConnection track() {
        return registry.track("20250314092653-1", "192.0.2.44", 51820, T0, closes::incrementAndGet,
                new ConnectionRegistry.FirstRequest(Protocol.CONNECT, "example.com", 443, "r", "direct", null));
    }

    @Test
    void requestClose_withReason_runsCloserAndUntrackReportsTheReason() {
        TrackedConnection connection = track();

        connection.requestClose(ErrorCode.CLOSED_BY_API);
        registry.untrack(connection, null); // what the socket's close handler does

        assertThat(closes).hasValue(1);
        assertThat(registry.find(connection.id())).isEmpty();
        assertThat(events).last().isInstanceOfSatisfying(ConnectionClosed.class,
                c -> assertThat(c.error()).isEqualTo(ErrorCode.CLOSED_BY_API));
    }

    @Test
    void requestClose_reasonWinsOverTheClosingPathsCode() {
        TrackedConnection connection = track();

        connection.requestClose(ErrorCode.CLOSED_BY_API);
        registry.untrack(connection, ErrorCode.CLIENT_CLOSED);

        assertThat(((ConnectionClosed) events.get(events.size() - 1)).error()).isEqualTo(ErrorCode.CLOSED_BY_API);
    }

    @Test
    void untrack_withoutRequestedReason_reportsTheGivenCode() {
        TrackedConnection connection = track();

        connection.requestClose();
        registry.untrack(connection, null);

        assertThat(((ConnectionClosed) events.get(events.size() - 1)).error()).isNull();
    }
}
