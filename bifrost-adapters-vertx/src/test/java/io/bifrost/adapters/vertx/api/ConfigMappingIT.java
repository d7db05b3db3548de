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

/** {@code /api/v1/config} ([SAPI-170]-[SAPI-175]) through a fake {@code ServerControl}, and the body limits. */
class ConfigMappingIT {
    private static Vertx vertx;
    private static TestApi server;
    private static HttpCalls api;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
        server = new TestApi(vertx, ControlMappingIT.YAML, Duration.ofMillis(500), "127.0.0.1");
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

    @Test
    void getConfig_masked_andFull_withTokenFromAnyPeer() {
        assertThat(api.get("/api/v1/config").json()).isEqualTo(new JsonObject(Map.of("api",
                Map.of("token", "********"))));
        assertThat(api.get("/api/v1/config/full").json()).isEqualTo(new JsonObject(Map.of("api",
                Map.of("token", "s3cr3t"))));
    }

    @Test
    void getMeta_isTheArrayOfSections() {
        assertThat(api.get("/api/v1/config/meta").array()).containsExactly(
                new JsonObject("""
                        {"section": "server", "hot_reloadable": false,
                         "description": "Proxy listeners, timeouts and shutdown", "pending_restart": true}"""),
                new JsonObject("""
                        {"section": "routes", "hot_reloadable": true, "description": "Host patterns mapped to backends",
                         "pending_restart": false}"""));
    }

    @Test
    void putConfig_saved_answersTheSaveOutcome() {
        server.control.answer(new ServerControl.SaveOutcome("Configuration saved; reload failed", null,
                List.of("backends", "routes"), List.of(), List.of("backends", "routes"),
                List.of(ConfigProblem.error("routes[1].backend", "backend \"wg-osaka\" is not running")), List.of()));

        var r = api.send("PUT", "/api/v1/config", """
                {"config": {"rate_limit": {"enabled": true, "requests_per_second": 200}}, "create_backup": true}""");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json()).isEqualTo(new JsonObject("""
                {"success": true, "message": "Configuration saved; reload failed",
                 "changed_sections": ["backends", "routes"], "hot_reloaded_sections": [],
                 "restart_required_sections": ["backends", "routes"], "requires_restart": true,
                 "errors": [{"path": "routes[1].backend", "message": "backend \\"wg-osaka\\" is not running",
                             "severity": "error", "section": "reload"}],
                 "warnings": []}"""));
        assertThat(server.control.lastBody).containsOnlyKeys("rate_limit");
        assertThat(server.control.lastBackup).isTrue();
    }

    @Test
    void putConfig_withBackupPath_andNoChanges() {
        server.control.answer(new ServerControl.SaveOutcome("No changes", "/etc/bifrost/x.backup.1", List.of(),
                List.of(), List.of(), List.of(), List.of()));

        JsonObject body = api.send("PUT", "/api/v1/config", "{\"config\": {}}").json();

        assertThat(body.getString("backup_path")).isEqualTo("/etc/bifrost/x.backup.1");
        assertThat(body.getBoolean("requires_restart")).isFalse();
        assertThat(server.control.lastBackup).isFalse();
    }

    @Test
    void putConfig_badBodies_areInvalidBody_andValidationFailureListsProblems() {
        api.send("PUT", "/api/v1/config", "{\"rate_limit\": {}}").assertError(400, "INVALID_BODY");
        api.send("PUT", "/api/v1/config", "{\"config\": []}").assertError(400, "INVALID_BODY");
        api.send("PUT", "/api/v1/config", "{\"config\": {}, \"create_backup\": \"yes\"}")
                .assertError(400, "INVALID_BODY");
        assertThat(server.control.calls).isEmpty();

        server.control.answer(new ControlException(Code.VALIDATION_FAILED, "the configuration is not valid",
                List.of(ConfigProblem.error("routes[2].backend", "unknown backend \"wg\""),
                        ConfigProblem.warning("routes[4]", "never used")), Map.of()));
        var invalid = api.send("PUT", "/api/v1/config", "{\"config\": {\"routes\": []}}")
                .assertError(400, "VALIDATION_FAILED");

        assertThat(invalid.getJsonArray("errors")).hasSize(1);
        assertThat(invalid.getJsonArray("warnings").getJsonObject(0).getString("severity")).isEqualTo("warning");
    }

    @Test
    void validate_bareOrWrapped_passesTheSections() {
        server.control.answer(new ServerControl.ValidationOutcome(false,
                List.of(ConfigProblem.error("routes[2].backend", "unknown backend \"wg\"")), List.of()));

        var bare = api.send("POST", "/api/v1/config/validate", "{\"routes\": []}");
        var bareSections = server.control.lastBody;
        var wrapped = api.send("POST", "/api/v1/config/validate", "{\"config\": {\"rate_limit\": {}}}");

        assertThat(bare.json()).isEqualTo(new JsonObject("""
                {"valid": false, "errors": [{"path": "routes[2].backend", "message": "unknown backend \\"wg\\"",
                 "severity": "error", "section": "routes"}], "warnings": []}"""));
        assertThat(bareSections).containsOnlyKeys("routes");
        assertThat(wrapped.status()).isEqualTo(200);
        assertThat(server.control.lastBody).containsOnlyKeys("rate_limit");
        api.send("POST", "/api/v1/config/validate", "not json").assertError(400, "INVALID_BODY");
    }

    @Test
    void reload_success_andFailure() {
        server.control.answer(new ServerControl.ReloadOutcome(List.of("routes", "server"), List.of("routes"),
                List.of("server"), List.of()));
        JsonObject ok = api.send("POST", "/api/v1/config/reload", null).json();

        server.control.answer(new ControlException(Code.RELOAD_FAILED, "the file is not valid",
                List.of(ConfigProblem.error("routes[2].backend", "unknown backend \"wg\"")), Map.of()));
        var failed = api.send("POST", "/api/v1/config/reload", null).assertError(500, "RELOAD_FAILED");

        assertThat(ok).isEqualTo(new JsonObject("""
                {"status": "reloaded", "message": "Configuration reloaded", "time": "2025-03-14T09:26:53.589Z",
                 "changed_sections": ["routes", "server"], "hot_reloaded_sections": ["routes"],
                 "restart_required_sections": ["server"], "warnings": []}"""));
        assertThat(server.control.calls).containsExactly("reload:api", "reload:api");
        assertThat(failed.getString("error")).isEqualTo("Reload failed");
        assertThat(failed.getJsonArray("errors").getJsonObject(0).getString("path")).isEqualTo("routes[2].backend");
    }

    @Test
    void bodyLimits_oneMiBGenerally_fourMiBForPutConfig() {
        server.control.answer(new ServerControl.SaveOutcome("No changes", null, List.of(), List.of(), List.of(),
                List.of(), List.of()));
        String twoMiB = "{\"config\": {}, \"pad\": \"" + "x".repeat(2 * 1024 * 1024) + "\"}";
        String fiveMiB = "{\"config\": {}, \"pad\": \"" + "x".repeat(5 * 1024 * 1024) + "\"}";

        assertThat(api.send("PUT", "/api/v1/config", twoMiB).status()).isEqualTo(200);
        api.send("POST", "/api/v1/routes", twoMiB).assertError(413, "PAYLOAD_TOO_LARGE");
        api.send("PUT", "/api/v1/config", fiveMiB).assertError(413, "PAYLOAD_TOO_LARGE");
        assertThat(server.control.calls).containsExactly("putConfig");
    }

    @Test
    void processingTimeout_unansweredRequest_is503Timeout() {
        server.control.answer(FakeServerControl.NEVER);

        var r = api.send("POST", "/api/v1/config/reload", null).assertError(503, "TIMEOUT");

        assertThat(r.getString("message")).isNotBlank();
        assertThat(server.control.calls).containsExactly("reload:api");
    }
}
