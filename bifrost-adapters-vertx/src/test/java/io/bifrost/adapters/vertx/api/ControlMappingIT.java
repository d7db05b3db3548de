package io.bifrost.adapters.vertx.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.bifrost.adapters.vertx.control.ControlException;
import io.bifrost.adapters.vertx.control.ControlException.Code;
import io.bifrost.adapters.vertx.control.ServerControl;
import io.bifrost.core.config.ConfigProblem;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Backend and route mutations through the API ([SAPI-031]-[SAPI-140]): request bodies reach {@code ServerControl} as
 * plain trees, outcomes and {@link ControlException}s come back as the spec's bodies and statuses.
 */
class ControlMappingIT {
    static final String YAML = """
            api:
              token: "your-token"
            backends:
              - name: direct
                type: direct
              - name: corp-proxy
                type: http_proxy
                config:
                  address: "127.0.0.1:9"
                  username: bifrost
                  password: s3cret
                health_check:
                  type: tcp
                  interval: 15s
            routes:
              - name: corp
                domains: ["*.corp.example.com"]
                backend: corp-proxy
              - domains: ["*"]
                backend: direct
            """;

    private static Vertx vertx;
    private static TestApi server;
    private static HttpCalls api;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
        server = new TestApi(vertx, YAML, Duration.ofSeconds(30), "127.0.0.1");
        api = new HttpCalls(URI.create("http://127.0.0.1:" + server.port), "your-token");
    }

    @AfterAll
    static void stop() {
        vertx.close().await();
    }

    @BeforeEach
    void reset() {
        server.control.calls.clear();
        server.control.answer(null);
    }

    private static ControlException refused(Code code, String message, Map<String, Object> subject,
            ConfigProblem... problems) {
        return new ControlException(code, message, List.of(problems), subject);
    }

    @Test
    void postBackend_created_answers201AndPassesThePlainBody() {
        server.control.answer(new ServerControl.BackendChange("corp-2", "http_proxy", true,
                List.of(ConfigProblem.warning("backends[2].health_check.timeout", "greater than interval"))));

        var r = api.send("POST", "/api/v1/backends", """
                {"name": "corp-2", "type": "http_proxy", "config": {"address": "198.51.100.20:3128",
                 "password": "s3cret", "connect_timeout": "10s"},
                 "health_check": {"type": "tcp", "interval": "15s"}}""");

        assertThat(r.status()).isEqualTo(201);
        assertThat(r.header("Content-Type")).isEqualTo("application/json; charset=utf-8");
        assertThat(r.json()).isEqualTo(new JsonObject("""
                {"status": "created", "backend": "corp-2", "type": "http_proxy", "running": true,
                 "warnings": [{"path": "backends[2].health_check.timeout", "message": "greater than interval",
                               "severity": "warning", "section": "backends"}]}"""));
        assertThat(server.control.calls).containsExactly("addBackend");
        assertThat(server.control.lastBody).containsEntry("name", "corp-2")
                .containsEntry("config", Map.of("address", "198.51.100.20:3128", "password", "s3cret",
                        "connect_timeout", "10s"))
                .containsEntry("health_check", Map.of("type", "tcp", "interval", "15s"));
        assertThat(server.control.lastBody.get("config")).isInstanceOf(Map.class);
    }

    @Test
    void postBackend_configUnderItsTypeKey_isUsedAsConfig() {
        server.control.answer(new ServerControl.BackendChange("old", "http_proxy", true, List.of()));

        var r = api.send("POST", "/api/v1/backends", """
                {"name": "old", "type": "httpproxy", "httpproxy": {"address": "198.51.100.20:3128"}}""");

        assertThat(r.status()).isEqualTo(201);
        assertThat(server.control.lastBody).containsEntry("config", Map.of("address", "198.51.100.20:3128"))
                .doesNotContainKey("httpproxy");
    }

    @Test
    void postBackend_badJsonOrWrongTypes_isInvalidBodyWithoutCallingTheControl() {
        api.send("POST", "/api/v1/backends", "{\"name\": ").assertError(400, "INVALID_BODY");
        api.send("POST", "/api/v1/backends", "[1, 2]").assertError(400, "INVALID_BODY");
        api.send("POST", "/api/v1/backends", "{\"name\": 7, \"type\": \"direct\"}").assertError(400, "INVALID_BODY");
        var weight = api.send("POST", "/api/v1/backends", "{\"name\": \"x\", \"type\": \"direct\", \"weight\": 1.5}")
                .assertError(400, "INVALID_BODY");

        assertThat(weight.getString("message")).contains("weight");
        assertThat(server.control.calls).isEmpty();
    }

    @Test
    void postBackend_refusals_mapToTheirCodesAndSubjects() {
        server.control.answer(refused(Code.ALREADY_EXISTS, "a backend named \"direct\" exists",
                Map.of("backend", "direct")));
        var exists = api.send("POST", "/api/v1/backends", "{\"name\": \"direct\", \"type\": \"direct\"}")
                .assertError(409, "ALREADY_EXISTS");

        server.control.answer(refused(Code.VALIDATION_FAILED, "the backend is not valid", Map.of(),
                ConfigProblem.error("backends[4].config.address", "required for type http_proxy")));
        var invalid = api.send("POST", "/api/v1/backends", "{\"name\": \"x\", \"type\": \"http_proxy\"}")
                .assertError(400, "VALIDATION_FAILED");

        server.control.answer(refused(Code.SAVE_FAILED, "cannot write /etc/bifrost/server-config.yaml", Map.of()));
        var save = api.send("POST", "/api/v1/backends", "{\"name\": \"x\", \"type\": \"direct\"}")
                .assertError(500, "SAVE_FAILED");

        assertThat(exists.getString("backend")).isEqualTo("direct");
        assertThat(invalid.getJsonArray("errors")).containsExactly(new JsonObject("""
                {"path": "backends[4].config.address", "message": "required for type http_proxy",
                 "severity": "error", "section": "backends"}"""));
        assertThat(save.getString("message")).contains("cannot write");
    }

    @Test
    void deleteBackend_answers204_orInUseWithRoutes() {
        var ok = api.send("DELETE", "/api/v1/backends/corp-proxy", null);
        assertThat(ok.status()).isEqualTo(204);
        assertThat(ok.body()).isEmpty();
        assertThat(server.control.lastName).isEqualTo("corp-proxy");

        server.control.answer(refused(Code.IN_USE, "routes refer to backend \"corp-proxy\"",
                Map.of("backend", "corp-proxy", "routes", List.of("corp", "default"))));
        var inUse = api.send("DELETE", "/api/v1/backends/corp-proxy", null).assertError(409, "IN_USE");

        server.control.answer(refused(Code.BACKEND_NOT_FOUND, "no backend named \"wg\" is configured",
                Map.of("backend", "wg")));
        var missing = api.send("DELETE", "/api/v1/backends/wg", null).assertError(404, "BACKEND_NOT_FOUND");

        assertThat(inUse.getString("error")).isEqualTo("Backend in use");
        assertThat(inUse.getString("backend")).isEqualTo("corp-proxy");
        assertThat(inUse.getJsonArray("routes")).containsExactly("corp", "default");
        assertThat(missing.getString("backend")).isEqualTo("wg");
    }

    @Test
    void postRoute_created_answersTheRouteWithStatusAndWarnings() {
        server.control.answer(new ServerControl.RouteChange(Map.of("name", "social",
                "domains", List.of("*.social.example", "chat.example.org"), "backend", "direct", "priority", 75,
                "enabled", true), List.of()));

        var r = api.send("POST", "/api/v1/routes", """
                {"name": "social", "domains": ["*.social.example", "chat.example.org"], "backend": "direct",
                 "priority": 75}""");

        assertThat(r.status()).isEqualTo(201);
        JsonObject body = r.json();
        assertThat(body.fieldNames()).first().isEqualTo("status");
        assertThat(body).isEqualTo(new JsonObject("""
                {"status": "created", "route": "social", "domains": ["*.social.example", "chat.example.org"],
                 "backend": "direct", "priority": 75, "enabled": true, "warnings": []}"""));
        assertThat(server.control.lastBody).containsEntry("domains", List.of("*.social.example", "chat.example.org"));
    }

    @Test
    void postRoute_wrongTypesAndUnknownBackend_are400() {
        api.send("POST", "/api/v1/routes", "{\"name\": \"r\", \"domains\": \"*.x\", \"backend\": \"direct\"}")
                .assertError(400, "INVALID_BODY");
        api.send("POST", "/api/v1/routes", "{\"name\": \"r\", \"domains\": [\"x\"], \"weights\": {\"a\": \"3\"}}")
                .assertError(400, "INVALID_BODY");
        assertThat(server.control.calls).isEmpty();

        server.control.answer(refused(Code.UNKNOWN_BACKEND,
                "route \"social\" refers to backend \"wg\", which is not configured", Map.of("backend", "wg")));
        var unknown = api.send("POST", "/api/v1/routes", "{\"name\": \"social\", \"domains\": [\"x\"], "
                + "\"backend\": \"wg\"}").assertError(400, "UNKNOWN_BACKEND");

        assertThat(unknown.getString("backend")).isEqualTo("wg");
        assertThat(unknown.getString("error")).isEqualTo("Unknown backend");
    }

    @Test
    void putRoute_updated_passesTheNameAndAnswers200() {
        server.control.answer(new ServerControl.RouteChange(Map.of("name", "social", "domains",
                List.of("*.social.example"), "backends", List.of("direct", "corp-proxy"), "load_balance",
                "round_robin", "priority", 70, "enabled", false), List.of()));

        var r = api.send("PUT", "/api/v1/routes/social/", """
                {"domains": ["*.social.example"], "backends": ["direct", "corp-proxy"], "load_balance": "round_robin",
                 "priority": 70, "enabled": false}""");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().getString("status")).isEqualTo("updated");
        assertThat(r.json().getJsonArray("backends")).containsExactly("direct", "corp-proxy");
        assertThat(server.control.lastName).isEqualTo("social");
        assertThat(server.control.calls).containsExactly("replaceRoute");
    }

    @Test
    void putAndDeleteRoute_unknownName_is404WithRoute() {
        server.control.answer(refused(Code.ROUTE_NOT_FOUND, "no route named \"nope\"", Map.of("route", "nope")));

        var put = api.send("PUT", "/api/v1/routes/nope", "{\"domains\": [\"x\"], \"backend\": \"direct\"}")
                .assertError(404, "ROUTE_NOT_FOUND");
        var delete = api.send("DELETE", "/api/v1/routes/nope", null).assertError(404, "ROUTE_NOT_FOUND");

        assertThat(put.getString("route")).isEqualTo("nope");
        assertThat(delete.getString("route")).isEqualTo("nope");
    }

    @Test
    void deleteRoute_generatedName_isPercentDecodedAndAnswers204() {
        var r = api.send("DELETE", "/api/v1/routes/route%2D2", null);

        assertThat(r.status()).isEqualTo(204);
        assertThat(server.control.lastName).isEqualTo("route-2");
    }
}
