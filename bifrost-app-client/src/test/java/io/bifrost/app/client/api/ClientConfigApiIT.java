package io.bifrost.app.client.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.bifrost.adapters.vertx.config.YamlConfigParser;
import io.bifrost.testkit.client.BifrostClientExtension;
import io.bifrost.testkit.client.ClientTestConfigs;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code /api/v1/config}: read, merge-patch, reload, validate, defaults ([CAPI-050]-[CAPI-054]). */
class ClientConfigApiIT {
    @RegisterExtension
    final BifrostClientExtension client = BifrostClientExtension.withConfig(() -> ClientTestConfigs.client("""
            server:
              address: "127.0.0.1:3128"
              username: alice
              password: "${PATH}"
              retry_count: 2
            servers:
              - name: eu
                address: "127.0.0.1:3129"
                password: eu-secret
            routes:
              - name: local
                domains: ["localhost"]
                action: direct
                priority: 100
              - domains: ["*"]
                action: server
            """));

    private final ApiCalls api = new ApiCalls(client::api);

    private String file() throws Exception {
        return Files.readString(client.configFile());
    }

    private Map<?, ?> saved() throws Exception {
        return (Map<?, ?>) YamlConfigParser.parse(file()).config();
    }

    @Test
    void get_everySectionWithDefaultsAndSecretsMasked() {
        JsonObject config = api.get("/api/v1/config").json();

        assertThat(config.fieldNames()).containsExactly("proxy", "server", "servers", "routes", "debug", "logging",
                "web_ui", "api", "tray", "auto_update", "system_proxy", "vpn", "mesh");
        JsonObject server = config.getJsonObject("server");
        assertThat(server.getString("password")).isEqualTo("********");
        assertThat(server.getString("username")).isEqualTo("alice");
        assertThat(server.getInteger("retry_count")).isEqualTo(2);
        assertThat(server.getString("retry_delay")).isEqualTo("1s");
        assertThat(server.getJsonObject("health_check")).isEqualTo(new JsonObject().put("type", "tcp")
                .put("interval", "30s").put("timeout", "5s"));
        assertThat(config.getJsonArray("servers").getJsonObject(0).getString("password")).isEqualTo("********");
        assertThat(config.getJsonArray("routes").getJsonObject(1)).isEqualTo(new JsonObject().put("name", "route-2")
                .put("domains", new JsonArray().add("*")).put("action", "server").put("priority", 0)
                .put("enabled", true));
        assertThat(config.getJsonObject("api").getString("token")).isEmpty();
        assertThat(config.getJsonObject("proxy").getJsonObject("socks5").fieldNames())
                .containsExactly("listen", "read_timeout", "max_connections");
    }

    @Test
    void defaults_areTheBuiltInConfiguration() {
        JsonObject defaults = api.get("/api/v1/config/defaults").json();

        assertThat(defaults.getJsonObject("proxy").getJsonObject("http").getString("listen"))
                .isEqualTo("127.0.0.1:7380");
        assertThat(defaults.getJsonObject("server").getString("address")).isEmpty();
        assertThat(defaults.getJsonObject("server").getString("protocol")).isEqualTo("http");
        assertThat(defaults.getJsonArray("routes")).isEmpty();
        assertThat(defaults.getJsonObject("api").getString("listen")).isEqualTo("127.0.0.1:7383");
        assertThat(defaults.getJsonObject("debug").getInteger("max_entries")).isEqualTo(1000);
    }

    @Test
    void put_mergePatch_savesAppliesHotFieldsAndReportsRestartFields() throws Exception {
        ApiCalls.Answer put = api.put("/api/v1/config",
                "{\"server\": {\"retry_count\": 5}, \"tray\": {\"auto_connect\": true}}");

        assertThat(put.status()).isEqualTo(200);
        assertThat(put.json()).isEqualTo(new JsonObject().put("status", "updated").put("restart_required", true)
                .put("restart_fields", new JsonArray().add("tray.auto_connect")).put("warnings", new JsonArray()));
        assertThat(client.control().running().server().retryCount()).isEqualTo(5);
        assertThat(api.get("/api/v1/config").json().getJsonObject("server").getInteger("retry_count")).isEqualTo(5);
        Map<?, ?> server = (Map<?, ?>) saved().get("server");
        assertThat(server.get("retry_count")).isEqualTo(5L);
        assertThat(server.get("password")).isEqualTo("${PATH}"); // untouched values keep their text ([CFG-097])
        assertThat(((Map<?, ?>) saved().get("tray")).get("auto_connect")).isEqualTo(true);

        ApiCalls.Answer again = api.put("/api/v1/config", "{\"server\": {\"retry_count\": 5}}");

        assertThat(again.json().getString("status")).isEqualTo("unchanged");
        assertThat(again.json().getJsonArray("restart_fields")).containsExactly("tray.auto_connect");
    }

    @Test
    void put_maskedSecretsKeepTheirTextAndNullResetsToTheDefault() throws Exception {
        ApiCalls.Answer put = api.put("/api/v1/config", """
                {"server": {"password": "********", "retry_count": null},
                 "servers": [{"name": "eu", "address": "127.0.0.1:3130", "password": "********"}]}""");

        assertThat(put.json().getString("status")).isEqualTo("updated");
        Map<?, ?> server = (Map<?, ?>) saved().get("server");
        assertThat(server.get("password")).isEqualTo("${PATH}");
        assertThat(server.containsKey("retry_count")).isFalse();
        assertThat(client.control().current().server().retryCount()).isEqualTo(3);
        assertThat(client.control().current().servers().get(0).password()).isEqualTo("eu-secret");
        assertThat(client.control().current().servers().get(0).address()).hasToString("127.0.0.1:3130");
    }

    @Test
    void put_invalidResult_isValidationFailedAndWritesNothing() throws Exception {
        String before = file();

        ApiCalls.Answer put = api.put("/api/v1/config",
                "{\"routes\": [{\"domains\": [\"*\"], \"action\": \"proxy\"}]}");

        assertThat(put.status()).isEqualTo(400);
        assertThat(put.json().getString("code")).isEqualTo("VALIDATION_FAILED");
        JsonObject error = put.json().getJsonArray("errors").getJsonObject(0);
        assertThat(error.getString("path")).isEqualTo("routes[0].action");
        assertThat(error.getString("message")).contains("\"proxy\"");
        assertThat(error.getString("severity")).isEqualTo("error");
        assertThat(error.getString("section")).isEqualTo("routes");
        assertThat(put.json().getJsonArray("warnings")).isNotNull();
        assertThat(file()).isEqualTo(before);
    }

    @Test
    void put_backupTrue_copiesTheOldFileFirst() throws Exception {
        String before = file();

        ApiCalls.Answer put = api.put("/api/v1/config?backup=true", "{\"debug\": {\"max_entries\": 10}}");

        assertThat(put.status()).isEqualTo(200);
        Path backup = Path.of(put.json().getString("backup_path"));
        assertThat(backup.getFileName().toString()).matches("client-config\\.yaml\\.backup\\.\\d{8}-\\d{6}(-\\d+)?");
        assertThat(Files.readString(backup)).isEqualTo(before);
        assertThat(client.client().debugger().config().maxEntries()).isEqualTo(10);
        assertThat(api.put("/api/v1/config?backup=maybe", "{}").json().getString("code"))
                .isEqualTo("INVALID_PARAMETER");
    }

    @Test
    void put_bodyThatIsNoJsonObject_isInvalidBodyOrUnsupportedMediaType() {
        assertThat(api.put("/api/v1/config", "[1]").json().getString("code")).isEqualTo("INVALID_BODY");
        assertThat(api.put("/api/v1/config", "{").json().getString("code")).isEqualTo("INVALID_BODY");
        ApiCalls.Answer yaml = api.send("PUT", "/api/v1/config", "a: 1", "X-Requested-With", "XMLHttpRequest",
                "Content-Type", "application/yaml");
        assertThat(yaml.status()).isEqualTo(415);
        assertThat(yaml.json().getString("code")).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
        String big = "{\"x\": \"" + "a".repeat(4 * 1024 * 1024) + "\"}";
        ApiCalls.Answer tooLarge = api.put("/api/v1/config", big);
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.json().getString("code")).isEqualTo("PAYLOAD_TOO_LARGE");
        assertThat(api.post("/api/v1/routes", "{\"x\": \"" + "a".repeat(1024 * 1024) + "\"}").status())
                .isEqualTo(413);
    }

    @Test
    void reload_rereadsTheFile_andRefusesAnInvalidOne() {
        client.rewrite(ClientTestConfigs.client("""
                routes:
                  - name: only
                    domains: ["example.com"]
                    action: direct
                """));

        ApiCalls.Answer reloaded = api.post("/api/v1/config/reload", null);

        assertThat(reloaded.status()).isEqualTo(200);
        assertThat(reloaded.json()).isEqualTo(new JsonObject().put("status", "reloaded")
                .put("restart_required", false).put("restart_fields", new JsonArray())
                .put("warnings", new JsonArray()));
        assertThat(api.get("/api/v1/routes").array()).extracting(r -> ((JsonObject) r).getString("name"))
                .containsExactly("only");

        client.rewrite(ClientTestConfigs.client("routes: [{domains: [\"*\"], action: teleport}]"));
        ApiCalls.Answer failed = api.post("/api/v1/config/reload", null);

        assertThat(failed.status()).isEqualTo(500);
        assertThat(failed.json().getString("code")).isEqualTo("RELOAD_FAILED");
        assertThat(failed.json().getJsonArray("errors").getJsonObject(0).getString("path"))
                .isEqualTo("routes[0].action");
        assertThat(api.get("/api/v1/routes").array()).hasSize(1);
    }

    @Test
    void validate_reportsProblemsAndRestartFieldsWithoutSaving() throws Exception {
        String before = file();

        JsonObject ok = api.post("/api/v1/config/validate", "{\"proxy\": {\"http\": {\"listen\": \"127.0.0.1:1\"}}}")
                .json();
        JsonObject bad = api.post("/api/v1/config/validate", "{\"routes\": [{\"domains\": [\"*\"], \"action\": "
                + "\"proxy\"}]}").json();

        assertThat(ok).isEqualTo(new JsonObject().put("valid", true).put("errors", new JsonArray())
                .put("warnings", new JsonArray()).put("restart_fields", new JsonArray().add("proxy.http.listen")));
        assertThat(bad.getBoolean("valid")).isFalse();
        assertThat(bad.getJsonArray("errors").getJsonObject(0).getString("path")).isEqualTo("routes[0].action");
        assertThat(bad.getJsonArray("restart_fields")).isEmpty();
        assertThat(api.post("/api/v1/config/validate", "\"x\"").json().getString("code")).isEqualTo("INVALID_BODY");
        assertThat(file()).isEqualTo(before);
    }
}
