package io.bifrost.app.client.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.bifrost.adapters.vertx.config.YamlConfigParser;
import io.bifrost.testkit.client.BifrostClientExtension;
import io.bifrost.testkit.client.ClientTestConfigs;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Client routes: list, get, add, replace, remove, test ([CAPI-070]-[CAPI-075]). */
class ClientRoutesApiIT {
    @RegisterExtension
    final BifrostClientExtension client = BifrostClientExtension.withConfig(() -> ClientTestConfigs.client("""
            server:
              address: "127.0.0.1:3128"
            routes:
              - name: off
                domains: ["off.example"]
                action: direct
                enabled: false
              - domains: ["*.corp.example.com", "intranet.*"]
                action: server
                priority: 90
              - name: local
                domains: ["localhost"]
                action: direct
                priority: 100
            """));

    private final ApiCalls api = new ApiCalls(client::api);

    private static JsonObject route(String name, String action, int priority, boolean enabled, String... domains) {
        return new JsonObject().put("name", name).put("domains", new JsonArray(List.of(domains)))
                .put("action", action).put("priority", priority).put("enabled", enabled);
    }

    private List<String> names() {
        return api.get("/api/v1/routes").array().stream().map(r -> ((JsonObject) r).getString("name")).toList();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> savedRoutes() throws Exception {
        Map<?, ?> tree = (Map<?, ?>) YamlConfigParser.parse(Files.readString(client.configFile())).config();
        return (List<Map<String, Object>>) tree.get("routes");
    }

    @Test
    void list_everyRouteInEffectiveOrder() {
        JsonArray routes = api.get("/api/v1/routes").array();

        assertThat(routes).containsExactly(route("local", "direct", 100, true, "localhost"),
                route("route-2", "server", 90, true, "*.corp.example.com", "intranet.*"),
                route("off", "direct", 0, false, "off.example"));
    }

    @Test
    void get_oneRoute_orRouteNotFound() {
        assertThat(api.get("/api/v1/routes/route-2").json())
                .isEqualTo(route("route-2", "server", 90, true, "*.corp.example.com", "intranet.*"));
        ApiCalls.Answer missing = api.get("/api/v1/routes/mars");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().getString("code")).isEqualTo("ROUTE_NOT_FOUND");
        assertThat(missing.json().getString("route")).isEqualTo("mars");
    }

    @Test
    void add_appendsSavesAndAppliesWritingGeneratedNamesOut() throws Exception {
        ApiCalls.Answer created = api.post("/api/v1/routes",
                "{\"name\": \"work\", \"domains\": [\"*.work.example\"], \"action\": \"direct\", \"priority\": 95}");

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json()).isEqualTo(new JsonObject().put("status", "created").put("route", "work")
                .put("domains", new JsonArray().add("*.work.example")).put("action", "direct").put("priority", 95)
                .put("enabled", true).put("warnings", new JsonArray()));
        assertThat(names()).containsExactly("local", "work", "route-2", "off");
        assertThat(savedRoutes()).extracting(r -> r.get("name")).containsExactly("off", "route-2", "local", "work");
        assertThat(api.get("/api/v1/routes/test?domain=a.work.example").json().getString("route")).isEqualTo("work");
    }

    @Test
    void add_refusals_inTheOrderOfTheSpec() throws Exception {
        String before = Files.readString(client.configFile());

        ApiCalls.Answer noName = api.post("/api/v1/routes", "{\"domains\": [\"a.example\"], \"action\": \"direct\"}");
        ApiCalls.Answer taken = api.post("/api/v1/routes",
                "{\"name\": \"local\", \"domains\": [\"a.example\"], \"action\": \"vpn\"}");
        ApiCalls.Answer badAction = api.post("/api/v1/routes",
                "{\"name\": \"x\", \"domains\": [\"a.example\"], \"action\": \"vpn\"}");
        ApiCalls.Answer badType = api.post("/api/v1/routes", "{\"name\": \"x\", \"domains\": \"a.example\"}");
        ApiCalls.Answer reserved = api.post("/api/v1/routes",
                "{\"name\": \"test\", \"domains\": [\"a.example\"], \"action\": \"direct\"}");

        assertThat(noName.status()).isEqualTo(400);
        assertThat(noName.json().getJsonArray("errors").getJsonObject(0).getString("path")).isEqualTo("routes[3].name");
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.json().getString("code")).isEqualTo("ALREADY_EXISTS");
        assertThat(taken.json().getString("route")).isEqualTo("local");
        assertThat(badAction.json().getString("code")).isEqualTo("VALIDATION_FAILED");
        assertThat(badAction.json().getJsonArray("errors").getJsonObject(0).getString("path"))
                .isEqualTo("routes[3].action");
        assertThat(badType.json().getString("code")).isEqualTo("INVALID_BODY");
        assertThat(reserved.json().getJsonArray("errors").getJsonObject(0).getString("path"))
                .isEqualTo("routes[3].name");
        assertThat(Files.readString(client.configFile())).isEqualTo(before);
    }

    @Test
    void replace_inPlace_renames_andRefusesTakenOrUnknownNames() throws Exception {
        ApiCalls.Answer updated = api.put("/api/v1/routes/local",
                "{\"domains\": [\"localhost\", \"*.local\"], \"action\": \"direct\", \"priority\": 100}");

        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json().getString("status")).isEqualTo("updated");
        assertThat(updated.json().getString("route")).isEqualTo("local");
        assertThat(updated.json().getJsonArray("domains")).containsExactly("localhost", "*.local");
        assertThat(savedRoutes().get(2)).containsEntry("name", "local");

        ApiCalls.Answer renamed = api.put("/api/v1/routes/local",
                "{\"name\": \"home\", \"domains\": [\"localhost\"], \"action\": \"direct\"}");

        assertThat(renamed.json().getString("route")).isEqualTo("home");
        assertThat(renamed.json().getInteger("priority")).isZero();
        assertThat(api.get("/api/v1/routes/local").status()).isEqualTo(404);
        assertThat(savedRoutes()).extracting(r -> r.get("name")).containsExactly("off", "route-2", "home");
        ApiCalls.Answer taken = api.put("/api/v1/routes/home",
                "{\"name\": \"off\", \"domains\": [\"localhost\"], \"action\": \"direct\"}");
        assertThat(taken.status()).isEqualTo(409);
        assertThat(api.put("/api/v1/routes/mars", "{\"domains\": [\"x.example\"], \"action\": \"direct\"}").json()
                .getString("code")).isEqualTo("ROUTE_NOT_FOUND");
    }

    @Test
    void delete_removesTheRoute_keepingOtherGeneratedNames() throws Exception {
        ApiCalls.Answer deleted = api.delete("/api/v1/routes/off");

        assertThat(deleted.status()).isEqualTo(204);
        assertThat(deleted.body()).isEmpty();
        assertThat(names()).containsExactly("local", "route-2"); // now first in the file, still route-2
        assertThat(savedRoutes()).extracting(r -> r.get("name")).containsExactly("route-2", "local");
        ApiCalls.Answer again = api.delete("/api/v1/routes/off");
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.json().getString("route")).isEqualTo("off");
    }

    @Test
    void test_matchFallbackAndBadDomains() {
        assertThat(api.get("/api/v1/routes/test?domain=api.corp.example.com:443").json()).isEqualTo(new JsonObject()
                .put("domain", "api.corp.example.com:443").put("host", "api.corp.example.com").put("action", "server")
                .put("route", "route-2").put("pattern", "*.corp.example.com").put("default", false));
        assertThat(api.get("/api/v1/routes/test?domain=Example.ORG").json()).isEqualTo(new JsonObject()
                .put("domain", "Example.ORG").put("host", "example.org").put("action", "server")
                .putNull("route").putNull("pattern").put("default", true));
        assertThat(api.get("/api/v1/routes/test?domain=off.example").json().getString("route")).isNull();
        assertThat(api.get("/api/v1/routes/test").json().getString("code")).isEqualTo("INVALID_PARAMETER");
        assertThat(api.get("/api/v1/routes/test?domain=a..b").status()).isEqualTo(400);
    }
}
