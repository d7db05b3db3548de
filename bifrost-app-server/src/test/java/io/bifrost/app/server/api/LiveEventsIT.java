package io.bifrost.app.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.bifrost.adapters.vertx.events.EventStreamSettings;
import io.bifrost.testkit.FakeServerExtension;
import io.bifrost.testkit.origin.FakeHttpOrigin;
import io.bifrost.testkit.server.BifrostServerExtension;
import io.bifrost.testkit.server.TestConfigs;
import io.vertx.core.json.JsonObject;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Events a WebSocket subscriber sees for real activity on a real server ([EVT-021]-[EVT-026]): saves and reloads made
 * through the API, connections of a curl client through the proxy, and {@code stats.update} every interval (250 ms
 * here instead of 5 s) with rates that follow the traffic.
 */
class LiveEventsIT {
    private static final Path CURL = Path.of("/usr/bin/curl");
    private static final Duration STATS_INTERVAL = Duration.ofMillis(250);

    @RegisterExtension
    @Order(1)
    static final FakeServerExtension<FakeHttpOrigin> origin = FakeServerExtension.of(FakeHttpOrigin.http());

    @RegisterExtension
    @Order(2)
    static final BifrostServerExtension bifrost = BifrostServerExtension.withConfig(TestConfigs::directEverywhere)
            .options(o -> o.withEventStream(EventStreamSettings.defaults().withStatsInterval(STATS_INTERVAL)));

    private ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(bifrost.api(), null);
    }

    @Test
    void postAndDeleteRoute_subscriberSeesConfigSavedForEach() throws Exception {
        try (EventFeed feed = EventFeed.open(bifrost, "?events=config.saved")) {
            api.send("POST", "/api/v1/routes", "{\"name\": \"ev\", \"domains\": [\"ev.test\"], "
                    + "\"backend\": \"direct\"}").assertStatus(201);
            JsonObject added = feed.next();
            api.send("DELETE", "/api/v1/routes/ev", null).assertStatus(204);
            JsonObject removed = feed.next();

            assertThat(added.getString("type")).isEqualTo("config.saved");
            assertThat(added.getJsonObject("data")).isEqualTo(new JsonObject("""
                    {"source": "routes", "changed_sections": ["routes"], "hot_reloaded_sections": ["routes"],
                     "restart_required_sections": [], "requires_restart": false}"""));
            assertThat(removed.getJsonObject("data").getString("source")).isEqualTo("routes");
        }
    }

    @Test
    void postReload_subscriberSeesConfigReload_successThenFailure() throws Exception {
        Path file = bifrost.configFile();
        String good = Files.readString(file);
        try (EventFeed feed = EventFeed.open(bifrost, "?events=config.reload,config.saved")) {
            api.send("POST", "/api/v1/config/reload", null).assertStatus(200);
            JsonObject reloaded = feed.next();
            Files.writeString(file, good.replace("backend: direct", "backend: wg"));
            api.send("POST", "/api/v1/config/reload", null).assertError(500, "RELOAD_FAILED");
            JsonObject failed = feed.next();

            assertThat(reloaded.getString("type")).isEqualTo("config.reload");
            assertThat(reloaded.getJsonObject("data")).isEqualTo(new JsonObject("""
                    {"status": "success", "trigger": "api", "changed_sections": [], "hot_reloaded_sections": [],
                     "restart_required_sections": [], "requires_restart": false}"""));
            assertThat(failed.getString("type")).isEqualTo("config.reload");
            JsonObject data = failed.getJsonObject("data");
            assertThat(data.getString("status")).isEqualTo("failed");
            assertThat(data.getJsonArray("errors").getJsonObject(0).getString("path")).isEqualTo("routes[0].backend");
        } finally {
            Files.writeString(file, good);
        }
    }

    @Test
    void curlThroughTheProxy_subscriberSeesConnectionNewThenClose() throws Exception {
        assumeTrue(Files.isExecutable(CURL), "curl is not installed");
        try (EventFeed feed = EventFeed.open(bifrost, "?events=connection.new,connection.close")) {
            Process curl = new ProcessBuilder(CURL.toString(), "-sS", "--max-time", "10", "-x",
                    "http://127.0.0.1:" + bifrost.httpProxy().getPort(), origin.get().url("/hello"))
                    .redirectErrorStream(true).start();
            String output = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(curl.waitFor(15, TimeUnit.SECONDS)).isTrue();
            assertThat(curl.exitValue()).as(output).isZero();

            JsonObject opened = feed.nextOfType("connection.new");
            JsonObject data = opened.getJsonObject("data");
            JsonObject closed = feed.nextOfType("connection.close"); // keep-alive clients of other tests may close
            while (!closed.getJsonObject("data").getString("id").equals(data.getString("id"))) {
                closed = feed.nextOfType("connection.close");
            }

            assertThat(data.getString("protocol")).isEqualTo("HTTP");
            assertThat(data.getString("host")).isEqualTo("127.0.0.1");
            assertThat(data.getInteger("port")).isEqualTo(origin.get().port());
            assertThat(data.getString("backend")).isEqualTo("direct");
            JsonObject end = closed.getJsonObject("data");
            assertThat(end.getString("id")).isEqualTo(data.getString("id"));
            assertThat(end.getInteger("client_port")).isEqualTo(data.getInteger("client_port"));
            assertThat(end.getLong("requests")).isEqualTo(1);
            assertThat(end.getLong("bytes_sent")).isGreaterThan(0);
        }
    }

    @Test
    void statsUpdate_everyInterval_ratesRiseWithTrafficAndFallBack() throws Exception {
        HttpClient viaProxy = HttpClient.newBuilder().proxy(ProxySelector.of(bifrost.httpProxy())).build();
        try (EventFeed feed = EventFeed.open(bifrost, "?events=stats.update")) {
            JsonObject snapshot = feed.next();
            JsonObject idle = nextStats(feed, d -> d.getDouble("requests_per_second") == 0);
            JsonObject following = feed.next();

            for (int i = 0; i < 5; i++) {
                HttpResponse<String> r = viaProxy.send(HttpRequest.newBuilder(URI.create(origin.get().url("/hello")))
                        .build(), HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).isEqualTo(200);
            }
            JsonObject busy = nextStats(feed, d -> d.getDouble("requests_per_second") > 0);
            JsonObject quietAgain = nextStats(feed, d -> d.getDouble("requests_per_second") == 0);

            assertThat(snapshot.getString("type")).isEqualTo("stats.update");
            Duration gap = Duration.between(Instant.parse(idle.getString("timestamp")),
                    Instant.parse(following.getString("timestamp")));
            assertThat(gap).as("one update per interval").isLessThan(STATS_INTERVAL.multipliedBy(4));
            JsonObject during = busy.getJsonObject("data");
            assertThat(during.getDouble("bytes_sent_per_second")).isPositive();
            assertThat(during.getDouble("bytes_received_per_second")).isPositive();
            assertThat(during.getLong("total_requests"))
                    .isGreaterThan(idle.getJsonObject("data").getLong("total_requests"));
            assertThat(quietAgain.getJsonObject("data").getDouble("bytes_sent_per_second")).isZero();
        }
    }

    /** The next {@code stats.update} whose data matches; fails after 10 s without one. */
    private static JsonObject nextStats(EventFeed feed, Predicate<JsonObject> data)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            JsonObject e = feed.next();
            if (data.test(e.getJsonObject("data"))) {
                return e;
            }
        }
        throw new AssertionError("no stats.update as expected within 10s");
    }
}
