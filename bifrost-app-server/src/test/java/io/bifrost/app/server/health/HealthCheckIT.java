package io.bifrost.app.server.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.bifrost.adapters.vertx.health.HealthChecks;
import io.bifrost.core.event.BackendHealthChanged;
import io.bifrost.core.health.HealthCheckView;
import io.bifrost.testkit.FakeServerExtension;
import io.bifrost.testkit.server.BifrostServerExtension;
import io.bifrost.testkit.server.TestConfigs;
import io.bifrost.testkit.upstream.FakeHttpProxy;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Health checks end to end ([BKD-061]-[BKD-063]): two {@code http_proxy} backends with 1s tcp probes; when one's
 * proxy stops answering, the probe marks it unhealthy (a {@code backend.health} event), new CONNECTs all go to the
 * other one, and once it listens again it is healthy and selected again. A WebSocket subscriber sees both
 * transitions live ([EVT-020]) and {@code /api/v1/health} turns {@code degraded} and back ([SAPI-010]).
 */
class HealthCheckIT {
    private static final Duration TRANSITION = Duration.ofSeconds(5);

    private static final Vertx CLIENT_VERTX = Vertx.vertx();
    private static final WebSocketClient wsClient = CLIENT_VERTX.createWebSocketClient(); // held: Vert.x 5 gotcha 1

    @AfterAll
    static void closeClient() {
        CLIENT_VERTX.close().await();
    }

    @RegisterExtension
    @Order(1)
    static final FakeServerExtension<FakeHttpProxy> proxyA = FakeServerExtension.of(FakeHttpProxy.forwarding());

    @RegisterExtension
    @Order(1)
    static final FakeServerExtension<FakeHttpProxy> proxyB = FakeServerExtension.of(FakeHttpProxy.forwarding());

    @RegisterExtension
    @Order(2)
    static final FakeServerExtension<SwitchableFront> frontA =
            FakeServerExtension.of(new SwitchableFront(() -> proxyA.get().port()));

    @RegisterExtension
    @Order(3)
    static final BifrostServerExtension bifrost = BifrostServerExtension.withConfig(() -> TestConfigs.server("""
            health_check:
              type: tcp
              interval: "1s"
              timeout: "500ms"
            backends:
              - name: a
                type: http_proxy
                config:
                  address: "127.0.0.1:%d"
              - name: b
                type: http_proxy
                config:
                  address: "127.0.0.1:%d"
            routes:
              - name: pool
                domains: ["*.pool.test"]
                backends: [a, b]
                load_balance: round_robin
            """.formatted(frontA.get().port(), proxyB.get().port())));

    @Test
    void proxyGoesDown_backendTurnsUnhealthyIsSkippedAndComesBack() throws Exception {
        HealthChecks checks = bifrost.server().healthChecks();
        assertThat(checks.probedBackends()).containsExactly("a", "b");
        eventually(() -> checks.view("a").map(HealthCheckView::lastResult).isPresent()
                && checks.view("b").map(HealthCheckView::lastResult).isPresent());
        assertThat(checks.degraded()).isFalse();
        LinkedBlockingQueue<JsonObject> frames = new LinkedBlockingQueue<>();
        WebSocket ws = wsClient.connect(new WebSocketConnectOptions().setHost("127.0.0.1")
                .setPort(bifrost.api().getPort()).setURI("/api/v1/ws?events=backend.health"))
                .onSuccess(socket -> socket.textMessageHandler(text -> frames.add(new JsonObject(text))))
                .await(10, TimeUnit.SECONDS);
        // the snapshot ([EVT-004]) proves the server attached the subscriber before anything changes
        assertThat(List.of(nextFrame(frames), nextFrame(frames)))
                .allSatisfy(frame -> assertThat(frame.getBoolean("initial")).isTrue())
                .extracting(frame -> frame.getString("name")).containsExactlyInAnyOrder("a", "b");

        frontA.get().goDown().await();

        BackendHealthChanged down = bifrost.events().await(BackendHealthChanged.class, e -> e.backend().equals("a"),
                1, TRANSITION).get(0);
        assertThat(down.healthy()).isFalse();
        assertThat(down.previous()).isTrue();
        assertThat(down.type()).isEqualTo("http_proxy");
        assertThat(down.reason()).isEqualTo("connection refused");
        assertThat(checks.degraded()).isTrue();
        assertThat(checks.view("a").orElseThrow().lastError()).isEqualTo("connection refused");
        assertThat(nextLiveHealthFrame(frames)).isEqualTo(new JsonObject("""
                {"name": "a", "type": "http_proxy", "healthy": false, "previous": true,
                 "reason": "connection refused", "initial": false}"""));
        assertThat(apiHealthStatus()).isEqualTo("degraded"); // [SAPI-010], [BKD-064]
        assertThat(List.of(connectThroughPool(), connectThroughPool(), connectThroughPool(), connectThroughPool()))
                .containsOnly("b");

        frontA.get().comeUp().await();

        BackendHealthChanged up = bifrost.events().await(BackendHealthChanged.class, e -> e.backend().equals("a"),
                2, TRANSITION).get(1);
        assertThat(up.healthy()).isTrue();
        assertThat(up.previous()).isFalse();
        assertThat(up.latency()).isNotNull();
        assertThat(checks.degraded()).isFalse();
        assertThat(List.of(connectThroughPool(), connectThroughPool(), connectThroughPool(), connectThroughPool()))
                .contains("a", "b");
        assertThat(bifrost.events().ofType(BackendHealthChanged.class)).noneMatch(e -> e.backend().equals("b"));
        assertThat(nextLiveHealthFrame(frames).getBoolean("healthy")).isTrue();
        assertThat(apiHealthStatus()).isEqualTo("healthy");
        ws.close().await();
    }

    /** The next live {@code backend.health} frame's data, after the snapshot was taken. */
    private static JsonObject nextLiveHealthFrame(LinkedBlockingQueue<JsonObject> frames) throws InterruptedException {
        JsonObject data = nextFrame(frames);
        assertThat(data.getBoolean("initial")).isFalse();
        return data;
    }

    private static JsonObject nextFrame(LinkedBlockingQueue<JsonObject> frames) throws InterruptedException {
        JsonObject frame = frames.poll(TRANSITION.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(frame).as("a backend.health frame within " + TRANSITION).isNotNull();
        assertThat(frame.getString("type")).isEqualTo("backend.health");
        return frame.getJsonObject("data");
    }

    private static String apiHealthStatus() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                bifrost.api().resolve("/api/v1/health")).build(), HttpResponse.BodyHandlers.ofString());
        return new JsonObject(r.body()).getString("status");
    }

    /** Opens a CONNECT through the pool route and reports which upstream proxy saw it. */
    private static String connectThroughPool() throws IOException {
        int beforeA = proxyA.get().connects().size();
        int beforeB = proxyB.get().connects().size();
        try (Socket socket = new Socket(bifrost.httpProxy().getAddress(), bifrost.httpProxy().getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write("CONNECT x.pool.test:443 HTTP/1.1\r\nHost: x.pool.test:443\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            readHead(socket.getInputStream());
        }
        int a = proxyA.get().connects().size() - beforeA;
        int b = proxyB.get().connects().size() - beforeB;
        assertThat(a + b).as("CONNECTs seen by the upstream proxies").isEqualTo(1);
        return a == 1 ? "a" : "b";
    }

    private static void readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        for (int c = in.read(); c >= 0 && head.indexOf("\r\n\r\n") < 0; c = in.read()) {
            head.append((char) c);
        }
    }

    private static void eventually(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TRANSITION.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + TRANSITION);
            }
            Thread.sleep(20);
        }
    }
}
