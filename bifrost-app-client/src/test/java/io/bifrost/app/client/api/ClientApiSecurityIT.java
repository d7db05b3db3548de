package io.bifrost.app.client.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.bifrost.testkit.client.BifrostClientExtension;
import io.bifrost.testkit.client.ClientTestConfigs;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Who may use the client API ([SEC-001]-[SEC-022]): token and CSRF as on the server, open health and preflights,
 * CORS for local origins only, and the DNS-rebinding guard of an API listening on loopback.
 */
class ClientApiSecurityIT {
    private static final String TOKEN = "s3cr3t-t0ken-of-32-characters-min";

    @RegisterExtension
    static final BifrostClientExtension open = BifrostClientExtension.withConfig(() -> ClientTestConfigs.client(""));

    @RegisterExtension
    static final BifrostClientExtension guarded = BifrostClientExtension.withConfig(() -> ClientTestConfigs.client(
            "").replace("api:\n  listen: \"127.0.0.1:0\"\n", "api:\n  listen: \"127.0.0.1:0\"\n  token: \"" + TOKEN
            + "\"\n"));

    private final ApiCalls openApi = new ApiCalls(open::api);
    private final ApiCalls tokenApi = new ApiCalls(guarded::api);

    @Test
    void token_requiredExceptForHealth_asHeaderOrQuery() {
        ApiCalls.Answer missing = tokenApi.get("/api/v1/status");

        assertThat(missing.status()).isEqualTo(401);
        assertThat(missing.json()).isEqualTo(new JsonObject().put("error", "Unauthorized")
                .put("message", "missing or invalid API token").put("code", "UNAUTHORIZED"));
        assertThat(missing.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"bifrost\"");
        assertThat(tokenApi.get("/api/v1/status", "Authorization", "Bearer " + TOKEN).status()).isEqualTo(200);
        assertThat(tokenApi.get("/api/v1/status", "Authorization", "bearer   " + TOKEN).status()).isEqualTo(200);
        assertThat(tokenApi.get("/api/v1/status?token=" + TOKEN).status()).isEqualTo(200);
        assertThat(tokenApi.get("/api/v1/status", "Authorization", "Bearer wrong").status()).isEqualTo(401);
        assertThat(tokenApi.get("/api/v1/status?token=" + TOKEN, "Authorization", "Bearer wrong").status())
                .isEqualTo(401); // the header alone decides
        assertThat(tokenApi.get("/api/v1/health").status()).isEqualTo(200);
        assertThat(tokenApi.get("/api/v1/config/export?token=" + TOKEN).status()).isEqualTo(200);
    }

    @Test
    void tokenThenCsrf_onMutations() {
        ApiCalls.Answer neither = tokenApi.send("POST", "/api/v1/disconnect", null);
        ApiCalls.Answer noCsrf = tokenApi.send("POST", "/api/v1/disconnect", null, "Authorization", "Bearer " + TOKEN);
        ApiCalls.Answer both = tokenApi.send("POST", "/api/v1/connect", null, "Authorization", "Bearer " + TOKEN,
                "X-Requested-With", "xmlhttprequest");

        assertThat(neither.status()).isEqualTo(401);
        assertThat(noCsrf.status()).isEqualTo(403);
        assertThat(noCsrf.json().getString("code")).isEqualTo("CSRF_FAILED");
        assertThat(both.status()).isEqualTo(400); // past both checks: a direct-only client has nothing to connect
        assertThat(both.json().getString("code")).isEqualTo("VALIDATION_FAILED");
    }

    @Test
    void logStream_takesTheTokenFromTheQuery_andAnyOriginOnceATokenIsSet() {
        assertThat(tokenApi.get("/api/v1/logs/stream").status()).isEqualTo(401);
        try (SseReader sse = new SseReader(guarded.api().resolve("/api/v1/logs/stream?token=" + TOKEN),
                "Origin", "http://evil.example")) {
            assertThat(sse.response().statusCode()).isEqualTo(200);
            assertThat(sse.response().headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        }
    }

    @Test
    void cors_localOriginsGetTheHeadersOnEveryResponse_othersNone() {
        for (String origin : new String[] {"http://localhost:5173", "http://127.0.0.1", "https://[::1]:8443"}) {
            ApiCalls.Answer answer = openApi.get("/api/v1/status", "Origin", origin);
            assertThat(answer.header("Access-Control-Allow-Origin")).as(origin).isEqualTo(origin);
            assertThat(answer.header("Vary")).isEqualTo("Origin");
            assertThat(answer.header("Access-Control-Allow-Methods")).isEqualTo("GET, POST, PUT, DELETE, OPTIONS");
            assertThat(answer.header("Access-Control-Allow-Headers"))
                    .isEqualTo("Accept, Authorization, Content-Type, X-Requested-With, Last-Event-ID");
            assertThat(answer.header("Access-Control-Allow-Credentials")).isEqualTo("true");
            assertThat(answer.header("Access-Control-Max-Age")).isEqualTo("600");
        }
        ApiCalls.Answer error = openApi.get("/api/v1/nope", "Origin", "http://localhost:3000");
        assertThat(error.status()).isEqualTo(404);
        assertThat(error.header("Access-Control-Allow-Origin")).isEqualTo("http://localhost:3000");
        for (String origin : new String[] {"http://localhost.example.com", "http://evil.example", "ftp://localhost",
                "null"}) {
            ApiCalls.Answer answer = openApi.get("/api/v1/status", "Origin", origin);
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.headers().map().keySet()).as(origin).noneMatch(h -> h.startsWith("access-control-"));
        }
    }

    @Test
    void preflight_isOpenAndAnsweredWithoutAuthentication() {
        ApiCalls.Answer local = tokenApi.send("OPTIONS", "/api/v1/config", null, "Origin", "http://localhost:5173",
                "Access-Control-Request-Method", "PUT", "Access-Control-Request-Headers", "x-requested-with");
        ApiCalls.Answer foreign = tokenApi.send("OPTIONS", "/api/v1/config", null, "Origin", "http://evil.example",
                "Access-Control-Request-Method", "PUT");

        assertThat(local.status()).isEqualTo(204);
        assertThat(local.header("Access-Control-Allow-Origin")).isEqualTo("http://localhost:5173");
        assertThat(local.header("Access-Control-Allow-Methods")).contains("PUT");
        assertThat(local.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(foreign.status()).isEqualTo(204);
        assertThat(foreign.headers().map().keySet()).noneMatch(h -> h.startsWith("access-control-"));
        assertThat(tokenApi.send("OPTIONS", "/api/v1/config", null).status()).isEqualTo(401); // not a preflight
    }

    @Test
    void rebindingGuard_onLoopback_refusesForeignHostNames() throws Exception {
        int port = open.api().getPort();

        Raw foreign = raw(port, "GET /api/v1/health HTTP/1.1\r\nHost: evil.example:" + port + "\r\n");
        Raw preflight = raw(port, "OPTIONS /api/v1/status HTTP/1.1\r\nHost: rebound.example\r\n"
                + "Origin: http://rebound.example\r\nAccess-Control-Request-Method: GET\r\n");

        assertThat(foreign.status()).isEqualTo(403);
        assertThat(new JsonObject(foreign.body()).getString("code")).isEqualTo("FORBIDDEN");
        assertThat(preflight.status()).isEqualTo(403);
        assertThat(raw(port, "GET /api/v1/health HTTP/1.1\r\nHost: localhost:" + port + "\r\n").status())
                .isEqualTo(200);
        assertThat(raw(port, "GET /api/v1/health HTTP/1.1\r\nHost: LOCALHOST\r\n").status()).isEqualTo(200);
        assertThat(raw(port, "GET /api/v1/health HTTP/1.1\r\nHost: [::1]:" + port + "\r\n").status())
                .isEqualTo(200);
        assertThat(raw(port, "GET /api/v1/health HTTP/1.0\r\n").status()).isEqualTo(403);
    }

    private record Raw(int status, String body) {}

    /** One request on its own connection ({@code Connection: close}), as a rebinding page's browser would send. */
    private static Raw raw(int port, String head) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5000);
            socket.getOutputStream().write((head + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int status = Integer.parseInt(response.split(" ", 3)[1]);
            int bodyStart = response.indexOf("\r\n\r\n") + 4;
            return new Raw(status, response.substring(bodyStart));
        }
    }
}
