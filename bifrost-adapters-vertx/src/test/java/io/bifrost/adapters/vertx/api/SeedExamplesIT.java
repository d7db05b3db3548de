package io.bifrost.adapters.vertx.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.bifrost.adapters.vertx.control.ServerControl;
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
 * The calls of the seed's API reference (curl, JavaScript, Python, Go), translated to the JDK client with the token
 * {@code your-token}: existing users' scripts keep working. Route creation reaches the configuration control.
 */
class SeedExamplesIT {
    private static final String ROUTE = "{\"name\": \"my-route\", \"domains\": [\"*.example.com\"], "
            + "\"backend\": \"direct\"}";

    private static Vertx vertx;
    private static TestApi server;
    private static HttpCalls anonymous;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
        server = new TestApi(vertx, ControlMappingIT.YAML, Duration.ofSeconds(30), "127.0.0.1");
        anonymous = new HttpCalls(URI.create("http://127.0.0.1:" + server.port), null);
    }

    @AfterAll
    static void stop() {
        vertx.close().await();
    }

    @BeforeEach
    void answerRouteCreation() {
        server.control.calls.clear();
        server.control.answer(new ServerControl.RouteChange(Map.of("name", "my-route",
                "domains", List.of("*.example.com"), "backend", "direct", "priority", 0, "enabled", true), List.of()));
    }

    /** {@code curl http://localhost:7082/api/v1/health}. */
    @Test
    void curl_health_withoutToken() {
        var r = anonymous.get("/api/v1/health");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().getString("status")).isEqualTo("healthy");
        assertThat(r.json().getString("time")).isNotBlank();
    }

    /** {@code curl -H "Authorization: Bearer your-token" .../api/v1/status}. */
    @Test
    void curl_status_withBearerToken() {
        var r = anonymous.request("GET", "/api/v1/status", null, "Authorization", "Bearer your-token");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().getString("status")).isEqualTo("running");
    }

    /** {@code curl -X POST -H Authorization -H X-Requested-With -H Content-Type -d '{...}' .../api/v1/routes}. */
    @Test
    void curl_addRoute() {
        var r = anonymous.request("POST", "/api/v1/routes", ROUTE, "Authorization", "Bearer your-token",
                "X-Requested-With", "XMLHttpRequest", "Content-Type", "application/json");

        assertThat(r.status()).isEqualTo(201);
        assertThat(r.json().getString("route")).isEqualTo("my-route");
        assertThat(server.control.lastBody).isEqualTo(Map.of("name", "my-route", "domains", List.of("*.example.com"),
                "backend", "direct"));
    }

    /** JavaScript {@code getBackends()} and {@code addRoute(route)} with {@code fetch}. */
    @Test
    void javascript_getBackendsAndAddRoute() {
        var backends = anonymous.request("GET", "/api/v1/backends", null, "Authorization", "Bearer your-token");
        var added = anonymous.request("POST", "/api/v1/routes", ROUTE, "Authorization", "Bearer your-token",
                "Content-Type", "application/json", "X-Requested-With", "XMLHttpRequest");

        assertThat(backends.array()).extracting(o -> ((JsonObject) o).getString("name"))
                .containsExactly("direct", "corp-proxy");
        assertThat(added.json().getString("status")).isEqualTo("created");
    }

    /** Python {@code requests}: the CSRF header on every call, {@code json=} sets the content type. */
    @Test
    void python_getBackendsAndAddRoute() {
        var backends = anonymous.request("GET", "/api/v1/backends", null, "Authorization", "Bearer your-token",
                "X-Requested-With", "XMLHttpRequest");
        var added = anonymous.request("POST", "/api/v1/routes", ROUTE, "Authorization", "Bearer your-token",
                "X-Requested-With", "XMLHttpRequest", "Content-Type", "application/json");

        assertThat(backends.status()).isEqualTo(200);
        assertThat(added.status()).isEqualTo(201);
    }

    /** Go {@code net/http}: GET with only the token; POST with token, content type and CSRF header. */
    @Test
    void go_getBackendsAndAddRoute() {
        var backends = anonymous.request("GET", "/api/v1/backends", null, "Authorization", "Bearer your-token");
        var added = anonymous.request("POST", "/api/v1/routes", ROUTE, "Authorization", "Bearer your-token",
                "Content-Type", "application/json", "X-Requested-With", "XMLHttpRequest");

        assertThat(backends.array()).hasSize(2);
        assertThat(added.status()).isEqualTo(201);
        assertThat(server.control.calls).containsExactly("addRoute");
    }

    /** A script that forgets the CSRF header or the token is told so, in that order ([SEC-010]). */
    @Test
    void scriptWithoutCsrfHeaderOrToken_isRefused() {
        anonymous.request("POST", "/api/v1/routes", ROUTE, "Authorization", "Bearer your-token",
                "Content-Type", "application/json").assertError(403, "CSRF_FAILED");
        anonymous.request("POST", "/api/v1/routes", ROUTE, "Content-Type", "application/json")
                .assertError(401, "UNAUTHORIZED");
        assertThat(server.control.calls).isEmpty();
    }
}
