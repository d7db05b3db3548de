package io.bifrost.app.client.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.bifrost.adapters.vertx.config.YamlConfigParser;
import io.bifrost.app.client.Poll;
import io.bifrost.core.event.ConnectionOpened;
import io.bifrost.testkit.FakePorts;
import io.bifrost.testkit.FakeServerExtension;
import io.bifrost.testkit.client.BifrostClientExtension;
import io.bifrost.testkit.client.ClientTestConfigs;
import io.bifrost.testkit.origin.FakeHttpOrigin;
import io.bifrost.testkit.server.BifrostServerExtension;
import io.bifrost.testkit.server.TestConfigs;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Health, version, status, connection state, servers and quick settings ([CAPI-010]-[CAPI-046]). */
class ClientStatusApiIT {
    static final String TIME = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z";

    @RegisterExtension
    @Order(1)
    static final FakeServerExtension<FakeHttpOrigin> origin = FakeServerExtension.of(FakeHttpOrigin.http());

    @RegisterExtension
    @Order(2)
    static final BifrostServerExtension server = BifrostServerExtension.withConfig(TestConfigs::directEverywhere);

    @RegisterExtension
    @Order(2)
    static final BifrostServerExtension serverB = BifrostServerExtension.withConfig(TestConfigs::directEverywhere);

    @RegisterExtension
    @Order(3)
    final BifrostClientExtension client = BifrostClientExtension.withConfig(() -> ClientTestConfigs.client(
            ClientTestConfigs.server(server.httpProxy(), "http") + """
            servers:
              - name: b
                address: "%s"
              - name: nowhere
                address: "127.0.0.1:%d"
            routes:
              - name: rest
                domains: ["*"]
                action: server
            """.formatted(hostPort(serverB.httpProxy()), FakePorts.closedPort())));

    private final ApiCalls api = new ApiCalls(() -> client.api());

    static String hostPort(InetSocketAddress a) {
        return a.getHostString() + ":" + a.getPort();
    }

    @Test
    void health_reachableUpstream_isHealthyWithTheTime() {
        ApiCalls.Answer health = api.get("/api/v1/health");

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().fieldNames()).containsExactlyInAnyOrder("status", "time");
        assertThat(health.json().getString("status")).isEqualTo("healthy");
        assertThat(health.json().getString("time")).matches(TIME);
        assertThat(health.header("Content-Type")).isEqualTo("application/json; charset=utf-8");
    }

    @Test
    void version_describesTheClientBuild() {
        JsonObject version = api.get("/api/v1/version").json();

        assertThat(version.fieldNames()).containsExactlyInAnyOrder("version", "git_commit", "build_time",
                "java_version", "java_vendor", "platform");
        assertThat(version.getString("build_time")).matches(TIME);
        assertThat(version.getString("platform")).matches("[a-z]+/[a-z0-9_]+");
        assertThat(version.getString("java_version")).isEqualTo(Runtime.version().version().stream()
                .map(String::valueOf).reduce((a, b) -> a + "." + b).orElseThrow());
    }

    @Test
    void status_reportsStateUpstreamListenersAndTraffic() {
        assertThat(ThroughClient.get(client, origin.get().url("/hello"))).isEqualTo(200);
        Poll.until("the request's debug entry", () -> client.client().debugger().size() == 1);

        JsonObject status = api.get("/api/v1/status").json();

        assertThat(status.fieldNames()).containsExactlyInAnyOrder("status", "time", "version", "connection_state",
                "server_connected", "server_name", "server_address", "server_protocol", "http_proxy", "socks5_proxy",
                "vpn_enabled", "vpn_status", "debug_entries", "uptime", "uptime_seconds", "bytes_sent",
                "bytes_received", "active_connections", "total_connections", "warnings");
        assertThat(status.getString("status")).isEqualTo("running");
        assertThat(status.getString("connection_state")).isEqualTo("connected");
        assertThat(status.getBoolean("server_connected")).isTrue(); // the last dial to it succeeded
        assertThat(status.getString("server_name")).isEqualTo("default");
        assertThat(status.getString("server_address")).isEqualTo(hostPort(server.httpProxy()));
        assertThat(status.getString("server_protocol")).isEqualTo("http");
        assertThat(status.getString("http_proxy")).isEqualTo(hostPort(client.httpProxy()));
        assertThat(status.getString("socks5_proxy")).isEqualTo(hostPort(client.socks5Proxy()));
        assertThat(status.getBoolean("vpn_enabled")).isFalse();
        assertThat(status.getString("vpn_status")).isEqualTo("disabled");
        assertThat(status.getInteger("debug_entries")).isEqualTo(1);
        assertThat(status.getString("uptime")).matches("(\\d+h)?(\\d+m)?(\\d+s)?");
        assertThat(status.getLong("bytes_sent")).isGreaterThan(5); // at least the "hello" body and a head
        assertThat(status.getLong("bytes_received")).isGreaterThan(0);
        assertThat(status.getLong("total_connections")).isEqualTo(1);
        assertThat(status.getJsonArray("warnings")).isEmpty();
    }

    @Test
    void disconnect_thenConnect_switchesStateAndHealthAndIsIdempotent() {
        ApiCalls.Answer disconnected = api.post("/api/v1/disconnect", null);

        assertThat(disconnected.status()).isEqualTo(200);
        assertThat(disconnected.json()).isEqualTo(new JsonObject().put("status", "disconnected")
                .put("closed_connections", 0));
        assertThat(api.post("/api/v1/disconnect", null).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/status").json().getString("connection_state")).isEqualTo("disconnected");
        assertThat(api.get("/api/v1/health").json().getString("status")).isEqualTo("degraded");
        assertThat(ThroughClient.get(client, origin.get().url("/hello"))).isEqualTo(503); // [PRX-126]

        ApiCalls.Answer connected = api.post("/api/v1/connect", null);

        assertThat(connected.status()).isEqualTo(200);
        assertThat(connected.json()).isEqualTo(new JsonObject().put("status", "connected")
                .put("server_name", "default").put("server_address", hostPort(server.httpProxy()))
                .put("server_reachable", true));
        assertThat(api.post("/api/v1/connect", null).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/health").json().getString("status")).isEqualTo("healthy");
        assertThat(ThroughClient.get(client, origin.get().url("/hello"))).isEqualTo(200);
    }

    @Test
    void connect_unreachableServer_answersReachableFalseAndStaysConnected() {
        String nowhere = api.get("/api/v1/servers").array().getJsonObject(2).getString("address");
        assertThat(api.post("/api/v1/server/select", "{\"server\": \"nowhere\"}").status()).isEqualTo(200);
        assertThat(api.post("/api/v1/disconnect", null).status()).isEqualTo(200);

        ApiCalls.Answer connected = api.post("/api/v1/connect", null);

        assertThat(connected.status()).isEqualTo(200);
        assertThat(connected.json()).isEqualTo(new JsonObject().put("status", "connected")
                .put("server_name", "nowhere").put("server_address", nowhere).put("server_reachable", false));
        // [CAPI-030]: still connected, so requests try the server and fail as [PRX-126] says
        assertThat(api.get("/api/v1/status").json().getString("connection_state")).isEqualTo("connected");
        assertThat(api.get("/api/v1/health").json().getString("status")).isEqualTo("degraded");
        assertThat(ThroughClient.get(client, origin.get().url("/hello"))).isEqualTo(502);
    }

    @Test
    void connect_directOnlyClient_isValidationFailedNamingServerAddress() {
        client.restart(ClientTestConfigs.client(""));

        ApiCalls.Answer connect = api.post("/api/v1/connect", null);

        assertThat(connect.status()).isEqualTo(400);
        assertThat(connect.json().getString("code")).isEqualTo("VALIDATION_FAILED");
        assertThat(connect.json().getJsonArray("errors")).containsExactly(new JsonObject()
                .put("path", "server.address").put("message", "no server configured").put("severity", "error")
                .put("section", "server"));
        JsonObject status = api.get("/api/v1/status").json();
        assertThat(status.getBoolean("server_connected")).isFalse();
        assertThat(status.getString("server_name")).isEmpty();
        assertThat(status.getString("server_address")).isEmpty();
        assertThat(api.get("/api/v1/health").json().getString("status")).isEqualTo("healthy");
        assertThat(api.get("/api/v1/servers").array()).isEmpty();
    }

    @Test
    void servers_listDefaultFirstWithSelectionAndProbeResults() {
        Poll.until("every upstream probed", () -> api.get("/api/v1/servers").array().stream()
                .noneMatch(s -> ((JsonObject) s).getString("status").equals("unknown")));

        JsonArray servers = api.get("/api/v1/servers").array();

        assertThat(servers).hasSize(3);
        JsonObject first = servers.getJsonObject(0);
        assertThat(first.fieldNames()).containsExactlyInAnyOrder("name", "address", "protocol", "is_default",
                "selected", "status", "latency_ms");
        assertThat(first.getString("name")).isEqualTo("default");
        assertThat(first.getString("address")).isEqualTo(hostPort(server.httpProxy()));
        assertThat(first.getBoolean("selected")).isTrue();
        assertThat(first.getBoolean("is_default")).isFalse();
        assertThat(first.getString("status")).isEqualTo("reachable");
        assertThat(first.getDouble("latency_ms")).isGreaterThan(0.0);
        assertThat(servers.getJsonObject(1).getString("name")).isEqualTo("b");
        JsonObject nowhere = servers.getJsonObject(2);
        assertThat(nowhere.getString("status")).isEqualTo("unreachable");
        assertThat(nowhere.containsKey("latency_ms")).isFalse();
        assertThat(nowhere.getBoolean("selected")).isFalse();
    }

    @Test
    void select_namedServer_persistsTheChoiceAndNewRequestsUseIt() throws Exception {
        ApiCalls.Answer selected = api.post("/api/v1/server/select", "{\"server\": \"b\"}");

        assertThat(selected.status()).isEqualTo(200);
        assertThat(selected.json()).isEqualTo(new JsonObject().put("status", "selected").put("server", "b"));
        assertThat(api.get("/api/v1/servers").array().getJsonObject(1).getBoolean("selected")).isTrue();
        assertThat(api.get("/api/v1/status").json().getString("server_name")).isEqualTo("b");
        assertThat(savedServers().get(0)).containsEntry("name", "b").containsEntry("is_default", true);
        int before = serverB.events().ofType(ConnectionOpened.class).size();
        assertThat(ThroughClient.get(client, origin.get().url("/hello"))).isEqualTo(200);
        assertThat(serverB.events().ofType(ConnectionOpened.class)).hasSize(before + 1);
    }

    @Test
    void select_badRequests_answerTheirCodes() {
        assertThat(api.post("/api/v1/server/select", "{}").json().getString("code")).isEqualTo("INVALID_BODY");
        assertThat(api.post("/api/v1/server/select", "{\"server\": \"\"}").status()).isEqualTo(400);
        ApiCalls.Answer unknown = api.post("/api/v1/server/select", "{\"server\": \"mars\"}");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().getString("code")).isEqualTo("SERVER_NOT_FOUND");
        assertThat(unknown.json().getString("server")).isEqualTo("mars");
        ApiCalls.Answer noCsrf = api.send("POST", "/api/v1/server/select", "{\"server\": \"b\"}");
        assertThat(noCsrf.status()).isEqualTo(403);
        assertThat(noCsrf.json().getString("code")).isEqualTo("CSRF_FAILED");
        assertThat(api.get("/api/v1/status").json().getString("server_name")).isEqualTo("default");
    }

    @Test
    void settings_getAndPost_saveTheTraySwitchesAndSelectTheServer() throws Exception {
        assertThat(api.get("/api/v1/settings").json()).isEqualTo(new JsonObject().put("auto_connect", false)
                .put("start_minimized", false).put("show_notifications", true).put("vpn_enabled", false)
                .put("system_proxy_enabled", false).put("current_server", "default"));

        ApiCalls.Answer updated = api.post("/api/v1/settings", "{\"auto_connect\": true, \"current_server\": \"b\"}");

        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json().getString("status")).isEqualTo("updated");
        assertThat(updated.json().getJsonObject("settings").getBoolean("auto_connect")).isTrue();
        assertThat(updated.json().getJsonObject("settings").getString("current_server")).isEqualTo("b");
        assertThat(updated.json().getBoolean("restart_required")).isTrue();
        assertThat(updated.json().getJsonArray("restart_fields")).containsExactly("tray.auto_connect");
        assertThat(saved().get("tray")).isEqualTo(Map.of("auto_connect", true));
    }

    @Test
    void settings_post_checksEveryMemberBeforeApplyingAny() throws Exception {
        String before = Files.readString(client.configFile());

        ApiCalls.Answer vpn = api.post("/api/v1/settings", "{\"auto_connect\": true, \"vpn_enabled\": true}");
        ApiCalls.Answer proxy = api.post("/api/v1/settings", "{\"system_proxy_enabled\": true}");
        ApiCalls.Answer server = api.post("/api/v1/settings", "{\"auto_connect\": true, \"current_server\": \"x\"}");
        ApiCalls.Answer type = api.post("/api/v1/settings", "{\"auto_connect\": \"yes\"}");

        assertThat(vpn.status()).isEqualTo(501);
        assertThat(vpn.json().getString("code")).isEqualTo("NOT_IMPLEMENTED");
        assertThat(proxy.status()).isEqualTo(501);
        assertThat(server.status()).isEqualTo(404);
        assertThat(server.json().getString("code")).isEqualTo("SERVER_NOT_FOUND");
        assertThat(type.status()).isEqualTo(400);
        assertThat(type.json().getString("code")).isEqualTo("INVALID_BODY");
        assertThat(Files.readString(client.configFile())).isEqualTo(before);
        assertThat(api.post("/api/v1/settings", "{\"vpn_enabled\": false}").status()).isEqualTo(200);
    }

    @Test
    void health_whileTheClientDrains_answers503ShuttingDown() throws Exception {
        try (Socket tunnel = new Socket("127.0.0.1", client.httpProxy().getPort())) {
            tunnel.getOutputStream().write(("CONNECT 127.0.0.1:" + origin.get().port() + " HTTP/1.1\r\nHost: x\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            assertThat(new String(tunnel.getInputStream().readNBytes(12), StandardCharsets.US_ASCII))
                    .isEqualTo("HTTP/1.1 200");
            Future<Void> stopping = client.client().stop(Duration.ofSeconds(10)); // the open tunnel holds the drain

            ApiCalls.Answer health = api.get("/api/v1/health");

            assertThat(stopping.isComplete()).isFalse();
            assertThat(health.status()).isEqualTo(503);
            assertThat(health.json().getString("code")).isEqualTo("SHUTTING_DOWN");
            assertThat(health.json().getString("status")).isEqualTo("shutting_down");
            assertThat(health.json().getString("time")).matches(TIME);
        }
    }

    @Test
    void unknownPathAndMethod_answerNotFoundAndMethodNotAllowed_withTheCommonHeaders() {
        ApiCalls.Answer unknown = api.get("/api/v1/backendz", "X-Request-Id", "req-42");
        ApiCalls.Answer method = api.send("PATCH", "/api/v1/status", null, "X-Requested-With", "XMLHttpRequest");

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json()).isEqualTo(new JsonObject().put("error", "Not found").put("code", "NOT_FOUND")
                .put("path", "/api/v1/backendz"));
        assertThat(unknown.header("X-Request-Id")).isEqualTo("req-42");
        assertThat(unknown.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(unknown.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(unknown.header("Cache-Control")).isEqualTo("no-store");
        assertThat(method.status()).isEqualTo(405);
        assertThat(method.json().getString("code")).isEqualTo("METHOD_NOT_ALLOWED");
        assertThat(method.header("Allow")).isEqualTo("GET");
    }

    private Map<?, ?> saved() throws Exception {
        return (Map<?, ?>) YamlConfigParser.parse(Files.readString(client.configFile())).config();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> savedServers() throws Exception {
        return (List<Map<String, Object>>) saved().get("servers");
    }
}
