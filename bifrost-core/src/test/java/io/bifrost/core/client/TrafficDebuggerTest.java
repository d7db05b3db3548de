package io.bifrost.core.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.bifrost.core.config.ClientRouteConfig.Action;
import io.bifrost.core.config.DebugConfig;
import io.bifrost.core.routing.HostPattern;
import io.bifrost.core.traffic.ErrorCode;
import io.bifrost.core.traffic.Protocol;
import io.bifrost.core.traffic.RequestRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** [CAPI-090]-[CAPI-094], [GEN-061]. */
class TrafficDebuggerTest {
    private static final Instant T0 = Instant.parse("2025-03-14T09:26:53.589Z");

    private static DebugConfig config(boolean enabled, int maxEntries, String... filter) {
        return new DebugConfig(enabled, maxEntries, false, 65536, List.of(filter).stream().map(HostPattern::parse)
                .toList());
    }

    private static RequestRecord record(String host, Protocol protocol, ErrorCode error) {
        return new RequestRecord(T0, "20250314092653-1/1", "127.0.0.1", 53122, null, protocol,
                protocol == Protocol.HTTP ? "GET" : "CONNECT", host, 443, null, host + ":443", error == null ? 200 : 502,
                10, 20, 1.5, "route-1", "default", error, null, null);
    }

    private static RequestRecord ok(String host) {
        return record(host, Protocol.HTTP, null);
    }

    private static long[] ids(List<DebugEntry> entries) {
        return entries.stream().mapToLong(DebugEntry::id).toArray();
    }

    @Test
    void record_typesFollowTheOutcomeAndProtocol() {
        TrafficDebugger d = new TrafficDebugger(config(true, 10));

        DebugEntry request = d.record(ok("a.example"), Action.SERVER, "default", null).orElseThrow();
        DebugEntry tunnel = d.record(record("b.example", Protocol.SOCKS5, null), Action.DIRECT, null, null)
                .orElseThrow();
        DebugEntry error = d.record(record("c.example", Protocol.CONNECT, ErrorCode.CONNECTION_TIMEOUT),
                Action.SERVER, "default", "connection_timeout: c.example:443").orElseThrow();

        assertThat(request.type()).isEqualTo(DebugEntry.Type.REQUEST);
        assertThat(tunnel.type()).isEqualTo(DebugEntry.Type.TUNNEL);
        assertThat(error.type()).isEqualTo(DebugEntry.Type.ERROR);
        assertThat(ids(List.of(request, tunnel, error))).containsExactly(1, 2, 3);
        assertThat(request.clientAddress()).isEqualTo("127.0.0.1:53122");
    }

    @Test
    void record_fullRing_dropsTheOldestFirst() {
        TrafficDebugger d = new TrafficDebugger(config(true, 3));
        for (int i = 0; i < 5; i++) {
            d.record(ok("h" + i + ".example"), Action.DIRECT, null, null);
        }

        assertThat(d.size()).isEqualTo(3);
        assertThat(ids(d.page(10, 0).entries())).containsExactly(5, 4, 3);
        assertThat(ids(d.last(2))).containsExactly(4, 5);
        assertThat(ids(d.since(3))).containsExactly(4, 5);
    }

    @Test
    void record_disabled_keepsNothingAndNotifiesNobody() {
        TrafficDebugger d = new TrafficDebugger(config(false, 10));
        List<DebugEntry> seen = new ArrayList<>();
        d.subscribe(seen::add);

        assertThat(d.record(ok("a.example"), Action.DIRECT, null, null)).isEmpty();
        assertThat(d.size()).isZero();
        assertThat(seen).isEmpty();
    }

    @Test
    void record_filterDomains_onlyMatchingHostsAreRecorded() {
        TrafficDebugger d = new TrafficDebugger(config(true, 10, "*.example.com"));

        assertThat(d.record(ok("api.example.com"), Action.DIRECT, null, null)).isPresent();
        assertThat(d.record(ok("example.org"), Action.DIRECT, null, null)).isEmpty();
        assertThat(d.record(record("", Protocol.SOCKS5, ErrorCode.BAD_REQUEST), null, null, "bad_request: x"))
                .isEmpty();
        assertThat(d.size()).isEqualTo(1);
    }

    @Test
    void page_offsetAndLimit_newestFirstWithTotal() {
        TrafficDebugger d = new TrafficDebugger(config(true, 10));
        for (int i = 0; i < 6; i++) {
            d.record(ok("h" + i + ".example"), Action.DIRECT, null, null);
        }

        TrafficDebugger.Page page = d.page(2, 1);

        assertThat(ids(page.entries())).containsExactly(5, 4);
        assertThat(page.total()).isEqualTo(6);
    }

    @Test
    void errors_onlyFailedEntriesNewestFirst() {
        TrafficDebugger d = new TrafficDebugger(config(true, 10));
        d.record(ok("a.example"), Action.DIRECT, null, null);
        d.record(record("b.example", Protocol.CONNECT, ErrorCode.NO_BACKEND), Action.SERVER, null,
                "no_backend: no server configured");
        d.record(ok("c.example"), Action.DIRECT, null, null);
        d.record(record("d.example", Protocol.HTTP, ErrorCode.SERVER_DISCONNECTED), Action.SERVER, "default",
                "server_disconnected: disconnected");

        TrafficDebugger.Page errors = d.errors(10, 0);

        assertThat(ids(errors.entries())).containsExactly(4, 2);
        assertThat(errors.total()).isEqualTo(2);
    }

    @Test
    void clear_emptiesTheRingButIdsKeepGrowing() {
        TrafficDebugger d = new TrafficDebugger(config(true, 10));
        d.record(ok("a.example"), Action.DIRECT, null, null);
        d.record(ok("b.example"), Action.DIRECT, null, null);

        d.clear();
        DebugEntry next = d.record(ok("c.example"), Action.DIRECT, null, null).orElseThrow();

        assertThat(next.id()).isEqualTo(3);
        assertThat(ids(d.page(10, 0).entries())).containsExactly(3);
    }

    @Test
    void configure_shrinking_keepsTheNewestEntries() {
        TrafficDebugger d = new TrafficDebugger(config(true, 5));
        for (int i = 0; i < 5; i++) {
            d.record(ok("h" + i + ".example"), Action.DIRECT, null, null);
        }

        d.configure(config(true, 2));
        d.record(ok("x.example"), Action.DIRECT, null, null);

        assertThat(ids(d.last(10))).containsExactly(5, 6);
        assertThat(d.config().maxEntries()).isEqualTo(2);
    }

    @Test
    void configure_growing_keepsEverythingAndAddsRoom() {
        TrafficDebugger d = new TrafficDebugger(config(true, 2));
        d.record(ok("a.example"), Action.DIRECT, null, null);
        d.record(ok("b.example"), Action.DIRECT, null, null);

        d.configure(config(true, 4));
        d.record(ok("c.example"), Action.DIRECT, null, null);

        assertThat(ids(d.last(10))).containsExactly(1, 2, 3);
    }

    @Test
    void subscribe_listenerSeesNewEntriesInOrderUntilClosed() {
        TrafficDebugger d = new TrafficDebugger(config(true, 0));
        List<Long> seen = new ArrayList<>();
        TrafficDebugger.Subscription subscription = d.subscribe(e -> seen.add(e.id()));

        d.record(ok("a.example"), Action.DIRECT, null, null);
        d.record(ok("b.example"), Action.DIRECT, null, null);
        assertThat(d.subscriberCount()).isEqualTo(1);
        subscription.close();
        d.record(ok("c.example"), Action.DIRECT, null, null);

        assertThat(seen).containsExactly(1L, 2L);
        assertThat(d.subscriberCount()).isZero();
        assertThat(d.size()).isZero(); // max_entries 0: streamed, never kept
    }

    @Test
    void since_withLimit_givesTheOldestBatchAboveTheId() {
        TrafficDebugger d = new TrafficDebugger(config(true, 4));
        for (int i = 0; i < 6; i++) {
            d.record(ok("h" + i + ".example"), Action.DIRECT, null, null);
        }

        assertThat(ids(d.since(0, 2))).containsExactly(3, 4);
        assertThat(ids(d.since(4, 10))).containsExactly(5, 6);
        assertThat(ids(d.since(6, 10))).isEmpty();
    }

    @Test
    void page_withFilter_countsOnlyMatchingEntries() {
        TrafficDebugger d = new TrafficDebugger(config(true, 10));
        d.record(ok("a.example"), Action.DIRECT, null, null);
        d.record(record("b.example", Protocol.CONNECT, ErrorCode.CONNECTION_TIMEOUT), Action.SERVER, "default", "x");
        d.record(ok("c.example"), Action.DIRECT, null, null);

        TrafficDebugger.Page page = d.page(1, 0, e -> e.type() != DebugEntry.Type.ERROR);

        assertThat(ids(page.entries())).containsExactly(3);
        assertThat(page.total()).isEqualTo(2);
    }
}
