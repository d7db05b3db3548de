package io.bifrost.app.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.bifrost.core.routing.Route;
import io.bifrost.testkit.server.BifrostServerExtension;
import io.bifrost.testkit.server.TestConfigs;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The examples of the seed's API reference (curl, JavaScript, Python, Go and the WebSocket snippet) as written, with
 * the token {@code your-token}, made with the JDK client against a real server: existing users' scripts keep working
 * ([SAPI-001], [SEC-001], [SEC-010], [EVT-001]-[EVT-003]). Each call sends exactly the headers the example sends.
 */
class SeedExamplesIT {
    private static final String TOKEN = "your-token";
    private static final String ROUTE = "{\"name\": \"my-route\", \"domains\": [\"*.example.com\"], "
            + "\"backend\": \"direct\"}";

    @RegisterExtension
    static final BifrostServerExtension bifrost = BifrostServerExtension.withConfig(() -> TestConfigs.server("""
            backends:
              - name: direct
                type: direct
            routes:
              - name: default
                domains: ["*"]
                backend: direct
            """, "", "  token: \"" + TOKEN + "\"\n"));

    private ApiClient anonymous;

    @BeforeEach
    void client() {
        anonymous = new ApiClient(bifrost.api(), null); // every example sets its own headers
    }

    @AfterEach
    void removeMyRoute() {
        anonymous.request("DELETE", "/api/v1/routes/my-route", null, "Authorization", "Bearer " + TOKEN,
                "X-Requested-With", "XMLHttpRequest");
    }

    private boolean myRouteIsRunning() {
        return bifrost.server().routes().table().routes().stream().map(Route::name).anyMatch("my-route"::equals);
    }

    /** {@code curl http://localhost:7082/api/v1/health}. */
    @Test
    void curl_health_withoutToken() {
        JsonObject health = anonymous.get("/api/v1/health").assertStatus(200).json();

        assertThat(health.fieldNames()).containsExactly("status", "time");
        assertThat(health.getString("status")).isEqualTo("healthy");
        assertThat(health.getString("time")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
    }

    /** {@code curl -H "Authorization: Bearer your-token" http://localhost:7082/api/v1/status}. */
    @Test
    void curl_status_withBearerToken() {
        JsonObject status = anonymous.request("GET", "/api/v1/status", null, "Authorization", "Bearer " + TOKEN)
                .assertStatus(200).json();

        assertThat(status.getString("status")).isEqualTo("running");
        assertThat(status.getBoolean("auth_required")).isFalse();
    }

    /** {@code curl -X POST -H Authorization -H X-Requested-With -H Content-Type -d '{...}' .../api/v1/routes}. */
    @Test
    void curl_addRoute_isCreatedRunningAndSaved() throws Exception {
        JsonObject created = anonymous.request("POST", "/api/v1/routes", ROUTE, "Authorization", "Bearer " + TOKEN,
                "X-Requested-With", "XMLHttpRequest", "Content-Type", "application/json").assertStatus(201).json();

        assertThat(created).isEqualTo(new JsonObject("""
                {"status": "created", "route": "my-route", "domains": ["*.example.com"], "backend": "direct",
                 "priority": 0, "enabled": true, "warnings": []}"""));
        assertThat(myRouteIsRunning()).isTrue();
        assertThat(Files.readString(bifrost.configFile())).contains("my-route", "*.example.com");
    }

    /** JavaScript {@code getBackends()} (token only) and {@code addRoute(route)} with {@code fetch}. */
    @Test
    void javascript_getBackendsAndAddRoute() {
        JsonArray backends = anonymous.request("GET", "/api/v1/backends", null, "Authorization", "Bearer " + TOKEN)
                .assertStatus(200).array();
        JsonObject added = anonymous.request("POST", "/api/v1/routes", ROUTE, "Authorization", "Bearer " + TOKEN,
                "Content-Type", "application/json", "X-Requested-With", "XMLHttpRequest").assertStatus(201).json();

        assertThat(backends).extracting(o -> ((JsonObject) o).getString("name")).containsExactly("direct");
        assertThat(added.getString("status")).isEqualTo("created");
        assertThat(added.getString("route")).isEqualTo("my-route");
    }

    /** Python {@code requests}: token and CSRF header on every call; {@code json=} sets the content type. */
    @Test
    void python_getBackendsAndAddRoute() {
        JsonArray backends = anonymous.request("GET", "/api/v1/backends", null, "Authorization", "Bearer " + TOKEN,
                "X-Requested-With", "XMLHttpRequest").assertStatus(200).array();
        anonymous.request("POST", "/api/v1/routes", ROUTE, "Authorization", "Bearer " + TOKEN,
                "X-Requested-With", "XMLHttpRequest", "Content-Type", "application/json").assertStatus(201);

        assertThat(backends).hasSize(1);
        assertThat(myRouteIsRunning()).isTrue();
    }

    /** Go {@code net/http}: GET with only the token; POST with token, content type and CSRF header. */
    @Test
    void go_getBackendsAndAddRoute() {
        anonymous.request("GET", "/api/v1/backends", null, "Authorization", "Bearer " + TOKEN).assertStatus(200);
        anonymous.request("POST", "/api/v1/routes", ROUTE, "Authorization", "Bearer " + TOKEN,
                "Content-Type", "application/json", "X-Requested-With", "XMLHttpRequest").assertStatus(201);

        assertThat(myRouteIsRunning()).isTrue();
    }

    /**
     * The WebSocket snippet: {@code new WebSocket('ws://localhost:7082/api/v1/ws?token=your-token')}, every message
     * parsed as JSON, {@code ws.send('ping')} as keep-alive. Every message is an event but the {@code pong} answer,
     * the one frame the snippet has to skip ([EVT-003]).
     */
    @Test
    void websocket_snippet_receivesJsonEvents_andPongForPing() throws Exception {
        try (EventFeed ws = EventFeed.open(bifrost, "?token=" + TOKEN)) {
            JsonObject stats = ws.next(); // the snapshot of [EVT-004]
            JsonObject health = ws.next();

            ws.send("ping");
            String pong = ws.nextText();
            anonymous.request("POST", "/api/v1/routes", ROUTE, "Authorization", "Bearer " + TOKEN,
                    "Content-Type", "application/json", "X-Requested-With", "XMLHttpRequest").assertStatus(201);
            JsonObject saved = ws.nextOfType("config.saved");

            assertThat(stats.getString("type")).isEqualTo("stats.update");
            assertThat(health.getString("type")).isEqualTo("backend.health");
            assertThat(pong).isEqualTo("pong");
            assertThat(saved.fieldNames()).containsExactly("type", "timestamp", "data");
            assertThat(saved.getJsonObject("data").getString("source")).isEqualTo("routes");
        }
    }

    /** A script that forgets the CSRF header or the token is told so, in that order ([SEC-010]); nothing changes. */
    @Test
    void scriptWithoutCsrfHeaderOrToken_isRefused_andNothingChanges() throws Exception {
        String before = Files.readString(bifrost.configFile());

        anonymous.request("POST", "/api/v1/routes", ROUTE, "Authorization", "Bearer " + TOKEN,
                "Content-Type", "application/json").assertError(403, "CSRF_FAILED");
        anonymous.request("POST", "/api/v1/routes", ROUTE, "Content-Type", "application/json",
                "X-Requested-With", "XMLHttpRequest").assertError(401, "UNAUTHORIZED");
        anonymous.request("GET", "/api/v1/backends", null).assertError(401, "UNAUTHORIZED");

        assertThat(myRouteIsRunning()).isFalse();
        assertThat(Files.readString(bifrost.configFile())).isEqualTo(before);
    }
}
