package io.bifrost.app.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.bifrost.core.event.ConfigReloaded;
import io.bifrost.core.event.ConfigSaved;
import io.bifrost.testkit.server.BifrostServerExtension;
import io.bifrost.testkit.server.TestConfigs;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

/**
 * What every request to the API goes through ([SEC-001]-[SEC-013], [SEC-021], [GEN-003], [GEN-010], [GEN-021]-
 * [GEN-030], [SAPI-002]), on a server with the token {@code your-token}.
 */
class ApiSecurityIT {
    static final String CONFIG = TestConfigs.server("""
            backends:
              - name: direct
                type: direct
            routes:
              - domains: ["*"]
                backend: direct
            """, "", "  token: \"your-token\"\n");

    @RegisterExtension
    static final BifrostServerExtension bifrost = BifrostServerExtension.withConfig(() -> CONFIG);

    private ApiClient api;
    private ApiClient anonymous;

    @BeforeEach
    void clients() {
        api = new ApiClient(bifrost.api(), "your-token");
        anonymous = new ApiClient(bifrost.api(), null);
    }

    @Test
    void noOrWrongToken_is401WithChallengeAndErrorBody() {
        var missing = anonymous.get("/api/v1/status");
        var wrong = api.withToken("not-the-token").get("/api/v1/status");

        assertThat(missing.json()).isEqualTo(new JsonObject("""
                {"error": "Unauthorized", "message": "missing or invalid API token", "code": "UNAUTHORIZED"}"""));
        missing.assertError(401, "UNAUTHORIZED");
        wrong.assertError(401, "UNAUTHORIZED");
        assertThat(missing.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"bifrost\"");
        assertThat(wrong.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"bifrost\"");
    }

    @Test
    void token_asHeaderOrQuery_schemeCaseInsensitive_headerAloneDecides() {
        assertThat(api.get("/api/v1/status").status()).isEqualTo(200);
        assertThat(anonymous.get("/api/v1/status?token=your-token").status()).isEqualTo(200);
        assertThat(anonymous.request("GET", "/api/v1/status", null, "Authorization", "bEaReR   your-token").status())
                .isEqualTo(200);
        anonymous.request("GET", "/api/v1/status?token=your-token", null, "Authorization", "Bearer wrong")
                .assertError(401, "UNAUTHORIZED");
        anonymous.request("GET", "/api/v1/status", null, "Authorization", "Basic eW91ci10b2tlbg==")
                .assertError(401, "UNAUTHORIZED");
        anonymous.request("GET", "/api/v1/status", null, "Authorization", "Bearer your-token-and-more")
                .assertError(401, "UNAUTHORIZED");
    }

    @Test
    void openEndpoints_needNoToken() {
        assertThat(anonymous.get("/api/v1/health").status()).isEqualTo(200);
        assertThat(anonymous.get("/proxy.pac").status()).isEqualTo(200);
        assertThat(anonymous.request("HEAD", "/wpad.dat", null).status()).isEqualTo(200);
        anonymous.request("OPTIONS", "/api/v1/health", null).assertError(401, "UNAUTHORIZED");
    }

    @Test
    void failedTokens_loggedAtWarnOncePerSecondPerAddress_withoutTheToken() throws InterruptedException {
        Thread.sleep(1100); // attempts of earlier tests from this address were within the last second
        Logger logger = (Logger) LoggerFactory.getLogger("io.bifrost.adapters.vertx.api.ApiSecurity");
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        logger.addAppender(lines);
        try {
            for (int i = 0; i < 5; i++) {
                anonymous.get("/api/v1/status?token=guess-" + i);
            }
        } finally {
            logger.detachAppender(lines);
        }

        List<ILoggingEvent> warnings = lines.list.stream().filter(e -> e.getLevel() == Level.WARN).toList();
        assertThat(warnings).hasSizeBetween(1, 2); // the five attempts may straddle a second boundary
        assertThat(warnings.get(0).getFormattedMessage()).contains("127.0.0.1").doesNotContain("guess");
    }

    @Test
    void mutation_withoutCsrfHeader_is403_afterTheTokenCheck() {
        var csrf = api.request("POST", "/api/v1/routes", "{}", "Content-Type", "application/json");
        var both = anonymous.request("POST", "/api/v1/routes", "{}", "Content-Type", "application/json");
        var lowerCase = api.request("DELETE", "/api/v1/requests", null, "X-Requested-With", "xmlhttprequest");

        assertThat(csrf.assertError(403, "CSRF_FAILED")).isEqualTo(new JsonObject("""
                {"error": "CSRF validation failed", "message": "missing X-Requested-With: XMLHttpRequest header",
                 "code": "CSRF_FAILED"}"""));
        both.assertError(401, "UNAUTHORIZED");
        assertThat(lowerCase.status()).isEqualTo(204);
        api.request("DELETE", "/api/v1/health", null).assertError(403, "CSRF_FAILED");
        assertThat(api.send("DELETE", "/api/v1/health", null).allow()).containsExactly("GET");
    }

    /** Every mutating endpoint of [SAPI-001] (later-phase ones aside), each with a body of the right shape. */
    static Stream<Arguments> mutations() {
        return Stream.of(
                arguments("POST", "/api/v1/backends", "{\"name\": \"m\", \"type\": \"direct\"}"),
                arguments("DELETE", "/api/v1/backends/direct", null),
                arguments("POST", "/api/v1/backends/direct/test", "{}"),
                arguments("POST", "/api/v1/routes", "{\"name\": \"m\", \"domains\": [\"m.test\"], "
                        + "\"backend\": \"direct\"}"),
                arguments("PUT", "/api/v1/routes/route-1", "{\"domains\": [\"m.test\"], \"backend\": \"direct\"}"),
                arguments("DELETE", "/api/v1/routes/route-1", null),
                arguments("PUT", "/api/v1/config", "{\"config\": {\"rate_limit\": {\"enabled\": true}}}"),
                arguments("POST", "/api/v1/config/validate", "{}"),
                arguments("POST", "/api/v1/config/reload", null),
                arguments("DELETE", "/api/v1/requests", null),
                arguments("DELETE", "/api/v1/connections/20250314092653-1", null));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("mutations")
    void mutation_withoutToken401_withoutCsrfHeader403_nothingChanges(String method, String path, String body)
            throws Exception {
        String file = Files.readString(bifrost.configFile());
        var logged = bifrost.server().requestLog().stats();

        var noToken = anonymous.request(method, path, body, "X-Requested-With", "XMLHttpRequest",
                "Content-Type", "application/json");
        var noCsrf = api.request(method, path, body, "Content-Type", "application/json");
        var options = api.request("OPTIONS", path, null);

        noToken.assertError(401, "UNAUTHORIZED");
        assertThat(noToken.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"bifrost\"");
        noCsrf.assertError(403, "CSRF_FAILED");
        assertThat(options.allow()).as("a real endpoint, not a typo").contains(method);
        assertThat(Files.readString(bifrost.configFile())).isEqualTo(file);
        assertThat(bifrost.server().control().current().routes()).hasSize(1);
        assertThat(bifrost.server().backends().all()).hasSize(1);
        assertThat(bifrost.events().ofType(ConfigSaved.class)).isEmpty();
        assertThat(bifrost.events().ofType(ConfigReloaded.class)).isEmpty();
        assertThat(bifrost.server().requestLog().stats()).isEqualTo(logged);
    }

    /** Every read endpoint of [SAPI-001] that needs the token when one is set (all but health, PAC and WPAD). */
    @ParameterizedTest(name = "GET {0}")
    @ValueSource(strings = {"/api/v1/version", "/api/v1/status", "/api/v1/stats", "/api/v1/backends",
            "/api/v1/backends/direct", "/api/v1/backends/direct/stats", "/api/v1/routes",
            "/api/v1/routes/test?domain=example.com", "/api/v1/routes/route-1", "/api/v1/config",
            "/api/v1/config/full", "/api/v1/config/meta", "/api/v1/requests", "/api/v1/requests/stats",
            "/api/v1/connections", "/api/v1/connections/clients"})
    void read_withoutToken401_withToken200(String path) {
        var noToken = anonymous.get(path);
        var wrongToken = api.withToken("your-token-2").get(path);

        noToken.assertError(401, "UNAUTHORIZED");
        wrongToken.assertError(401, "UNAUTHORIZED");
        assertThat(noToken.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"bifrost\"");
        api.get(path).assertStatus(200);
    }

    @Test
    void securityHeaders_onSuccessErrorsAndPac() {
        for (var r : List.of(api.get("/api/v1/status"), anonymous.get("/api/v1/status"), api.get("/api/v1/nope"),
                anonymous.get("/proxy.pac"), api.request("OPTIONS", "/api/v1/backends", null))) {
            assertThat(r.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(r.header("X-Frame-Options")).isEqualTo("DENY");
            assertThat(r.header("Referrer-Policy")).isEqualTo("no-referrer");
            assertThat(r.header("Content-Security-Policy"))
                    .isEqualTo("default-src 'none'; frame-ancestors 'none'; base-uri 'none'");
            assertThat(r.header("X-Request-Id")).isNotBlank();
            assertThat(r.optionalHeader("Access-Control-Allow-Origin")).isEmpty();
        }
        assertThat(api.get("/api/v1/status").header("Cache-Control")).isEqualTo("no-store");
        assertThat(anonymous.get("/proxy.pac").header("Cache-Control")).isEqualTo("max-age=60");
    }

    @Test
    void requestId_echoedWhenValid_elseGenerated() {
        var echoed = api.request("GET", "/api/v1/version", null, "X-Request-Id", "trace-42/abc");
        var failedEcho = anonymous.request("GET", "/api/v1/version", null, "X-Request-Id", "trace-43");
        var tooLong = api.request("GET", "/api/v1/version", null, "X-Request-Id", "x".repeat(129));
        var spaces = api.request("GET", "/api/v1/version", null, "X-Request-Id", "a b");

        assertThat(echoed.header("X-Request-Id")).isEqualTo("trace-42/abc");
        assertThat(failedEcho.header("X-Request-Id")).isEqualTo("trace-43");
        assertThat(tooLong.header("X-Request-Id")).matches("[0-9a-f-]{36}");
        assertThat(spaces.header("X-Request-Id")).matches("[0-9a-f-]{36}");
        assertThat(api.get("/api/v1/version").header("X-Request-Id"))
                .isNotEqualTo(api.get("/api/v1/version").header("X-Request-Id"));
    }

    @Test
    void unknownPath_is404WithPath_everywhere() {
        assertThat(api.get("/api/v1/backendz").assertError(404, "NOT_FOUND")).isEqualTo(new JsonObject(
                "{\"error\": \"Not found\", \"code\": \"NOT_FOUND\", \"path\": \"/api/v1/backendz\"}"));
        assertThat(api.get("/api/v2/status").assertError(404, "NOT_FOUND").getString("path"))
                .isEqualTo("/api/v2/status");
        assertThat(api.get("/favicon.ico").assertError(404, "NOT_FOUND").getString("path")).isEqualTo("/favicon.ico");
        api.send("POST", "/api/v1/nope", "{}").assertError(404, "NOT_FOUND");
    }

    @Test
    void knownPathOtherMethod_is405WithAllow_andOptionsIs204WithAllow() {
        var post = api.send("POST", "/api/v1/status", "{}");
        var put = api.send("PUT", "/api/v1/backends", "{}");
        var options = api.request("OPTIONS", "/api/v1/routes/x", null);

        post.assertError(405, "METHOD_NOT_ALLOWED");
        assertThat(post.allow()).containsExactly("GET");
        assertThat(put.assertError(405, "METHOD_NOT_ALLOWED")).isNotNull();
        assertThat(put.allow()).containsExactly("GET", "POST");
        assertThat(options.status()).isEqualTo(204);
        assertThat(options.body()).isEmpty();
        assertThat(options.allow()).containsExactly("GET", "PUT", "DELETE");
        assertThat(api.request("OPTIONS", "/proxy.pac", null).allow()).containsExactly("GET", "HEAD");
    }

    @Test
    void trailingSlashAndPercentEncodedNames() {
        assertThat(api.get("/api/v1/backends/").array()).hasSize(1);
        assertThat(api.get("/api/v1/backends/direct/").json().getString("name")).isEqualTo("direct");
        assertThat(api.get("/api/v1/backends/dir%65ct").json().getString("name")).isEqualTo("direct");
        assertThat(api.get("/api/v1/routes/route%2D1").json().getString("name")).isEqualTo("route-1");
    }

    @Test
    void bodies_otherMediaTypeIs415_tooLargeIs413_noContentTypeReadsAsJson() {
        api.request("POST", "/api/v1/routes", "name: x", "X-Requested-With", "XMLHttpRequest",
                "Content-Type", "application/x-yaml").assertError(415, "UNSUPPORTED_MEDIA_TYPE");
        api.send("POST", "/api/v1/routes", "{\"pad\": \"" + "x".repeat(1024 * 1024) + "\"}")
                .assertError(413, "PAYLOAD_TOO_LARGE");
        api.request("POST", "/api/v1/routes", "{\"name\": 1}", "X-Requested-With", "XMLHttpRequest")
                .assertError(400, "INVALID_BODY");
    }

    @Test
    void laterPhaseEndpoints_are501AfterTokenAndCsrf() {
        var cache = api.get("/api/v1/cache/stats").assertError(501, "NOT_IMPLEMENTED");
        var mesh = api.get("/api/v1/mesh/networks").assertError(501, "NOT_IMPLEMENTED");
        api.send("DELETE", "/api/v1/cache/entries?confirm=true", null).assertError(501, "NOT_IMPLEMENTED");
        api.send("POST", "/api/v1/login", "{\"token\": \"your-token\"}").assertError(501, "NOT_IMPLEMENTED");
        api.send("POST", "/api/v1/logout", null).assertError(501, "NOT_IMPLEMENTED");

        api.request("DELETE", "/api/v1/cache/entries", null).assertError(403, "CSRF_FAILED");
        anonymous.get("/api/v1/mesh/networks").assertError(401, "UNAUTHORIZED");
        assertThat(api.get("/api/v1/login").allow()).containsExactly("POST");
        assertThat(mesh).isEqualTo(new JsonObject("""
                {"error": "Not implemented", "message": "mesh coordinator is not available in this version",
                 "code": "NOT_IMPLEMENTED"}"""));
        assertThat(cache.getString("message")).isNotBlank();
    }

    @Test
    void configurationChanges_throughTheRealControl_areSavedToTheServersFile() throws Exception {
        api.send("POST", "/api/v1/routes", "{\"name\": \"r\", \"domains\": [\"x.test\"], \"backend\": \"direct\"}")
                .assertStatus(201);

        assertThat(java.nio.file.Files.readString(bifrost.configFile())).contains("x.test");
        api.send("POST", "/api/v1/config/reload", null).assertStatus(200);
        api.send("DELETE", "/api/v1/routes/r", null).assertStatus(204);
    }
}
