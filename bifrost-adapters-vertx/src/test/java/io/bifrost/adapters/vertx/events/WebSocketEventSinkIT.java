package io.bifrost.adapters.vertx.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.bifrost.core.backend.Backend;
import io.bifrost.core.event.ConfigSaved;
import io.bifrost.core.health.HealthPolicy;
import io.bifrost.core.health.HealthTracker;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The subscriber mechanics of [EVT-003]-[EVT-007] on real sockets, with short intervals: snapshot, order, filter,
 * ping/pong, binary frames, silence, slow subscribers, shutdown.
 */
class WebSocketEventSinkIT {
    private static final Instant T = Instant.parse("2025-03-14T09:26:53Z");

    private final Vertx vertx = Vertx.vertx();
    private final WebSocketClient client = vertx.createWebSocketClient(new WebSocketClientOptions()
            .setReceiveBufferSize(4096));
    private final List<Backend> backends = List.of(backend("direct", true), backend("corp", true),
            backend("parked", false));
    private WebSocketEventSink sink;
    private HttpServer server;

    @AfterEach
    void stop() {
        vertx.close().await();
    }

    private static Backend backend(String name, boolean enabled) {
        return new Backend(name, "direct", enabled, 0, new HealthTracker(name, "direct", HealthPolicy.defaults(),
                e -> { }), enabled ? T : null);
    }

    private void start(EventStreamSettings settings) {
        sink = new WebSocketEventSink(vertx, settings, InstantSource.fixed(T),
                () -> new StatsSnapshot(5, 1, 7, 0, 100, 50, 3, 2, 2), () -> backends);
        server = vertx.createHttpServer(new HttpServerOptions().setSendBufferSize(4096)).requestHandler(req -> {
            if (!sink.tryReserve(10)) {
                req.response().setStatusCode(503).end();
                return;
            }
            HttpConnection connection = req.connection();
            String events = req.getParam("events");
            Set<String> types = events == null ? Set.of() : Set.of(events.split(","));
            req.toWebSocket().onSuccess(ws -> sink.attach(ws, connection, types)).onFailure(e -> sink.release());
        }).listen(0, "127.0.0.1").await();
        sink.start();
    }

    private static EventStreamSettings fast() {
        return new EventStreamSettings(256, Duration.ofSeconds(5), Duration.ofSeconds(20), Duration.ofSeconds(60),
                Duration.ofHours(1));
    }

    /** A connected client recording text frames, pings and how the socket closed. */
    private final class Subscriber {
        final LinkedBlockingQueue<String> texts = new LinkedBlockingQueue<>();
        final AtomicInteger pings = new AtomicInteger();
        final CompletableFuture<String> closed = new CompletableFuture<>();
        final WebSocket ws;

        Subscriber(String query) {
            ws = client.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(server.actualPort())
                    .setURI("/ws" + query)).onSuccess(s -> {
                        s.frameHandler(f -> {
                            if (f.isText()) {
                                texts.add(f.textData());
                            } else if (f.isPing()) {
                                pings.incrementAndGet();
                            }
                        });
                        s.closeHandler(v -> closed.complete(s.closeStatusCode() + " " + s.closeReason()));
                    }).await();
        }

        JsonObject next() throws InterruptedException {
            String text = texts.poll(5, TimeUnit.SECONDS);
            assertThat(text).as("a frame within 5s").isNotNull();
            return new JsonObject(text);
        }

        String closeStatus() throws Exception {
            return closed.get(15, TimeUnit.SECONDS);
        }
    }

    private static ConfigSaved saved(int n) {
        return new ConfigSaved(T, "routes", List.of("routes"), List.of("routes"), List.of(), "b" + n);
    }

    @Test
    void connect_snapshotFirst_thenEventsInPublicationOrder() throws Exception {
        start(fast());
        Subscriber s = new Subscriber("");

        JsonObject stats = s.next();
        JsonObject first = s.next();
        JsonObject second = s.next();
        for (int i = 0; i < 100; i++) {
            sink.publish(saved(i));
        }
        List<String> order = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            order.add(s.next().getJsonObject("data").getString("backup_path"));
        }

        assertThat(stats.getString("type")).isEqualTo("stats.update");
        assertThat(stats.getJsonObject("data").getLong("total_requests")).isEqualTo(7);
        assertThat(first).isEqualTo(new JsonObject("""
                {"type": "backend.health", "timestamp": "2025-03-14T09:26:53.000Z", "data": {"name": "direct",
                 "type": "direct", "healthy": true, "previous": null, "initial": true}}"""));
        assertThat(second.getJsonObject("data").getString("name")).isEqualTo("corp");
        assertThat(order).first().isEqualTo("b0");
        assertThat(order).last().isEqualTo("b99");
        assertThat(order).doesNotHaveDuplicates().hasSize(100);
    }

    @Test
    void filter_appliesToTheSnapshotToo() throws Exception {
        start(fast());
        Subscriber s = new Subscriber("?events=config.saved");

        sink.publish(new io.bifrost.core.event.RoutePanicChanged(T, "r", true, 1)); // never a WebSocket event
        sink.publish(saved(1));

        assertThat(s.next().getString("type")).isEqualTo("config.saved");
        assertThat(s.texts).isEmpty();
    }

    @Test
    void textPing_answersPong_otherTextIsIgnored_binaryCloses1003() throws Exception {
        start(fast());
        Subscriber s = new Subscriber("?events=config.saved");

        s.ws.writeTextMessage("hello").await();
        s.ws.writeTextMessage("ping").await();
        String pong = s.texts.poll(5, TimeUnit.SECONDS);
        s.ws.writeBinaryMessage(Buffer.buffer(new byte[] {1, 2, 3})).await();

        assertThat(pong).isEqualTo("pong");
        assertThat(s.closeStatus()).startsWith("1003");
    }

    @Test
    void serverPings_onItsInterval() throws Exception {
        start(new EventStreamSettings(256, Duration.ofSeconds(5), Duration.ofMillis(100), Duration.ofSeconds(60),
                Duration.ofHours(1)));
        Subscriber s = new Subscriber("?events=config.saved");
        long connected = System.nanoTime();

        await().atMost(Duration.ofSeconds(5)).until(() -> s.pings.get() >= 3);

        long elapsedMs = (System.nanoTime() - connected) / 1_000_000;
        assertThat(elapsedMs).as("three pings 100 ms apart, not sooner").isGreaterThanOrEqualTo(180);
    }

    @Test
    void silentSubscriber_isDisconnectedAfterTheIdleTimeout() throws Exception {
        start(new EventStreamSettings(256, Duration.ofSeconds(5), Duration.ofHours(1), Duration.ofMillis(300),
                Duration.ofHours(1)));
        Subscriber s = new Subscriber("?events=config.saved");

        String how = s.closed.get(5, TimeUnit.SECONDS);

        assertThat(how).isNotNull();
        assertThat(sink.subscriberCount()).isZero();
    }

    @Test
    void slowSubscriber_isClosedWith1013_publisherNeverWaits() throws Exception {
        start(new EventStreamSettings(16, Duration.ofMillis(500), Duration.ofHours(1), Duration.ofSeconds(60),
                Duration.ofHours(1)));
        Subscriber slow = new Subscriber("?events=config.saved");
        Subscriber fast = new Subscriber("?events=stats.update");
        slow.ws.pause();

        long start = System.nanoTime();
        for (int i = 0; i < 200_000 && !slow.closed.isDone(); i++) {
            sink.publish(saved(i));
            if (i % 10_000 == 0) {
                Thread.sleep(20); // let the socket fill up; the publisher itself never blocks
            }
        }
        long publishMillis = (System.nanoTime() - start) / 1_000_000;
        slow.ws.resume();

        assertThat(slow.closeStatus()).isEqualTo("1013 subscriber too slow");
        assertThat(fast.closed).isNotDone();
        assertThat(publishMillis).isLessThan(10_000);
    }

    @Test
    void close_sendsGoingAwayToEverySubscriber_andSlotsAreReleased() throws Exception {
        start(fast());
        Subscriber a = new Subscriber("");
        Subscriber b = new Subscriber("");

        sink.close().await(5, TimeUnit.SECONDS);

        assertThat(a.closeStatus()).startsWith("1001");
        assertThat(b.closeStatus()).startsWith("1001");
        assertThat(sink.subscriberCount()).isZero();
        assertThat(sink.tryReserve(1)).isTrue();
    }

    @Test
    void tryReserve_limitsSubscribers() {
        start(fast());

        assertThat(sink.tryReserve(2)).isTrue();
        assertThat(sink.tryReserve(2)).isTrue();
        assertThat(sink.tryReserve(2)).isFalse();
        sink.release();
        assertThat(sink.tryReserve(2)).isTrue();
    }
}
