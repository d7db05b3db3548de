package io.bifrost.app.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.bifrost.testkit.FakeServerExtension;
import io.bifrost.testkit.origin.FakeHttpOrigin;
import io.bifrost.testkit.server.BifrostServerExtension;
import io.bifrost.testkit.server.TestConfigs;
import io.bifrost.testkit.upstream.FakeHttpProxy;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The mutating endpoints of backends, routes and the configuration over HTTP against a real server and its file
 * ([SAPI-031], [SAPI-041], [SAPI-110]-[SAPI-130], [SAPI-170]-[SAPI-175]), with their error cases: {@code 400} with
 * field paths in {@code errors}, {@code 404}, {@code 409} {@code ALREADY_EXISTS} / {@code IN_USE}. Each test leaves
 * the configuration as it found it.
 */
class ConfigChangesApiIT {
    @RegisterExtension
    @Order(1)
    static final FakeServerExtension<FakeHttpOrigin> origin = FakeServerExtension.of(FakeHttpOrigin.http());

    @RegisterExtension
    @Order(1)
    static final FakeServerExtension<FakeHttpProxy> upstream = FakeServerExtension.of(FakeHttpProxy.forwarding());

    @RegisterExtension
    @Order(2)
    static final BifrostServerExtension bifrost = BifrostServerExtension.withConfig(() -> TestConfigs.server("""
            backends:
              - name: direct
                type: direct
              - name: corp
                type: http_proxy
                config:
                  address: "127.0.0.1:%d"
                  username: svc
                  password: "corp-pass"
            routes:
              - name: default
                domains: ["*"]
                backend: direct
            """.formatted(upstream.get().port())));

    private ApiClient api;
    private Path file;

    @BeforeEach
    void client() {
        api = new ApiClient(bifrost.api(), null);
        file = bifrost.configFile();
    }

    private HttpResponse<String> proxiedGet(String query) throws Exception {
        HttpClient viaProxy = HttpClient.newBuilder().proxy(ProxySelector.of(bifrost.httpProxy())).build();
        return viaProxy.send(HttpRequest.newBuilder(URI.create(origin.get().url("/hello?" + query))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static List<String> paths(JsonObject error, String member) {
        return error.getJsonArray(member).stream().map(p -> ((JsonObject) p).getString("path")).toList();
    }

    @Test
    void postRoute_theVeryNextProxiedRequestUsesIt_andTheFileHasIt() throws Exception {
        assertThat(proxiedGet("before").statusCode()).isEqualTo(200);
        assertThat(upstream.get().connects()).isEmpty();

        api.send("POST", "/api/v1/routes", "{\"name\": \"via-corp\", \"domains\": [\"127.0.0.1\"], "
                + "\"backend\": \"corp\", \"priority\": 10}").assertStatus(201);
        try {
            assertThat(proxiedGet("after").statusCode()).isEqualTo(200);
            assertThat(upstream.get().connects()).hasSize(1);
            assertThat(Files.readString(file)).contains("name: via-corp", "backend: corp");
        } finally {
            api.send("DELETE", "/api/v1/routes/via-corp", null).assertStatus(204);
        }
        assertThat(proxiedGet("direct-again").statusCode()).isEqualTo(200);
        assertThat(upstream.get().connects()).hasSize(1);
    }

    @Test
    void postBackend_createdStartedSaved_thenTakenNameIs409_missingAddressIs400WithItsPath() throws Exception {
        var created = api.send("POST", "/api/v1/backends", "{\"name\": \"eu-1\", \"type\": \"httpproxy\", "
                + "\"config\": {\"address\": \"127.0.0.1:" + upstream.get().port() + "\", \"password\": \"p\"}}");
        try {
            assertThat(created.assertStatus(201).json()).isEqualTo(new JsonObject("""
                    {"status": "created", "backend": "eu-1", "type": "http_proxy", "running": true,
                     "warnings": []}"""));
            assertThat(api.get("/api/v1/backends/eu-1").json().getJsonObject("config").getString("password"))
                    .isEqualTo("********");
            assertThat(Files.readString(file)).contains("name: eu-1");

            JsonObject taken = api.send("POST", "/api/v1/backends", "{\"name\": \"eu-1\", \"type\": \"direct\"}")
                    .assertError(409, "ALREADY_EXISTS");
            JsonObject invalid = api.send("POST", "/api/v1/backends", "{\"name\": \"eu-2\", \"type\": \"http_proxy\"}")
                    .assertError(400, "VALIDATION_FAILED");
            api.send("POST", "/api/v1/backends", "{\"name\": 7, \"type\": \"direct\"}")
                    .assertError(400, "INVALID_BODY");
            api.send("POST", "/api/v1/backends", "not json").assertError(400, "INVALID_BODY");

            assertThat(taken.getString("backend")).isEqualTo("eu-1");
            assertThat(paths(invalid, "errors")).containsExactly("backends[3].config.address");
            assertThat(invalid.getJsonArray("errors").getJsonObject(0).getString("severity")).isEqualTo("error");
            assertThat(bifrost.server().backends().find("eu-2")).isEmpty();
        } finally {
            api.send("DELETE", "/api/v1/backends/eu-1", null).assertStatus(204);
        }
    }

    @Test
    void deleteBackend_inUseIs409NamingTheRoutes_thenRemoved204_thenUnknown404() throws Exception {
        api.send("POST", "/api/v1/backends", "{\"name\": \"spare\", \"type\": \"direct\"}").assertStatus(201);
        api.send("POST", "/api/v1/routes", "{\"name\": \"to-spare\", \"domains\": [\"spare.test\"], "
                + "\"backend\": \"spare\"}").assertStatus(201);

        JsonObject inUse = api.send("DELETE", "/api/v1/backends/spare", null).assertError(409, "IN_USE");
        api.send("DELETE", "/api/v1/routes/to-spare", null).assertStatus(204);
        var removed = api.send("DELETE", "/api/v1/backends/spare", null);
        JsonObject again = api.send("DELETE", "/api/v1/backends/spare", null).assertError(404, "BACKEND_NOT_FOUND");

        assertThat(inUse.getString("backend")).isEqualTo("spare");
        assertThat(inUse.getJsonArray("routes")).containsExactly("to-spare");
        assertThat(removed.status()).isEqualTo(204);
        assertThat(removed.body()).isEmpty();
        assertThat(again.getString("backend")).isEqualTo("spare");
        assertThat(bifrost.server().backends().find("spare")).isEmpty();
        assertThat(Files.readString(file)).doesNotContain("spare");
    }

    @Test
    void putRoute_replacesInPlace_withEveryErrorCase() throws Exception {
        api.send("POST", "/api/v1/routes", "{\"name\": \"first\", \"domains\": [\"a.test\"], \"backend\": \"direct\"}")
                .assertStatus(201);
        api.send("POST", "/api/v1/routes", "{\"name\": \"second\", \"domains\": [\"b.test\"], "
                + "\"backend\": \"direct\"}").assertStatus(201);
        try {
            JsonObject updated = api.send("PUT", "/api/v1/routes/first", "{\"domains\": [\"c.test\"], "
                    + "\"backends\": [\"direct\", \"corp\"], \"load_balance\": \"round_robin\", \"priority\": 70, "
                    + "\"enabled\": false}").assertStatus(200).json();
            JsonObject missing = api.send("PUT", "/api/v1/routes/nope", "{\"domains\": [\"x.test\"], "
                    + "\"backend\": \"direct\"}").assertError(404, "ROUTE_NOT_FOUND");
            JsonObject renamedOntoOther = api.send("PUT", "/api/v1/routes/first", "{\"name\": \"second\", "
                    + "\"domains\": [\"x.test\"], \"backend\": \"direct\"}").assertError(409, "ALREADY_EXISTS");
            JsonObject unknown = api.send("PUT", "/api/v1/routes/first", "{\"domains\": [\"x.test\"], "
                    + "\"backend\": \"wg\"}").assertError(400, "UNKNOWN_BACKEND");
            JsonObject invalid = api.send("PUT", "/api/v1/routes/first", "{\"domains\": [\"a..b\"], "
                    + "\"backend\": \"direct\"}").assertError(400, "VALIDATION_FAILED");
            api.send("PUT", "/api/v1/routes/first", "{\"domains\": \"x.test\", \"backend\": \"direct\"}")
                    .assertError(400, "INVALID_BODY");

            assertThat(updated).isEqualTo(new JsonObject("""
                    {"status": "updated", "route": "first", "domains": ["c.test"], "backends": ["direct", "corp"],
                     "load_balance": "round_robin", "priority": 70, "enabled": false, "warnings": []}"""));
            assertThat(api.get("/api/v1/routes/first").json().getBoolean("enabled")).isFalse();
            String saved = Files.readString(file);
            assertThat(saved.indexOf("name: first")).as("kept its place in the file")
                    .isLessThan(saved.indexOf("name: second"));
            assertThat(missing.getString("route")).isEqualTo("nope");
            assertThat(renamedOntoOther.getString("route")).isEqualTo("second");
            assertThat(unknown.getString("backend")).isEqualTo("wg");
            assertThat(paths(invalid, "errors")).singleElement().asString().startsWith("routes[1].domains[0]");
            assertThat(api.get("/api/v1/routes/first").json().getJsonArray("domains")).containsExactly("c.test");
        } finally {
            api.send("DELETE", "/api/v1/routes/first", null).assertStatus(204);
            api.send("DELETE", "/api/v1/routes/second", null).assertStatus(204);
        }
    }

    @Test
    void putConfig_withBackup_savesAppliesAndReportsTheBackupPath() throws Exception {
        String before = Files.readString(file);
        String rateLimit = "{\"config\": {\"rate_limit\": {\"enabled\": true, \"requests_per_second\": 200, "
                + "\"burst_size\": 400, \"per_ip\": true}}, \"create_backup\": true}";

        JsonObject saved = api.send("PUT", "/api/v1/config", rateLimit).assertStatus(200).json();
        JsonObject unchanged = api.send("PUT", "/api/v1/config", rateLimit).assertStatus(200).json();
        try {
            assertThat(saved.fieldNames()).containsExactly("success", "message", "backup_path", "changed_sections",
                    "hot_reloaded_sections", "restart_required_sections", "requires_restart", "errors", "warnings");
            assertThat(saved.getString("message")).isEqualTo("Configuration saved");
            Path backup = Path.of(saved.getString("backup_path"));
            assertThat(backup.getFileName().toString())
                    .matches(file.getFileName() + "\\.backup\\.\\d{8}-\\d{6}(-\\d+)?");
            assertThat(backup).exists().hasContent(before); // [CFG-096]: the file as it was
            assertThat(saved.getJsonArray("changed_sections")).containsExactly("rate_limit");
            assertThat(saved.getJsonArray("hot_reloaded_sections")).containsExactly("rate_limit");
            assertThat(saved.getBoolean("requires_restart")).isFalse();
            assertThat(bifrost.server().control().running().rateLimit().enabled()).isTrue();
            assertThat(Files.readString(file)).contains("requests_per_second: 200");
            assertThat(unchanged.getString("message")).isEqualTo("No changes");
            assertThat(unchanged.containsKey("backup_path")).isFalse();
        } finally {
            api.send("PUT", "/api/v1/config", "{\"config\": {\"rate_limit\": {}}}").assertStatus(200);
        }
    }

    @Test
    void putConfig_invalid_is400WithErrorPaths_andWritesNothing() throws Exception {
        String before = Files.readString(file);

        JsonObject invalid = api.send("PUT", "/api/v1/config", "{\"config\": {\"routes\": [{\"name\": \"x\", "
                + "\"domains\": [\"x.test\"], \"backend\": \"wg\"}], \"server\": {\"graceful_period\": 30}}}")
                .assertError(400, "VALIDATION_FAILED");
        api.send("PUT", "/api/v1/config", "{\"rate_limit\": {}}").assertError(400, "INVALID_BODY");
        api.send("PUT", "/api/v1/config", "[1]").assertError(400, "INVALID_BODY");

        assertThat(paths(invalid, "errors")).containsExactlyInAnyOrder("server.graceful_period", "routes[0].backend");
        assertThat(invalid.getJsonArray("warnings")).isNotNull();
        assertThat(Files.readString(file)).isEqualTo(before);
    }

    @Test
    void putConfig_restartOnlySection_isPendingInMetaAndStatus_untilPutBack() {
        JsonObject saved = api.send("PUT", "/api/v1/config", "{\"config\": {\"logging\": {\"level\": \"debug\"}}}")
                .assertStatus(200).json();
        JsonArray pending = api.get("/api/v1/config/meta").array();
        JsonObject status = api.get("/api/v1/status").json();
        api.send("PUT", "/api/v1/config", "{\"config\": {\"logging\": {}}}").assertStatus(200);
        JsonArray after = api.get("/api/v1/config/meta").array();

        assertThat(saved.getJsonArray("restart_required_sections")).containsExactly("logging");
        assertThat(saved.getBoolean("requires_restart")).isTrue();
        assertThat(pending.stream().map(JsonObject.class::cast).filter(m -> m.getBoolean("pending_restart"))
                .map(m -> m.getString("section"))).containsExactly("logging");
        assertThat(status.getJsonArray("restart_required_sections")).containsExactly("logging");
        assertThat(after.stream().map(JsonObject.class::cast).noneMatch(m -> m.getBoolean("pending_restart")))
                .isTrue();
    }

    @Test
    void validate_bareOrWrapped_reportsWithoutWriting() throws Exception {
        String before = Files.readString(file);

        JsonObject bad = api.send("POST", "/api/v1/config/validate", "{\"routes\": [{\"name\": \"x\", "
                + "\"domains\": [\"x.test\"], \"backend\": \"wg\"}]}").assertStatus(200).json();
        JsonObject good = api.send("POST", "/api/v1/config/validate", "{\"config\": {\"rate_limit\": "
                + "{\"enabled\": true}}}").assertStatus(200).json();
        api.send("POST", "/api/v1/config/validate", "{nope").assertError(400, "INVALID_BODY");

        assertThat(bad.fieldNames()).containsExactly("valid", "errors", "warnings");
        assertThat(bad.getBoolean("valid")).isFalse();
        assertThat(bad.getJsonArray("errors")).singleElement().isEqualTo(new JsonObject("""
                {"path": "routes[0].backend", "message": "unknown backend \\"wg\\"", "severity": "error",
                 "section": "routes"}"""));
        assertThat(good.getBoolean("valid")).isTrue();
        assertThat(good.getJsonArray("errors")).isEmpty();
        assertThat(Files.readString(file)).isEqualTo(before);
    }

    @Test
    void getConfig_masksSecrets_fullRevealsThem_toALoopbackPeer() {
        JsonObject masked = api.get("/api/v1/config").assertStatus(200).json();
        JsonObject full = api.get("/api/v1/config/full").assertStatus(200).json();

        JsonObject corpMasked = masked.getJsonArray("backends").getJsonObject(1).getJsonObject("config");
        JsonObject corpFull = full.getJsonArray("backends").getJsonObject(1).getJsonObject("config");
        assertThat(corpMasked.getString("password")).isEqualTo("********");
        assertThat(corpFull.getString("password")).isEqualTo("corp-pass");
        assertThat(full.fieldNames()).isEqualTo(masked.fieldNames());
        assertThat(masked.getValue("health_check")).isNull();
        assertThat(masked.getJsonObject("rate_limit").getJsonObject("bandwidth").fieldNames())
                .containsExactly("enabled", "upload", "download");
    }

    @Test
    void getConfigMeta_everySectionInCanonicalOrder_hotOnlyWhereCfg080Says() {
        JsonArray meta = api.get("/api/v1/config/meta").assertStatus(200).array();

        assertThat(meta).extracting(m -> ((JsonObject) m).getString("section")).containsExactly("server", "backends",
                "routes", "auth", "rate_limit", "access_control", "access_log", "metrics", "logging", "web_ui", "api",
                "health_check", "auto_update", "cache", "network", "session", "mitm", "mesh");
        assertThat(meta.stream().map(JsonObject.class::cast).filter(m -> m.getBoolean("hot_reloadable"))
                .map(m -> m.getString("section"))).containsExactly("routes", "rate_limit", "access_control", "cache");
        assertThat(meta.getJsonObject(0)).isEqualTo(new JsonObject("""
                {"section": "server", "hot_reloadable": false, "description": "Proxy listeners, timeouts and shutdown",
                 "pending_restart": false}"""));
    }
}
