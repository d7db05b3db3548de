package io.bifrost.app.client.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.bifrost.adapters.vertx.config.YamlConfigParser;
import io.bifrost.app.client.cli.ClientCliRun;
import io.bifrost.testkit.client.BifrostClientExtension;
import io.bifrost.testkit.client.ClientTestConfigs;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Export and import ([CAPI-058], [CAPI-059]), and a file from {@code config init} through a PUT round trip. */
class ClientConfigTransferIT {
    private static final String ROUTES = """
            server:
              address: "127.0.0.1:3128"
              password: "${PATH}"
            servers:
              - name: eu
                address: "127.0.0.1:3129"
                password: eu-secret
            routes:
              - domains: ["*"]
                action: server
            """;

    @RegisterExtension
    final BifrostClientExtension client = BifrostClientExtension.withConfig(() -> ClientTestConfigs.client(ROUTES));

    private final ApiCalls api = new ApiCalls(client::api);

    private String file() throws IOException {
        return Files.readString(client.configFile());
    }

    private static Object yaml(String text) {
        return YamlConfigParser.parse(text).config();
    }

    private ApiCalls.Answer importing(String query, String contentType, String body) {
        return api.send("POST", "/api/v1/config/import" + query, body, "X-Requested-With", "XMLHttpRequest",
                "Content-Type", contentType);
    }

    @Test
    void export_yaml_isTheSavedFileWithReferencesAndSecretsAsWritten() throws Exception {
        ApiCalls.Answer export = api.send("POST", "/api/v1/config/export", null, "X-Requested-With", "XMLHttpRequest");

        assertThat(export.status()).isEqualTo(200);
        assertThat(export.header("Content-Type")).isEqualTo("application/yaml; charset=utf-8");
        assertThat(export.header("Content-Disposition"))
                .isEqualTo("attachment; filename=\"bifrost-client-config.yaml\"");
        assertThat(export.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(yaml(export.body())).isEqualTo(yaml(file()));
        assertThat(export.body()).contains("${PATH}").contains("eu-secret");
    }

    @Test
    void export_jsonByGet_andBadFormats() throws Exception {
        ApiCalls.Answer export = api.get("/api/v1/config/export?format=json");

        assertThat(export.status()).isEqualTo(200);
        assertThat(export.header("Content-Type")).isEqualTo("application/json; charset=utf-8");
        assertThat(export.header("Content-Disposition"))
                .isEqualTo("attachment; filename=\"bifrost-client-config.json\"");
        assertThat(export.json().getJsonObject("server").getString("password")).isEqualTo("${PATH}");
        assertThat(export.json().getMap()).isEqualTo(yaml(file()));
        assertThat(api.get("/api/v1/config/export?format=xml").json().getString("code"))
                .isEqualTo("INVALID_PARAMETER");
        assertThat(api.send("POST", "/api/v1/config/export", null).json().getString("code")).isEqualTo("CSRF_FAILED");
    }

    @Test
    void import_yaml_backsUpThenReplacesTheWholeFile() throws Exception {
        String before = file();
        String imported = ClientTestConfigs.client("""
                routes:
                  - name: imported
                    domains: ["example.com"]
                    action: direct
                """);

        ApiCalls.Answer answer = importing("", "application/x-yaml", imported);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().getString("status")).isEqualTo("imported");
        assertThat(answer.json().getBoolean("restart_required")).isFalse();
        assertThat(answer.json().getJsonArray("warnings")).isEmpty();
        assertThat(Files.readString(Path.of(answer.json().getString("backup_path")))).isEqualTo(before);
        assertThat(yaml(file())).isEqualTo(yaml(imported)); // keys absent from the import are gone: defaults
        assertThat(client.control().current().server().address()).isNull();
        assertThat(api.get("/api/v1/routes").array()).extracting(r -> ((JsonObject) r).getString("name"))
                .containsExactly("imported");
    }

    @Test
    void import_formatFromQueryOrContentType_andRefusals() throws Exception {
        String json = new JsonObject(Map.of("proxy", Map.of("http", Map.of("listen", "127.0.0.1:0"),
                "socks5", Map.of("listen", "127.0.0.1:0")), "api", Map.of("listen", "127.0.0.1:0"),
                "server", Map.of("address", "127.0.0.1:3128", "password", "${PATH}"))).encode();

        assertThat(importing("?format=json", "text/plain", json).status()).isEqualTo(200);
        assertThat(yaml(file())).extracting(t -> ((Map<?, ?>) ((Map<?, ?>) t).get("server")).get("password"))
                .isEqualTo("${PATH}");
        assertThat(importing("", "application/json; charset=utf-8", json).status()).isEqualTo(200);
        String before = file();

        ApiCalls.Answer unsupported = importing("", "text/plain", json);
        ApiCalls.Answer notYaml = importing("?format=yaml", "text/plain", "a: [");
        ApiCalls.Answer invalid = importing("", "text/yaml", "routes: [{domains: ['*'], action: teleport}]");

        assertThat(unsupported.status()).isEqualTo(415);
        assertThat(unsupported.json().getString("code")).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
        assertThat(notYaml.json().getString("code")).isEqualTo("INVALID_BODY");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().getString("code")).isEqualTo("VALIDATION_FAILED");
        assertThat(file()).isEqualTo(before);
    }

    @Test
    void configInitFile_survivesGetPutRoundTripsAndStillValidates() throws Exception {
        client.restart(initFile());
        JsonObject current = api.get("/api/v1/config").json();

        ApiCalls.Answer same = api.put("/api/v1/config", current.encode());
        ApiCalls.Answer changed = api.put("/api/v1/config", """
                {"server": {"retry_count": 5}, "debug": {"filter_domains": ["*.example.com"]},
                 "routes": [{"name": "corp", "domains": ["*.corp.example.com"], "action": "server", "priority": 50},
                            {"domains": ["*"], "action": "direct"}]}""");

        assertThat(same.json().getString("status")).isEqualTo("unchanged");
        assertThat(changed.json().getString("status")).isEqualTo("updated");
        ClientCliRun validate = ClientCliRun.of(client.configFile().getParent(), "validate", "-c",
                client.configFile().toString());
        assertThat(validate.status()).isZero();
        assertThat(validate.outLines()).containsExactly("Configuration is valid");
        assertThat(client.control().current().routes()).extracting(r -> r.name()).containsExactly("corp", "route-2");
        assertThat(client.control().current().server().retryCount()).isEqualTo(5);
    }

    /** What {@code bifrost-client config init} writes, the API moved off its fixed default port. */
    private static String initFile() {
        try {
            Path dir = Files.createTempDirectory("bifrost-init-");
            Path out = dir.resolve("client-config.yaml");
            ClientCliRun init = ClientCliRun.of(dir, "config", "init", "-s", "127.0.0.1:3128", "--http-listen",
                    "127.0.0.1:0", "--socks5-listen", "127.0.0.1:0", "-o", out.toString());
            assertThat(init.status()).isZero();
            String text = Files.readString(out).replace("127.0.0.1:7383", "127.0.0.1:0");
            Files.delete(out);
            Files.delete(dir);
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
