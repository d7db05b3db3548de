package io.bifrost.adapters.vertx.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.bifrost.core.health.ProbeOutcome;
import io.bifrost.core.traffic.ErrorCode;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Health, version, status ([SAPI-010]-[SAPI-012]) and backends ([SAPI-030]-[SAPI-045]) against a fixed clock and
 * fake hooks, so whole bodies can be compared.
 */
class ReadEndpointsIT {
    private static Vertx vertx;
    private static TestApi server;
    private static HttpCalls api;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
        server = new TestApi(vertx, ControlMappingIT.YAML, Duration.ofSeconds(30), "127.0.0.1");
        api = new HttpCalls(URI.create("http://127.0.0.1:" + server.port), "your-token");
    }

    @AfterAll
    static void stop() {
        vertx.close().await();
    }

    @AfterEach
    void reset() {
        server.degraded = false;
        server.shuttingDown = false;
        server.tester = BackendTester.unavailable();
    }

    @Test
    void health_healthyDegradedAndShuttingDown() {
        assertThat(api.get("/api/v1/health").json()).isEqualTo(new JsonObject(
                "{\"status\": \"healthy\", \"time\": \"2025-03-14T09:26:53.589Z\"}"));
        server.degraded = true;
        assertThat(api.get("/api/v1/health").json().getString("status")).isEqualTo("degraded");
        server.shuttingDown = true;

        JsonObject draining = api.get("/api/v1/health").assertError(503, "SHUTTING_DOWN");

        assertThat(draining).isEqualTo(new JsonObject("""
                {"error": "Shutting down", "code": "SHUTTING_DOWN", "status": "shutting_down",
                 "time": "2025-03-14T09:26:53.589Z"}"""));
        assertThat(api.get("/api/v1/status").json().getString("status")).isEqualTo("shutting_down");
    }

    @Test
    void version_hasExactlyTheMembersOfSapi011() {
        JsonObject v = api.get("/api/v1/version").json();

        assertThat(v.fieldNames()).containsExactly("version", "git_commit", "build_time", "java_version",
                "java_vendor", "platform");
        assertThat(v.getString("version")).isEqualTo("1.4.0");
        assertThat(v.getString("git_commit")).isEqualTo("3f9c2ab");
        assertThat(v.getString("build_time")).isEqualTo("2025-03-01T12:00:00.000Z");
        assertThat(v.getString("java_version")).matches("\\d+\\.\\d+\\.\\d+");
        assertThat(v.getString("platform")).matches("(linux|darwin|windows|freebsd)/[a-z0-9]+");
    }

    @Test
    void status_reportsUptimeCountsListenersAndControlWarnings() {
        server.control.warnings = List.of("api.listen: management API is reachable from the network without a token");
        server.control.restartRequired = List.of("server");

        JsonObject s = api.get("/api/v1/status").json();

        assertThat(s).isEqualTo(new JsonObject("""
                {"status": "running", "time": "2025-03-14T09:26:53.589Z", "version": "1.4.0", "uptime": "26h3m12s",
                 "uptime_seconds": 93792, "backends": 2, "routes": 2, "auth_required": true,
                 "listeners": {"http": ":7080", "api": "127.0.0.1:%d"}, "restart_required_sections": ["server"],
                 "warnings": ["api.listen: management API is reachable from the network without a token"]}"""
                .formatted(server.port)));
        server.control.warnings = List.of();
        server.control.restartRequired = List.of();
    }

    @Test
    void backends_listInConfigOrderWithMaskedSecretsAndProbe() {
        server.backends.find("corp-proxy").orElseThrow().health()
                .record(ProbeOutcome.failure(TestApi.NOW, Duration.ofMillis(3), "connection refused"));

        var list = api.get("/api/v1/backends").array();

        assertThat(list).hasSize(2);
        JsonObject corp = list.getJsonObject(1);
        assertThat(corp.fieldNames()).containsExactly("name", "type", "enabled", "running", "healthy", "priority",
                "weight", "config", "stats");
        assertThat(corp.getJsonObject("config")).isEqualTo(new JsonObject(
                "{\"address\": \"127.0.0.1:9\", \"username\": \"bifrost\", \"password\": \"********\"}"));
        assertThat(corp.getBoolean("healthy")).isFalse();
        assertThat(corp.getJsonObject("stats")).isEqualTo(new JsonObject("""
                {"name": "corp-proxy", "type": "http_proxy", "enabled": true, "running": true, "healthy": false,
                 "active_connections": 0, "total_connections": 0, "bytes_sent": 0, "bytes_received": 0, "errors": 0,
                 "uptime_seconds": 93792,
                 "health_check": {"type": "tcp", "target": "127.0.0.1:9", "interval": "15s",
                                  "last_check": "2025-03-14T09:26:53.589Z", "last_result": "failure",
                                  "last_error": "connection refused", "consecutive_successes": 0,
                                  "consecutive_failures": 1}}"""));
        assertThat(list.getJsonObject(0).getJsonObject("stats").containsKey("health_check")).isFalse();
        server.backends.find("corp-proxy").orElseThrow().health()
                .record(ProbeOutcome.success(TestApi.NOW, Duration.ofNanos(12_400_000)));
        assertThat(api.get("/api/v1/backends/corp-proxy/stats").json().getDouble("latency_ms")).isEqualTo(12.4);
    }

    @Test
    void backend_oneAndStats_andUnknownIs404WithBackend() {
        server.backends.find("direct").orElseThrow().stats().dialStarted();
        server.backends.find("direct").orElseThrow().stats().dialFailed("dns_error",
                "no address for files.example.invalid", TestApi.NOW);

        JsonObject direct = api.get("/api/v1/backends/direct").json();
        JsonObject stats = api.get("/api/v1/backends/direct/stats/").json();
        JsonObject missing = api.get("/api/v1/backends/wg-tokyo").assertError(404, "BACKEND_NOT_FOUND");
        api.get("/api/v1/backends/wg-tokyo/stats").assertError(404, "BACKEND_NOT_FOUND");

        assertThat(direct.getString("name")).isEqualTo("direct");
        assertThat(stats).isEqualTo(direct.getJsonObject("stats"));
        assertThat(stats.getString("last_error")).isEqualTo("dns_error: no address for files.example.invalid");
        assertThat(stats.getString("last_error_time")).isEqualTo("2025-03-14T09:26:53.589Z");
        assertThat(stats.getLong("errors")).isEqualTo(1);
        assertThat(missing).isEqualTo(new JsonObject("""
                {"error": "Backend not found", "message": "no backend named \\"wg-tokyo\\" is configured",
                 "code": "BACKEND_NOT_FOUND", "backend": "wg-tokyo"}"""));
    }

    @Test
    void backendTest_successAndFailure_withDefaults() {
        AtomicReference<String> call = new AtomicReference<>();
        server.tester = (name, target, timeout) -> {
            call.set(name + " " + target + " " + timeout);
            return Future.succeededFuture(name.equals("direct")
                    ? BackendTestResult.success(Duration.ofNanos(45_100_000))
                    : BackendTestResult.failure(Duration.ofNanos(5_003_700_000L), ErrorCode.CONNECTION_TIMEOUT,
                            "no answer from 198.51.100.20:3128 within 5s"));
        };

        JsonObject ok = api.send("POST", "/api/v1/backends/direct/test", null).json();
        String directCall = call.get();
        JsonObject failed = api.send("POST", "/api/v1/backends/corp-proxy/test",
                "{\"target\": \"example.com:443\", \"timeout\": \"5s\"}").json();

        assertThat(ok).isEqualTo(new JsonObject("""
                {"status": "success", "backend": "direct", "target": "example.com:443", "duration_ms": 45.1,
                 "healthy": true}"""));
        assertThat(directCall).isEqualTo("direct example.com:443 PT10S");
        assertThat(failed).isEqualTo(new JsonObject("""
                {"status": "failed", "backend": "corp-proxy", "target": "example.com:443", "duration_ms": 5003.7,
                 "healthy": true,
                 "error": "connection_timeout: no answer from 198.51.100.20:3128 within 5s",
                 "error_code": "connection_timeout"}"""));
        api.send("POST", "/api/v1/backends/corp-proxy/test", "{}");
        assertThat(call.get()).isEqualTo("corp-proxy 127.0.0.1:9 PT10S"); // the health-check target
    }

    @Test
    void backendTest_badTargetOrTimeout_isInvalidParameter_unknownIs404_noTesterIs501() {
        for (String body : List.of("{\"target\": \"example.com\"}", "{\"target\": \"http://example.com:80\"}",
                "{\"target\": 443}", "{\"timeout\": \"61s\"}", "{\"timeout\": \"0s\"}", "{\"timeout\": \"5\"}",
                "{\"timeout\": 5}")) {
            api.send("POST", "/api/v1/backends/direct/test", body).assertError(400, "INVALID_PARAMETER");
        }
        api.send("POST", "/api/v1/backends/nope/test", null).assertError(404, "BACKEND_NOT_FOUND");
        api.send("POST", "/api/v1/backends/direct/test", "{\"target\": \"example.com:443\", \"timeout\": \"1ms\"}")
                .assertError(501, "NOT_IMPLEMENTED");
    }
}
