package io.bifrost.app.client.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.bifrost.app.client.Poll;
import io.bifrost.testkit.FakePorts;
import io.bifrost.testkit.FakeServerExtension;
import io.bifrost.testkit.client.BifrostClientExtension;
import io.bifrost.testkit.client.ClientTestConfigs;
import io.bifrost.testkit.origin.FakeHttpOrigin;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The traffic debugger and the log ([CAPI-090]-[CAPI-100]), and the endpoints of features this version lacks
 * ([CAPI-110]-[CAPI-130]).
 */
class ClientDebugApiIT {
    @RegisterExtension
    @Order(1)
    static final FakeServerExtension<FakeHttpOrigin> origin = FakeServerExtension.of(FakeHttpOrigin.http());

    @RegisterExtension
    @Order(2)
    final BifrostClientExtension client = BifrostClientExtension.withConfig(() -> ThroughClient.LOCALHOST_DIRECT);

    private final ApiCalls api = new ApiCalls(client::api);

    private String hello() {
        return "http://localhost:" + origin.get().port() + "/hello";
    }

    /** Requests {@code urls} in order, then waits until the debugger holds {@code total} entries. */
    private void traffic(int total, String... urls) {
        for (String url : urls) {
            ThroughClient.get(client, url);
        }
        Poll.until(total + " entries", () -> client.client().debugger().size() == total);
    }

    @Test
    void entries_listRequestsNewestFirstWithActionStatusBytesAndDuration() {
        traffic(2, hello(), hello() + "?second");

        JsonArray entries = api.get("/api/v1/debug/entries").array();

        assertThat(entries).hasSize(2);
        JsonObject newest = entries.getJsonObject(0);
        assertThat(newest.fieldNames()).containsExactlyInAnyOrder("id", "timestamp", "type", "protocol", "method",
                "host", "port", "path", "url", "status_code", "duration_ms", "bytes_sent", "bytes_received", "action",
                "route", "client_addr");
        assertThat(newest.getLong("id")).isEqualTo(entries.getJsonObject(1).getLong("id") + 1);
        assertThat(newest.getString("timestamp")).matches(ClientStatusApiIT.TIME);
        assertThat(newest.getString("type")).isEqualTo("request");
        assertThat(newest.getString("protocol")).isEqualTo("HTTP");
        assertThat(newest.getString("method")).isEqualTo("GET");
        assertThat(newest.getString("host")).isEqualTo("localhost");
        assertThat(newest.getInteger("port")).isEqualTo(origin.get().port());
        assertThat(newest.getString("path")).isEqualTo("/hello");
        assertThat(newest.getString("url")).isEqualTo(hello() + "?second");
        assertThat(newest.getInteger("status_code")).isEqualTo(200);
        assertThat(newest.getDouble("duration_ms")).isPositive();
        assertThat(newest.getLong("bytes_sent")).isGreaterThan(5);
        assertThat(newest.getLong("bytes_received")).isGreaterThan(20);
        assertThat(newest.getString("action")).isEqualTo("direct");
        assertThat(newest.getString("route")).isEqualTo("local");
        assertThat(newest.getString("client_addr")).matches("127\\.0\\.0\\.1:\\d+");
        assertThat(api.get("/api/v1/debug/entries?limit=1&offset=1").array()).singleElement()
                .extracting(e -> ((JsonObject) e).getString("url")).isEqualTo(hello());
        assertThat(api.get("/api/v1/debug/entries?limit=0").json().getString("code")).isEqualTo("INVALID_PARAMETER");
        assertThat(api.get("/api/v1/debug/entries?offset=x").status()).isEqualTo(400);
    }

    @Test
    void entries_requestsRefusedBeforeRouting_stillCarryTheirAction() throws Exception {
        client.restart(ClientTestConfigs.client(ClientTestConfigs.server(
                new InetSocketAddress("127.0.0.1", FakePorts.closedPort()), "http") + """
                routes:
                  - name: local
                    domains: ["localhost"]
                    action: direct
                """));

        assertThat(rawRequest("TRACE http://localhost:" + origin.get().port() + "/x HTTP/1.1\r\nHost: localhost"))
                .startsWith("HTTP/1.1 405");
        assertThat(rawRequest("TRACE http://example.com/x HTTP/1.1\r\nHost: example.com"))
                .startsWith("HTTP/1.1 405");
        assertThat(rawRequest("GET http://exa mple.com/ HTTP/1.1\r\nHost: x")).startsWith("HTTP/1.1 400");
        Poll.until("3 entries", () -> client.client().debugger().size() == 3);

        JsonArray errors = api.get("/api/v1/debug/errors").array();

        // [CAPI-090]: action is required. Newest first: no host and example.com take the [RTE-081] fallback (an
        // upstream is configured), localhost its route
        assertThat(errors).extracting(e -> ((JsonObject) e).getString("action"))
                .containsExactly("server", "server", "direct");
        assertThat(errors.getJsonObject(2).getString("error")).startsWith("method_not_allowed");
        assertThat(errors.getJsonObject(2).containsKey("server")).isFalse(); // nothing was sent anywhere
    }

    /** One request head (CRLFs between its lines) on a fresh connection to the HTTP listener; the status line. */
    private String rawRequest(String head) throws Exception {
        try (Socket socket = new Socket()) {
            socket.connect(client.httpProxy(), 5000);
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write((head + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1))
                    .readLine();
        }
    }

    @Test
    void last_isATailOldestFirst_withCount1To1000() {
        traffic(3, hello() + "?1", hello() + "?2", hello() + "?3");

        JsonArray last = api.get("/api/v1/debug/entries/last/2").array();

        assertThat(last).extracting(e -> ((JsonObject) e).getString("url")).containsExactly(hello() + "?2",
                hello() + "?3");
        assertThat(api.get("/api/v1/debug/entries/last/1000").array()).hasSize(3);
        for (String bad : new String[] {"0", "1001", "x", "-1"}) {
            ApiCalls.Answer answer = api.get("/api/v1/debug/entries/last/" + bad);
            assertThat(answer.status()).as(bad).isEqualTo(400);
            assertThat(answer.json().getString("code")).isEqualTo("INVALID_PARAMETER");
        }
    }

    @Test
    void errors_andClear_keepIdsIncreasing() {
        String refused = "http://localhost:" + FakePorts.closedPort() + "/x";
        traffic(2, hello(), refused);

        JsonArray errors = api.get("/api/v1/debug/errors").array();

        assertThat(errors).hasSize(1);
        JsonObject error = errors.getJsonObject(0);
        assertThat(error.getString("type")).isEqualTo("error");
        assertThat(error.getInteger("status_code")).isEqualTo(502);
        assertThat(error.getString("error")).startsWith("connection_refused");
        long lastId = error.getLong("id");

        ApiCalls.Answer cleared = api.delete("/api/v1/debug/entries");

        assertThat(cleared.status()).isEqualTo(204);
        assertThat(api.get("/api/v1/debug/entries").array()).isEmpty();
        assertThat(api.get("/api/v1/status").json().getInteger("debug_entries")).isZero();
        traffic(1, hello());
        assertThat(api.get("/api/v1/debug/entries").array().getJsonObject(0).getLong("id")).isEqualTo(lastId + 1);
    }

    @Test
    void memory_reportsTheJvmFigures() {
        JsonObject memory = api.get("/api/v1/debug/memory").json();

        assertThat(memory.fieldNames()).containsExactlyInAnyOrder("heap_used_bytes", "heap_committed_bytes",
                "heap_max_bytes", "non_heap_used_bytes", "non_heap_committed_bytes", "direct_buffer_bytes",
                "gc_count", "gc_time_ms", "gc", "thread_count", "daemon_thread_count", "peak_thread_count",
                "loaded_class_count", "uptime_seconds", "log_subscribers");
        assertThat(memory.getLong("heap_used_bytes")).isPositive();
        assertThat(memory.getInteger("thread_count")).isPositive();
        assertThat(memory.getInteger("loaded_class_count")).isGreaterThan(1000);
        assertThat(memory.getJsonArray("gc")).isNotEmpty().allSatisfy(g -> assertThat(((JsonObject) g).fieldNames())
                .containsExactlyInAnyOrder("name", "count", "time_ms"));
        assertThat(memory.getInteger("log_subscribers")).isZero();
    }

    @Test
    void logs_renderEntriesAsLogLinesFilteredByLevel() {
        int closed = FakePorts.closedPort();
        traffic(2, hello(), "http://localhost:" + closed + "/x");

        JsonObject all = api.get("/api/v1/logs").json();
        JsonObject errors = api.get("/api/v1/logs?level=error&limit=10").json();

        assertThat(all.fieldNames()).containsExactly("source", "entries", "total", "limit", "offset");
        assertThat(all.getString("source")).isEqualTo("traffic");
        assertThat(all.getInteger("total")).isEqualTo(2);
        assertThat(all.getInteger("limit")).isEqualTo(100);
        JsonObject info = all.getJsonArray("entries").getJsonObject(1);
        assertThat(info.fieldNames()).containsExactly("id", "timestamp", "level", "message", "fields");
        assertThat(info.getString("level")).isEqualTo("info");
        assertThat(info.getString("message")).isEqualTo("GET " + hello() + " -> 200 (direct)");
        assertThat(info.getJsonObject("fields").getString("source")).isEqualTo("traffic");
        assertThat(info.getJsonObject("fields").getString("route")).isEqualTo("local");
        assertThat(errors.getInteger("total")).isEqualTo(1);
        assertThat(errors.getInteger("limit")).isEqualTo(10);
        JsonObject error = errors.getJsonArray("entries").getJsonObject(0);
        assertThat(error.getString("level")).isEqualTo("error");
        assertThat(error.getString("message")).startsWith("GET localhost:" + closed + " failed: connection_refused");
        assertThat(api.get("/api/v1/logs?level=warn").json().getInteger("total")).isZero();
        assertThat(api.get("/api/v1/logs?level=fatal").json().getString("code")).isEqualTo("INVALID_PARAMETER");
    }

    @Test
    void cacheVpnAndMesh_answerHonestly() {
        assertThat(api.get("/api/v1/cache/stats").json()).isEqualTo(new JsonObject().put("enabled", false)
                .put("storage_type", "none").put("entries", 0).put("total_size_bytes", 0).put("max_size_bytes", 0)
                .put("hit_count", 0).put("miss_count", 0).put("hit_rate", 0));
        assertThat(api.get("/api/v1/cache/entries?limit=5&domain=example.com").json()).isEqualTo(new JsonObject()
                .put("entries", new JsonArray()).put("total", 0).put("offset", 0).put("limit", 5));
        assertThat(api.delete("/api/v1/cache/entries/abc").json().getString("code")).isEqualTo("ENTRY_NOT_FOUND");
        assertThat(api.post("/api/v1/cache/clear", null).json()).isEqualTo(new JsonObject()
                .put("status", "cleared").put("deleted", 0));
        assertThat(api.get("/api/v1/vpn/status").json()).isEqualTo(new JsonObject().put("status", "disabled")
                .put("enabled", false));
        assertThat(api.get("/api/v1/vpn/connections").array()).isEmpty();
        for (String path : new String[] {"/api/v1/vpn/enable", "/api/v1/vpn/split/apps", "/api/v1/mesh/enable"}) {
            ApiCalls.Answer answer = api.post(path, "{}");
            assertThat(answer.status()).as(path).isEqualTo(501);
            assertThat(answer.json().getString("code")).isEqualTo("NOT_IMPLEMENTED");
        }
        assertThat(api.get("/api/v1/vpn/split/rules").status()).isEqualTo(501);
        assertThat(api.get("/api/v1/mesh/peers").status()).isEqualTo(501);
        assertThat(api.get("/api/v1/mesh/status").json()).isEqualTo(new JsonObject().put("status", "disabled")
                .put("enabled", false));
        assertThat(api.send("POST", "/api/v1/vpn/enable", null).json().getString("code")).isEqualTo("CSRF_FAILED");
    }
}
