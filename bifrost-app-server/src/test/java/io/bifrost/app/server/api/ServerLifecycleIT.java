package io.bifrost.app.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.bifrost.adapters.vertx.config.ServerConfigLoader;
import io.bifrost.adapters.vertx.server.BifrostServer;
import io.bifrost.adapters.vertx.server.BifrostVertx;
import io.bifrost.adapters.vertx.server.ServerOptions;
import io.bifrost.core.config.ConfigResult;
import io.bifrost.core.config.ServerConfig;
import io.bifrost.testkit.FakeServerExtension;
import io.bifrost.testkit.origin.FakeTcpOrigin;
import io.bifrost.testkit.server.TestConfigs;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The API listener's life with the server: configuration variants ({@code api.enabled}, {@code mesh.enabled}, the
 * request log switch), a bind failure naming its key, and health during the drain of [PRX-110].
 */
class ServerLifecycleIT {
    private static final String DIRECT = """
            backends:
              - name: direct
                type: direct
            routes:
              - domains: ["*"]
                backend: direct
            """;

    @RegisterExtension
    static final FakeServerExtension<FakeTcpOrigin> echo = FakeServerExtension.of(FakeTcpOrigin.echo());

    private Vertx vertx;

    @BeforeEach
    void vertx() {
        vertx = BifrostVertx.create();
    }

    @AfterEach
    void close() {
        vertx.close().await();
    }

    private BifrostServer server(String yaml) {
        ConfigResult<ServerConfig> loaded = ServerConfigLoader.withProcessEnvironment().loadText(yaml);
        assertThat(loaded.errors()).isEmpty();
        return BifrostServer.create(vertx, loaded.config(), ServerOptions.defaults());
    }

    private static <T> T await(Future<T> future) throws Exception {
        return future.await(20, TimeUnit.SECONDS);
    }

    private static ApiClient api(BifrostServer server) {
        var a = server.apiAddress().orElseThrow();
        return new ApiClient(URI.create("http://" + a.host() + ":" + a.port()), null);
    }

    @Test
    void apiDisabled_nothingListens() throws Exception {
        BifrostServer server = await(server(TestConfigs.server(DIRECT, "", "  enabled: false\n")).start());

        assertThat(server.apiAddress()).isEmpty();
        assertThat(server.httpAddress()).isPresent();
        await(server.stop(Duration.ZERO));
    }

    @Test
    void apiPortTaken_startFailsNamingTheKey_andReleasesTheProxyListeners() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, java.net.InetAddress.getByName("127.0.0.1"))) {
            String yaml = TestConfigs.server(DIRECT).replace("api:\n  listen: \"127.0.0.1:0\"",
                    "api:\n  listen: \"127.0.0.1:" + taken.getLocalPort() + "\"");
            BifrostServer server = server(yaml);

            Throwable failure = catchThrowable(() -> await(server.start()));

            assertThat(failure).hasMessageContaining("api.listen: cannot bind 127.0.0.1:" + taken.getLocalPort())
                    .hasMessageContaining("address in use");
            var http = server.httpAddress().orElseThrow();
            assertThat(catchThrowable(() -> new RawSocket(http.host(), http.port()).close()))
                    .isInstanceOf(ConnectException.class);
        }
    }

    @Test
    void meshDisabled_meshPathsAre404_requestLogDisabled_answersItsDisabledForm() throws Exception {
        BifrostServer server = await(server(TestConfigs.server(DIRECT + "mesh:\n  enabled: false\n", "",
                "  enable_request_log: false\n")).start());
        ApiClient api = api(server);

        JsonObject mesh = api.get("/api/v1/mesh/networks").assertError(404, "NOT_FOUND");
        JsonObject requests = api.get("/api/v1/requests?limit=5").json();
        JsonObject stats = api.get("/api/v1/requests/stats").json();

        assertThat(mesh.getString("path")).isEqualTo("/api/v1/mesh/networks");
        assertThat(requests).isEqualTo(new JsonObject("""
                {"enabled": false, "requests": [], "total": 0, "limit": 5, "offset": 0,
                 "message": "request log is disabled"}"""));
        assertThat(stats.getBoolean("enabled")).isFalse();
        api.get("/api/v1/requests?limit=0").assertError(400, "INVALID_PARAMETER");
        await(server.stop(Duration.ZERO));
    }

    @Test
    void drain_healthIs503ShuttingDown_thenTheApiCloses() throws Exception {
        BifrostServer server = await(server(TestConfigs.server(DIRECT)).start());
        ApiClient api = api(server);
        Future<Void> stopped;
        try (RawSocket tunnel = new RawSocket(server.httpAddress().orElseThrow().host(),
                server.httpAddress().orElseThrow().port())) {
            tunnel.send("CONNECT 127.0.0.1:" + echo.get().port() + " HTTP/1.1\r\n\r\n");
            tunnel.head();

            stopped = server.stop(Duration.ofSeconds(10)); // the open tunnel keeps the drain going
            JsonObject health = api.get("/api/v1/health").assertError(503, "SHUTTING_DOWN");
            JsonObject status = api.get("/api/v1/status").json();

            assertThat(health.fieldNames()).containsExactly("error", "code", "status", "time");
            assertThat(health.getString("status")).isEqualTo("shutting_down");
            assertThat(status.getString("status")).isEqualTo("shutting_down");
            assertThat(stopped.isComplete()).isFalse();
        }
        await(stopped);
        var a = server.apiAddress().orElseThrow();
        assertThat(catchThrowable(() -> new RawSocket(a.host(), a.port()).close()))
                .isInstanceOf(ConnectException.class);
    }
}
