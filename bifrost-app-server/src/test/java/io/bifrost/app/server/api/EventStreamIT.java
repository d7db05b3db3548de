package io.bifrost.app.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.bifrost.core.event.ConfigSaved;
import io.bifrost.testkit.FakeServerExtension;
import io.bifrost.testkit.origin.FakeTcpOrigin;
import io.bifrost.testkit.server.BifrostServerExtension;
import io.bifrost.testkit.server.TestConfigs;
import io.vertx.core.Vertx;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The event WebSocket {@code /api/v1/ws} ([SAPI-250], [EVT-001]-[EVT-026]) of a real server with a token. */
class EventStreamIT {
    private static final String ESTABLISHED = "HTTP/1.1 200 Connection established\r\n\r\n";
    private static final String CONFIG = TestConfigs.server("""
            backends:
              - name: direct
                type: direct
            routes:
              - domains: ["*"]
                backend: direct
            """, "", "  token: \"your-token\"\n  websocket_max_clients: 2\n");

    @RegisterExtension
    @Order(1)
    static final FakeServerExtension<FakeTcpOrigin> echo = FakeServerExtension.of(FakeTcpOrigin.echo());

    @RegisterExtension
    @Order(2)
    static final BifrostServerExtension bifrost = BifrostServerExtension.withConfig(() -> CONFIG);

    private static Vertx vertx;
    private static WebSocketClient client;
    private final List<Subscriber> opened = new ArrayList<>();

    @BeforeAll
    static void startClient() {
        vertx = Vertx.vertx();
        client = vertx.createWebSocketClient(new WebSocketClientOptions().setReceiveBufferSize(8192));
    }

    @AfterAll
    static void stopClient() {
        vertx.close().await();
    }

    @AfterEach
    void closeSubscribers() throws InterruptedException {
        for (Subscriber s : opened) {
            if (!s.closed.isDone()) {
                s.ws.close().await();
            }
        }
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (bifrost.server().eventStream().subscriberCount() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    /** A connected subscriber recording text frames and how its socket closed. */
    private static final class Subscriber {
        final LinkedBlockingQueue<String> texts = new LinkedBlockingQueue<>();
        final CompletableFuture<String> closed = new CompletableFuture<>();
        WebSocket ws;

        JsonObject next() throws InterruptedException {
            String text = texts.poll(10, TimeUnit.SECONDS);
            assertThat(text).as("an event within 10s").isNotNull();
            return new JsonObject(text);
        }
    }

    private Subscriber subscribe(String query, String... headers) throws Exception {
        WebSocketConnectOptions o = new WebSocketConnectOptions().setHost("127.0.0.1")
                .setPort(bifrost.api().getPort()).setURI("/api/v1/ws" + query);
        for (int i = 0; i < headers.length; i += 2) {
            o.addHeader(headers[i], headers[i + 1]);
        }
        Subscriber s = new Subscriber();
        int attached = bifrost.server().eventStream().subscriberCount();
        s.ws = client.connect(o).onSuccess(ws -> {
            ws.textMessageHandler(s.texts::add);
            ws.closeHandler(v -> s.closed.complete(ws.closeStatusCode() + " " + ws.closeReason()));
        }).await(10, TimeUnit.SECONDS);
        opened.add(s);
        // the client sees the 101 before the server has attached the subscriber: an event published in between
        // would reach nobody, so wait for the server's side of the handshake
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (bifrost.server().eventStream().subscriberCount() <= attached && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        return s;
    }

    private static void awaitSubscribers(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (bifrost.server().eventStream().subscriberCount() < count && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(bifrost.server().eventStream().subscriberCount()).isGreaterThanOrEqualTo(count);
    }

    private UpgradeRejectedException refused(String query) {
        Throwable t = catchThrowable(() -> subscribe(query));
        assertThat(t).isInstanceOf(UpgradeRejectedException.class);
        return (UpgradeRejectedException) t;
    }

    @Test
    void handshake_needsTheToken_asQueryOrHeader() throws Exception {
        UpgradeRejectedException noToken = refused("");

        assertThat(noToken.getStatus()).isEqualTo(401);
        assertThat(new JsonObject(noToken.getBody()).getString("code")).isEqualTo("UNAUTHORIZED");
        WebSocket byQuery = subscribe("?token=your-token").ws;
        assertThat(byQuery.isClosed()).isFalse();
        assertThat(byQuery.headers().get("X-Request-Id")).isNotBlank(); // the 101 is an API response too
        assertThat(byQuery.headers().get("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(subscribe("", "Authorization", "Bearer your-token").ws.isClosed()).isFalse();
    }

    @Test
    void connect_snapshotThenConnectionEventsOfATunnel() throws Exception {
        Subscriber s = subscribe("?token=your-token");
        JsonObject stats = s.next();
        JsonObject health = s.next();
        int clientPort;
        try (RawSocket tunnel = new RawSocket(bifrost.httpProxy())) {
            clientPort = tunnel.localPort();
            tunnel.send("CONNECT 127.0.0.1:" + echo.get().port() + " HTTP/1.1\r\n\r\nping");
            assertThat(tunnel.read(ESTABLISHED.length() + 4)).endsWith("ping");
        }
        JsonObject opened = nextOfType(s, "connection.new");
        JsonObject closed = nextOfType(s, "connection.close");

        assertThat(stats.getString("type")).isEqualTo("stats.update");
        assertThat(stats.getJsonObject("data").fieldNames()).containsExactly("active_connections",
                "total_connections", "total_requests", "bytes_sent", "bytes_received", "bytes_sent_per_second",
                "bytes_received_per_second", "requests_per_second", "backends");
        assertThat(health.getJsonObject("data")).isEqualTo(new JsonObject("""
                {"name": "direct", "type": "direct", "healthy": true, "previous": null, "initial": true}"""));
        JsonObject data = opened.getJsonObject("data");
        assertThat(data.fieldNames()).containsExactly("id", "protocol", "client_ip", "client_port", "host", "port",
                "route", "backend");
        assertThat(data.getString("protocol")).isEqualTo("CONNECT");
        assertThat(data.getInteger("client_port")).isEqualTo(clientPort);
        assertThat(data.getInteger("port")).isEqualTo(echo.get().port());
        JsonObject end = closed.getJsonObject("data");
        assertThat(end.getString("id")).isEqualTo(data.getString("id"));
        assertThat(end.getLong("bytes_sent")).isEqualTo(ESTABLISHED.length() + 4);
        assertThat(end.getLong("requests")).isEqualTo(1);
        assertThat(end.getDouble("duration_ms")).isNotNegative();
        assertThat(end.containsKey("error")).isFalse();
        assertThat(closed.getString("timestamp")).matches(".*T.*\\.\\d{3}Z");
    }

    private static JsonObject nextOfType(Subscriber s, String type) throws InterruptedException {
        while (true) {
            JsonObject e = s.next();
            if (e.getString("type").equals(type)) {
                return e;
            }
        }
    }

    @Test
    void filter_onlyTheNamedTypes_unknownTypeIs400() throws Exception {
        UpgradeRejectedException unknown = refused("?token=your-token&events=connection.new,nope");
        Subscriber s = subscribe("?token=your-token&events=config.saved");
        awaitSubscribers(1); // the server attaches a subscriber just after the 101: publish only once it has

        bifrost.server().eventStream().publish(new ConfigSaved(Instant.now(), "routes", List.of("routes"),
                List.of("routes"), List.of(), null));

        assertThat(unknown.getStatus()).isEqualTo(400);
        assertThat(new JsonObject(unknown.getBody()).getString("code")).isEqualTo("INVALID_PARAMETER");
        JsonObject saved = s.next();
        assertThat(saved.getString("type")).isEqualTo("config.saved"); // no snapshot before it
        assertThat(saved.getJsonObject("data")).isEqualTo(new JsonObject("""
                {"source": "routes", "changed_sections": ["routes"], "hot_reloaded_sections": ["routes"],
                 "restart_required_sections": [], "requires_restart": false}"""));
    }

    @Test
    void textPing_isAnsweredPong() throws Exception {
        Subscriber s = subscribe("?token=your-token&events=config.saved");

        s.ws.writeTextMessage("ping").await();

        assertThat(s.texts.poll(5, TimeUnit.SECONDS)).isEqualTo("pong");
    }

    @Test
    void subscriberLimit_furtherHandshakesAre503() throws Exception {
        Subscriber first = subscribe("?token=your-token");
        subscribe("?token=your-token");

        UpgradeRejectedException third = refused("?token=your-token");
        first.ws.close().await();
        first.closed.get(5, TimeUnit.SECONDS);
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (bifrost.server().eventStream().subscriberCount() > 1 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }

        assertThat(third.getStatus()).isEqualTo(503);
        assertThat(new JsonObject(third.getBody()).getString("code")).isEqualTo("TOO_MANY_CLIENTS");
        assertThat(subscribe("?token=your-token").ws.isClosed()).isFalse();
    }

    @Test
    void slowSubscriber_isClosedWith1013() throws Exception {
        Subscriber slow = subscribe("?token=your-token&events=config.saved");
        awaitSubscribers(1);
        slow.ws.pause();

        // ~50 MB of events against a paused reader: far more than socket buffers hold, so its queue overflows
        for (int i = 0; i < 200_000; i++) {
            bifrost.server().eventStream().publish(new ConfigSaved(Instant.now(), "routes", List.of("routes"),
                    List.of("routes"), List.of(), "/var/backups/server-config.yaml.backup." + i));
            if (i % 20_000 == 0) {
                Thread.sleep(20); // let the event loop move what the socket takes
            }
        }
        slow.ws.resume();

        assertThat(slow.closed.get(30, TimeUnit.SECONDS)).isEqualTo("1013 subscriber too slow");
    }

    @Test
    void shutdown_closesSubscribersWith1001() throws Exception {
        Subscriber s = subscribe("?token=your-token&events=config.saved");

        bifrost.restart(CONFIG);

        assertThat(s.closed.get(10, TimeUnit.SECONDS)).startsWith("1001");
    }
}
