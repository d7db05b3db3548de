package io.bifrost.adapters.vertx.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.bifrost.core.config.ConfigProblem;
import io.bifrost.core.event.BackendHealthChanged;
import io.bifrost.core.event.ConfigReloaded;
import io.bifrost.core.event.ConfigSaved;
import io.bifrost.core.event.ConnectionClosed;
import io.bifrost.core.event.ConnectionOpened;
import io.bifrost.core.event.RoutePanicChanged;
import io.bifrost.core.traffic.ConnectionSnapshot;
import io.bifrost.core.traffic.ErrorCode;
import io.bifrost.core.traffic.Protocol;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The frames of [EVT-020]-[EVT-026], member for member as the spec's examples show them. */
class EventJsonTest {
    private static final Instant T = Instant.parse("2025-03-14T09:26:53.012Z");
    private static final ConnectionSnapshot ALICE = new ConnectionSnapshot("20250314092653-4127", "192.0.2.44", 51820,
            Protocol.CONNECT, "api.example.com", 443, "default", "direct", "alice", T, 1, 48213, 3310);

    private static JsonObject frame(Object event) {
        EventJson.Encoded e = EventJson.encode((io.bifrost.core.event.ProxyEvent) event);
        JsonObject json = new JsonObject(e.text());
        assertThat(json.getString("type")).isEqualTo(e.type());
        return json;
    }

    @Test
    void connectionNew_matchesEvt021() {
        assertThat(frame(new ConnectionOpened(T, ALICE))).isEqualTo(new JsonObject("""
                {"type": "connection.new", "timestamp": "2025-03-14T09:26:53.012Z",
                 "data": {"id": "20250314092653-4127", "protocol": "CONNECT", "client_ip": "192.0.2.44",
                          "client_port": 51820, "host": "api.example.com", "port": 443, "route": "default",
                          "backend": "direct", "username": "alice"}}"""));
    }

    @Test
    void connectionClose_matchesEvt022_withErrorWhenFailed() {
        JsonObject json = frame(new ConnectionClosed(Instant.parse("2025-03-14T09:27:08.044Z"), ALICE,
                Duration.ofNanos(15_032_400_000L), ErrorCode.CLOSED_BY_API));

        assertThat(json.getString("timestamp")).isEqualTo("2025-03-14T09:27:08.044Z");
        assertThat(json.getJsonObject("data")).isEqualTo(new JsonObject("""
                {"id": "20250314092653-4127", "protocol": "CONNECT", "client_ip": "192.0.2.44", "client_port": 51820,
                 "host": "api.example.com", "port": 443, "route": "default", "backend": "direct", "username": "alice",
                 "bytes_sent": 48213, "bytes_received": 3310, "duration_ms": 15032.4, "requests": 1,
                 "error": "closed_by_api"}"""));
    }

    @Test
    void backendHealth_matchesEvt020() {
        JsonObject down = frame(new BackendHealthChanged(T, "corp-proxy", "http_proxy", false, true,
                "connection refused", null)).getJsonObject("data");
        JsonObject up = frame(new BackendHealthChanged(T, "corp-proxy", "http_proxy", true, false, null,
                Duration.ofNanos(11_900_000))).getJsonObject("data");

        assertThat(down).isEqualTo(new JsonObject("""
                {"name": "corp-proxy", "type": "http_proxy", "healthy": false, "previous": true,
                 "reason": "connection refused", "initial": false}"""));
        assertThat(up).isEqualTo(new JsonObject("""
                {"name": "corp-proxy", "type": "http_proxy", "healthy": true, "previous": false, "latency_ms": 11.9,
                 "initial": false}"""));
    }

    @Test
    void configEvents_matchEvt024AndEvt025() {
        JsonObject reload = frame(new ConfigReloaded(T, false, "api", List.of("routes"), List.of(), List.of(),
                List.of(ConfigProblem.error("routes[2].backend", "unknown backend \"wg\""))))
                .getJsonObject("data");
        JsonObject saved = frame(new ConfigSaved(T, "config", List.of("server", "access_control"),
                List.of("access_control"), List.of("server"), "/etc/bifrost/x.backup")).getJsonObject("data");

        assertThat(reload).isEqualTo(new JsonObject("""
                {"status": "failed", "trigger": "api", "changed_sections": ["routes"], "hot_reloaded_sections": [],
                 "restart_required_sections": [], "requires_restart": false,
                 "errors": [{"path": "routes[2].backend", "message": "unknown backend \\"wg\\"", "severity": "error",
                             "section": "routes"}]}"""));
        assertThat(saved).isEqualTo(new JsonObject("""
                {"source": "config", "changed_sections": ["server", "access_control"],
                 "hot_reloaded_sections": ["access_control"], "restart_required_sections": ["server"],
                 "requires_restart": true, "backup_path": "/etc/bifrost/x.backup"}"""));
    }

    @Test
    void otherEvents_areNotSent() {
        assertThat(EventJson.encode(new RoutePanicChanged(T, "r", true, 2))).isNull();
    }

    @Test
    void stats_matchesEvt026() {
        StatsSnapshot s = new StatsSnapshot(5000, 25, 18234, 97, 209715200, 104857600, 4, 3, 3);

        assertThat(EventJson.stats(s, 1310720.5, 65536, 12.4)).isEqualTo(new JsonObject("""
                {"active_connections": 25, "total_connections": 5000, "total_requests": 18234,
                 "bytes_sent": 209715200, "bytes_received": 104857600, "bytes_sent_per_second": 1310720.5,
                 "bytes_received_per_second": 65536.0, "requests_per_second": 12.4,
                 "backends": {"total": 4, "running": 3, "healthy": 3}}"""));
    }

    @Test
    void statsRates_arePerSecondOverTheLastInterval() {
        StatsRates rates = new StatsRates();
        rates.sample(new StatsSnapshot(0, 0, 10, 0, 1000, 500, 0, 0, 0), 0);

        JsonObject data = rates.sample(new StatsSnapshot(0, 0, 60, 0, 11000, 500, 0, 0, 0), 5_000_000_000L);

        assertThat(data.getDouble("bytes_sent_per_second")).isEqualTo(2000.0);
        assertThat(data.getDouble("bytes_received_per_second")).isEqualTo(0.0);
        assertThat(data.getDouble("requests_per_second")).isEqualTo(10.0);
    }
}
