package io.bifrost.app.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.bifrost.core.health.ProbeOutcome;
import io.bifrost.testkit.server.BifrostServerExtension;
import io.bifrost.testkit.server.TestConfigs;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import io.bifrost.testkit.FakeServerExtension;
import io.bifrost.testkit.origin.FakeTcpOrigin;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Backends ([SAPI-030]-[SAPI-045]), routes ([SAPI-100], [SAPI-105]) and the routing dry run ([SAPI-150]). */
class BackendsAndRoutesIT {
    /** Where the proxy backends point: a listening port, so their tcp probes succeed and they stay healthy. */
    @RegisterExtension
    @Order(1)
    static final FakeServerExtension<FakeTcpOrigin> upstream = FakeServerExtension.of(FakeTcpOrigin.discard());

    @RegisterExtension
    @Order(2)
    static final BifrostServerExtension bifrost = BifrostServerExtension.withConfig(() -> TestConfigs.server("""
            health_check:
              interval: 30s
            backends:
              - name: direct
                type: direct
                priority: 10
              - name: corp
                type: httpproxy
                config:
                  address: "127.0.0.1:9"
                  username: svc
                  password: corp-pass
              - name: eu-1
                type: http_proxy
                weight: 3
                config:
                  address: "127.0.0.1:9"
              - name: eu-2
                type: http_proxy
                enabled: false
                config:
                  address: "127.0.0.1:9"
            routes:
              - domains: ["*.example.com"]
                backend: direct
              - name: corp
                domains: ["*.corp.example.com", "intranet.*"]
                backend: corp
                priority: 100
              - name: media
                domains: ["*.video.example.net"]
                backends: [eu-1, direct]
                load_balance: weighted
                weights: {eu-1: 3, direct: 1}
                priority: 50
              - name: parked
                domains: ["parked.example.org"]
                backend: eu-2
                priority: 40
              - name: lucky
                domains: ["*.lucky.example"]
                backends: [direct, eu-1]
                load_balance: random
                priority: 30
              - name: pool
                domains: ["*.pool.example"]
                backends: [direct, eu-1]
                priority: 25
              - name: sticky
                domains: ["*.sticky.example"]
                backends: [direct, eu-1]
                load_balance: ip_hash
                priority: 20
              - name: off
                domains: ["off.example"]
                backend: direct
                enabled: false
                priority: 10
            """.replace("127.0.0.1:9\"", "127.0.0.1:" + upstream.get().port() + "\"")));

    private ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(bifrost.api(), null);
    }

    @Test
    void backends_listInConfigOrder_secretsMasked_canonicalTypes() {
        JsonArray list = api.get("/api/v1/backends").array();

        assertThat(list).extracting(o -> ((JsonObject) o).getString("name"))
                .containsExactly("direct", "corp", "eu-1", "eu-2");
        JsonObject corp = list.getJsonObject(1);
        assertThat(corp.getString("type")).isEqualTo("http_proxy");
        String address = "127.0.0.1:" + upstream.get().port();
        assertThat(corp.getJsonObject("config")).isEqualTo(new JsonObject()
                .put("address", address).put("username", "svc").put("password", "********"));
        assertThat(corp.getJsonObject("stats").getJsonObject("health_check").getString("target"))
                .isEqualTo(address);
        assertThat(list.getJsonObject(0).getInteger("priority")).isEqualTo(10);
        assertThat(list.getJsonObject(0).getJsonObject("stats").containsKey("health_check")).isFalse();
        assertThat(list.getJsonObject(2).getInteger("weight")).isEqualTo(3);
        JsonObject parked = list.getJsonObject(3);
        assertThat(parked.getBoolean("enabled")).isFalse();
        assertThat(parked.getBoolean("running")).isFalse();
        assertThat(parked.getBoolean("healthy")).isFalse();
        assertThat(parked.getJsonObject("stats").getLong("uptime_seconds")).isZero();
        assertThat(parked.getJsonObject("stats").containsKey("health_check")).isFalse();
    }

    @Test
    void backend_oneStatsAnd404() {
        JsonObject eu1 = api.get("/api/v1/backends/eu-1").json();
        JsonObject stats = api.get("/api/v1/backends/eu-1/stats").json();
        JsonObject missing = api.get("/api/v1/backends/wg-tokyo").assertError(404, "BACKEND_NOT_FOUND");

        assertThat(eu1.getJsonObject("stats")).isEqualTo(stats);
        assertThat(stats.fieldNames()).startsWith("name", "type", "enabled", "running", "healthy",
                "active_connections", "total_connections", "bytes_sent", "bytes_received", "errors");
        assertThat(missing.getString("backend")).isEqualTo("wg-tokyo");
        assertThat(missing.getString("message")).isEqualTo("no backend named \"wg-tokyo\" is configured");
    }

    @Test
    void health_degradedWhileAProbedBackendIsUnhealthy() {
        var eu1 = bifrost.server().backends().find("eu-1").orElseThrow();
        assertThat(api.get("/api/v1/health").json().getString("status")).isEqualTo("healthy");

        eu1.health().record(ProbeOutcome.failure(Instant.now(), Duration.ofMillis(1), "connection refused"));
        String degraded = api.get("/api/v1/health").json().getString("status");
        JsonObject stats = api.get("/api/v1/stats").json();
        eu1.health().record(ProbeOutcome.success(Instant.now(), Duration.ofMillis(1)));

        assertThat(degraded).isEqualTo("degraded");
        assertThat(stats.getJsonObject("backends")).isEqualTo(new JsonObject(
                "{\"total\": 4, \"running\": 3, \"healthy\": 2}"));
        assertThat(api.get("/api/v1/health").json().getString("status")).isEqualTo("healthy");
    }

    @Test
    void backendTest_validatesTargetAndTimeout_beforeTheTester() {
        api.send("POST", "/api/v1/backends/direct/test", "{\"target\": \"example.com\"}")
                .assertError(400, "INVALID_PARAMETER");
        api.send("POST", "/api/v1/backends/direct/test", "{\"timeout\": \"2m\"}").assertError(400, "INVALID_PARAMETER");
        api.send("POST", "/api/v1/backends/nope/test", "{}").assertError(404, "BACKEND_NOT_FOUND");
        JsonObject tested = api.send("POST", "/api/v1/backends/eu-1/test",
                "{\"target\": \"127.0.0.1:" + upstream.get().port() + "\", \"timeout\": \"500ms\"}").assertStatus(200)
                .json();
        assertThat(tested.getString("status")).isIn("success", "failed"); // the fake upstream is not a real proxy
        assertThat(tested.getString("target")).isEqualTo("127.0.0.1:" + upstream.get().port());
    }

    @Test
    void routes_inEffectiveOrder_withEachRoutesForm() {
        JsonArray routes = api.get("/api/v1/routes").array();

        assertThat(routes).extracting(o -> ((JsonObject) o).getString("name"))
                .containsExactly("corp", "media", "parked", "lucky", "pool", "sticky", "off", "route-1");
        assertThat(routes.getJsonObject(0)).isEqualTo(new JsonObject("""
                {"name": "corp", "domains": ["*.corp.example.com", "intranet.*"], "backend": "corp",
                 "priority": 100, "enabled": true}"""));
        assertThat(routes.getJsonObject(1)).isEqualTo(new JsonObject("""
                {"name": "media", "domains": ["*.video.example.net"], "backends": ["eu-1", "direct"],
                 "load_balance": "weighted", "weights": {"eu-1": 3, "direct": 1}, "priority": 50,
                 "enabled": true}"""));
        assertThat(routes.getJsonObject(4)).isEqualTo(new JsonObject("""
                {"name": "pool", "domains": ["*.pool.example"], "backends": ["direct", "eu-1"],
                 "load_balance": "round_robin", "priority": 25, "enabled": true}"""));
        assertThat(routes.getJsonObject(6).getBoolean("enabled")).isFalse();
    }

    @Test
    void route_oneAnd404() {
        assertThat(api.get("/api/v1/routes/route-1").json()).isEqualTo(new JsonObject("""
                {"name": "route-1", "domains": ["*.example.com"], "backend": "direct", "priority": 0,
                 "enabled": true}"""));
        assertThat(api.get("/api/v1/routes/nope").assertError(404, "ROUTE_NOT_FOUND").getString("route"))
                .isEqualTo("nope");
    }

    @Test
    void routeTest_ok_showsCandidatesAndNextBackend_withoutAdvancing() {
        JsonObject media = api.get("/api/v1/routes/test?domain=video.example.net:443").json();
        JsonObject pool1 = api.get("/api/v1/routes/test?domain=a.pool.example").json();
        JsonObject pool2 = api.get("/api/v1/routes/test?domain=b.pool.example").json();

        assertThat(media.fieldNames()).containsExactly("domain", "host", "outcome", "route", "pattern", "priority",
                "strategy", "panic", "candidates", "backend");
        assertThat(media.getString("domain")).isEqualTo("video.example.net:443");
        assertThat(media.getString("host")).isEqualTo("video.example.net");
        assertThat(media.getString("outcome")).isEqualTo("ok");
        assertThat(media.getString("pattern")).isEqualTo("*.video.example.net");
        assertThat(media.getString("strategy")).isEqualTo("weighted");
        assertThat(media.getBoolean("panic")).isFalse();
        assertThat(media.getJsonArray("candidates")).containsExactly(
                new JsonObject("{\"name\": \"eu-1\", \"enabled\": true, \"running\": true, \"healthy\": true}"),
                new JsonObject("{\"name\": \"direct\", \"enabled\": true, \"running\": true, \"healthy\": true}"));
        assertThat(media.getString("backend")).isIn("eu-1", "direct");
        assertThat(pool1.getString("backend")).isEqualTo(pool2.getString("backend")).isEqualTo("direct");
    }

    @Test
    void routeTest_noRoute_noBackend_random_ipHash() {
        JsonObject none = api.get("/api/v1/routes/test?domain=files.example.org").json();
        JsonObject parked = api.get("/api/v1/routes/test?domain=PARKED.example.org.").json();
        JsonObject lucky = api.get("/api/v1/routes/test?domain=x.lucky.example").json();
        JsonObject sticky = api.get("/api/v1/routes/test?domain=x.sticky.example&client_ip=192.0.2.44").json();
        JsonObject stickyAgain = api.get("/api/v1/routes/test?domain=y.sticky.example&client_ip=192.0.2.44").json();

        assertThat(none).isEqualTo(new JsonObject("""
                {"domain": "files.example.org", "host": "files.example.org", "outcome": "no_route", "route": null,
                 "pattern": null, "backend": null, "message": "no route for host \\"files.example.org\\""}"""));
        assertThat(parked.getString("host")).isEqualTo("parked.example.org");
        assertThat(parked.getString("outcome")).isEqualTo("no_backend");
        assertThat(parked.getString("route")).isEqualTo("parked");
        assertThat(parked.getValue("backend")).isNull();
        assertThat(parked.getString("message"))
                .isEqualTo("route \"parked\" has no usable backend for host \"parked.example.org\"");
        assertThat(parked.getJsonArray("candidates").getJsonObject(0).getBoolean("running")).isFalse();
        assertThat(lucky.getValue("backend")).isNull();
        assertThat(lucky.containsKey("backend")).isTrue();
        assertThat(lucky.getString("selection")).isEqualTo("random");
        assertThat(sticky.getString("backend")).isIn("direct", "eu-1").isEqualTo(stickyAgain.getString("backend"));
    }

    @Test
    void routeTest_badInput_isInvalidParameter() {
        api.get("/api/v1/routes/test").assertError(400, "INVALID_PARAMETER");
        api.get("/api/v1/routes/test?domain=").assertError(400, "INVALID_PARAMETER");
        api.get("/api/v1/routes/test?domain=a..b").assertError(400, "INVALID_PARAMETER");
        api.get("/api/v1/routes/test?domain=example.com:http").assertError(400, "INVALID_PARAMETER");
        var ip = api.get("/api/v1/routes/test?domain=example.com&client_ip=nope").assertError(400, "INVALID_PARAMETER");

        assertThat(ip.getString("message")).contains("client_ip");
        assertThat(api.get("/api/v1/routes/test?domain=%5B2001:db8::1%5D:443").json().getString("host"))
                .isEqualTo("2001:db8::1");
    }
}
