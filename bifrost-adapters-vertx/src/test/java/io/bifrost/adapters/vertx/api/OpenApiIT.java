package io.bifrost.adapters.vertx.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.bifrost.adapters.vertx.server.ServerOptions;
import io.bifrost.core.net.IpAddress;
import io.vertx.core.Vertx;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** An API without {@code api.token}: the limits of [SEC-015] (secrets to loopback only) and [SEC-016] (origins). */
class OpenApiIT {
    private static final String YAML = ControlMappingIT.YAML.replace("api:\n  token: \"your-token\"\n", "");

    private static Vertx vertx;
    private static TestApi loopback;
    private static WebSocketClient wsClient;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
        loopback = new TestApi(vertx, YAML, Duration.ofSeconds(30), "127.0.0.1");
        wsClient = vertx.createWebSocketClient();
    }

    @AfterAll
    static void stop() {
        vertx.close().await();
    }

    @Test
    void configFull_noToken_loopbackPeerReadsSecrets() {
        HttpCalls api = new HttpCalls(URI.create("http://127.0.0.1:" + loopback.port), null);

        assertThat(api.get("/api/v1/config/full").json())
                .isEqualTo(new JsonObject("{\"api\": {\"token\": \"s3cr3t\"}}"));
    }

    @Test
    void configFull_noToken_remotePeerIsForbidden() {
        Optional<IpAddress> external = ServerOptions.interfaceAddresses().stream()
                .filter(a -> a.isV4() && !a.isLoopback()).findFirst();
        assumeThat(external).as("a non-loopback IPv4 address on this host").isPresent();
        TestApi remote = new TestApi(vertx, YAML, Duration.ofSeconds(30), external.get().toString());
        HttpCalls api = new HttpCalls(URI.create("http://" + external.get() + ":" + remote.port), null);

        JsonObject refused = api.get("/api/v1/config/full").assertError(403, "FORBIDDEN");

        assertThat(refused.getString("message")).isEqualTo("set api.token to read secrets remotely");
        assertThat(api.get("/api/v1/config").status()).isEqualTo(200);
    }

    @Test
    void events_foreignOrigin_isRefusedBeforeTheUpgrade() {
        Throwable refused = catchThrowable(() -> connect("http://evil.example"));
        WebSocket same = connect("http://127.0.0.1:" + loopback.port);

        assertThat(refused).isInstanceOfSatisfying(UpgradeRejectedException.class, e -> {
            assertThat(e.getStatus()).isEqualTo(403);
            assertThat(new JsonObject(e.getBody()).getString("code")).isEqualTo("ORIGIN_NOT_ALLOWED");
        });
        assertThat(same.isClosed()).isFalse();
        same.close().await();
    }

    private static WebSocket connect(String origin) {
        WebSocketConnectOptions o = new WebSocketConnectOptions().setHost("127.0.0.1").setPort(loopback.port)
                .setURI("/api/v1/ws").addHeader("Origin", origin);
        try {
            return wsClient.connect(o).await(10, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("no handshake answer", e);
        }
    }
}
