package io.bifrost.app.client.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.bifrost.adapters.vertx.clientapi.ClientApiSettings;
import io.bifrost.app.client.Poll;
import io.bifrost.testkit.FakePorts;
import io.bifrost.testkit.FakeServerExtension;
import io.bifrost.testkit.client.BifrostClientExtension;
import io.bifrost.testkit.origin.FakeHttpOrigin;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The log stream ([CAPI-101], [EVT-050]-[EVT-057]) read as an EventSource would, with a 300 ms heartbeat and a limit of
 * two streams so that both show within a test.
 */
class LogStreamIT {
    private static final Duration WAIT = Duration.ofSeconds(5);

    @RegisterExtension
    @Order(1)
    static final FakeServerExtension<FakeHttpOrigin> origin = FakeServerExtension.of(FakeHttpOrigin.http());

    @RegisterExtension
    @Order(2)
    final BifrostClientExtension client = BifrostClientExtension.withConfig(() -> ThroughClient.LOCALHOST_DIRECT)
            .options(o -> o.withApi(ClientApiSettings.defaults().withHeartbeat(Duration.ofMillis(300))
                    .withStreamLimits(2, 100)));

    private final ApiCalls api = new ApiCalls(client::api);

    private URI stream(String query) {
        return client.api().resolve("/api/v1/logs/stream" + query);
    }

    private String url(int n) {
        return "http://localhost:" + origin.get().port() + "/hello?n=" + n;
    }

    private static JsonObject data(SseReader.Event e) {
        return new JsonObject(e.data());
    }

    /** The retry hint and the hello event that open every stream ([EVT-051]). */
    private static void hello(SseReader sse) {
        SseReader.Event retry = sse.next(WAIT);
        assertThat(retry.retry()).isEqualTo("3000");
        SseReader.Event hello = sse.next(WAIT);
        assertThat(hello.id()).isNull();
        assertThat(data(hello).getString("type")).isEqualTo("connected");
        assertThat(data(hello).getString("time")).matches(ClientStatusApiIT.TIME);
    }

    @Test
    void stream_deliversEveryRequestLive_withTheEntryIdsAsEventIds() {
        try (SseReader sse = new SseReader(stream(""))) {
            assertThat(sse.response().statusCode()).isEqualTo(200);
            assertThat(sse.response().headers().firstValue("Content-Type"))
                    .contains("text/event-stream; charset=utf-8");
            assertThat(sse.response().headers().firstValue("Cache-Control")).contains("no-store");
            assertThat(sse.response().headers().firstValue("X-Accel-Buffering")).contains("no");
            hello(sse);

            for (int n = 1; n <= 3; n++) {
                ThroughClient.get(client, url(n));
                SseReader.Event e = sse.nextData(WAIT);
                JsonObject entry = data(e);
                assertThat(entry.getJsonObject("fields").getString("url")).isEqualTo(url(n));
                assertThat(entry.getString("level")).isEqualTo("info");
                assertThat(entry.getString("message")).isEqualTo("GET " + url(n) + " -> 200 (direct)");
                assertThat(e.id()).isEqualTo(String.valueOf(entry.getLong("id")));
                assertThat(e.id()).isEqualTo(api.get("/api/v1/debug/entries?limit=1").array().getJsonObject(0)
                        .getLong("id").toString());
            }
            ThroughClient.get(client, "http://localhost:" + FakePorts.closedPort() + "/");
            assertThat(data(sse.nextData(WAIT)).getString("level")).isEqualTo("error");
        }
    }

    @Test
    void stream_quiet_sendsKeepAliveComments() {
        try (SseReader sse = new SseReader(stream(""))) {
            hello(sse);

            SseReader.Event heartbeat = sse.next(Duration.ofSeconds(2));

            assertThat(heartbeat.comments()).containsExactly(": keep-alive");
            assertThat(heartbeat.data()).isNull();
            assertThat(sse.next(Duration.ofSeconds(2)).comments()).containsExactly(": keep-alive");
        }
    }

    @Test
    void stream_lastEventId_replaysWhatWasMissedThenGoesLive() {
        for (int n = 1; n <= 3; n++) {
            ThroughClient.get(client, url(n));
        }
        Poll.until("three entries", () -> client.client().debugger().size() == 3);
        long first = client.client().debugger().last(3).get(0).id();

        try (SseReader sse = new SseReader(stream(""), "Last-Event-ID", String.valueOf(first))) {
            hello(sse);

            assertThat(sse.nextData(WAIT).id()).isEqualTo(String.valueOf(first + 1));
            assertThat(sse.nextData(WAIT).id()).isEqualTo(String.valueOf(first + 2));
            ThroughClient.get(client, url(4));
            SseReader.Event live = sse.nextData(WAIT);
            assertThat(live.id()).isEqualTo(String.valueOf(first + 3));
            assertThat(data(live).getJsonObject("fields").getString("url")).isEqualTo(url(4));
        }
        try (SseReader sse = new SseReader(stream("?last_event_id=" + (first + 2)))) {
            hello(sse);
            assertThat(sse.nextData(WAIT).id()).isEqualTo(String.valueOf(first + 3));
        }
    }

    @Test
    void stream_levelFilter_sendsOnlyThatLevel_andRefusesUnknownLevels() {
        try (SseReader sse = new SseReader(stream("?level=error"))) {
            hello(sse);
            ThroughClient.get(client, url(1));
            ThroughClient.get(client, "http://localhost:" + FakePorts.closedPort() + "/");

            JsonObject first = data(sse.nextData(WAIT));

            assertThat(first.getString("level")).isEqualTo("error");
            assertThat(first.getString("message")).contains("failed: connection_refused");
        }
        ApiCalls.Answer bad = api.get("/api/v1/logs/stream?level=loud");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().getString("code")).isEqualTo("INVALID_PARAMETER");
        assertThat(api.get("/api/v1/logs/stream", "Last-Event-ID", "abc").status()).isEqualTo(400);
    }

    @Test
    void stream_limit_refusesAThirdStreamUntilOneCloses() {
        try (SseReader one = new SseReader(stream(""))) {
            SseReader two = new SseReader(stream(""));
            hello(one);
            hello(two);
            assertThat(api.get("/api/v1/debug/memory").json().getInteger("log_subscribers")).isEqualTo(2);

            ApiCalls.Answer third = api.get("/api/v1/logs/stream");

            assertThat(third.status()).isEqualTo(503);
            assertThat(third.json().getString("code")).isEqualTo("TOO_MANY_CLIENTS");
            two.close();
            Poll.until("the closed stream's place is free",
                    () -> api.get("/api/v1/debug/memory").json().getInteger("log_subscribers") == 1);
            try (SseReader again = new SseReader(stream(""))) {
                assertThat(again.response().statusCode()).isEqualTo(200);
            }
        }
    }

    @Test
    void stream_originRule_foreignPagesAreRefusedWhileTheApiIsOpen() {
        ApiCalls.Answer foreign = api.get("/api/v1/logs/stream", "Origin", "http://evil.example");

        assertThat(foreign.status()).isEqualTo(403);
        assertThat(foreign.json().getString("code")).isEqualTo("ORIGIN_NOT_ALLOWED");
        try (SseReader local = new SseReader(stream(""), "Origin", "http://localhost:5173")) {
            assertThat(local.response().statusCode()).isEqualTo(200);
            assertThat(local.response().headers().firstValue("Access-Control-Allow-Origin"))
                    .contains("http://localhost:5173");
            hello(local);
        }
    }

    @Test
    void stream_debugDisabled_endsWithAClosedEvent() {
        try (SseReader sse = new SseReader(stream(""))) {
            hello(sse);

            assertThat(api.put("/api/v1/config", "{\"debug\": {\"enabled\": false}}").status()).isEqualTo(200);

            assertThat(data(sse.nextData(WAIT))).isEqualTo(new JsonObject().put("type", "closed")
                    .put("reason", "debug disabled"));
            assertThat(sse.ended(WAIT)).isTrue();
        }
        ApiCalls.Answer refused = api.get("/api/v1/logs/stream");
        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.json().getString("code")).isEqualTo("FEATURE_DISABLED");
    }
}
