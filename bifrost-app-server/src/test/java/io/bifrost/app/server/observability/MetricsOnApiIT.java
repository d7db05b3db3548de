package io.bifrost.app.server.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.bifrost.core.event.BackendHealthChanged;
import io.bifrost.testkit.FakeServerExtension;
import io.bifrost.testkit.origin.FakeTcpOrigin;
import io.bifrost.testkit.server.BifrostServerExtension;
import io.bifrost.testkit.server.MetricsScrape;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code metrics.listen: ""}: the API serves the metrics behind its token ([SAPI-320], [SEC-003]) and the sampled
 * gauges keep following the server every {@code collection_interval} ([CFG-118]), with no metrics listener at all.
 */
class MetricsOnApiIT {
    private static final String TOKEN = "your-token";

    /** What backend {@code doomed} points at; stopped by one test, so its tcp probe fails. */
    @RegisterExtension
    @Order(1)
    static final FakeServerExtension<FakeTcpOrigin> doomed = FakeServerExtension.of(FakeTcpOrigin.discard());

    @RegisterExtension
    @Order(2)
    static final BifrostServerExtension bifrost = BifrostServerExtension.withConfig(() -> """
            server:
              http:
                listen: "127.0.0.1:0"
              socks5:
                listen: ""
              graceful_period: "1s"
            api:
              listen: "127.0.0.1:0"
              token: "%s"
            metrics:
              listen: ""
              collection_interval: "1s"
            access_log:
              enabled: false
            network:
              allow_loopback_destinations: true
            health_check:
              type: tcp
              interval: "1s"
              timeout: "500ms"
            backends:
              - name: direct
                type: direct
              - name: doomed
                type: http_proxy
                config:
                  address: "127.0.0.1:%d"
            routes:
              - domains: ["*"]
                backend: direct
            """.formatted(TOKEN, doomed.get().port()));

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> call(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(bifrost.api().resolve(path)).timeout(Duration.ofSeconds(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (!method.equals("GET")) {
            b.header("X-Requested-With", "XMLHttpRequest").header("Content-Type", "application/json");
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private MetricsScrape scrape() throws Exception {
        HttpResponse<String> r = call("GET", "/metrics", TOKEN, null);
        assertThat(r.statusCode()).isEqualTo(200);
        return MetricsScrape.parse(r.body());
    }

    @Test
    void get_metricsOnTheApiListener_needTheToken() throws Exception {
        HttpResponse<String> anonymous = call("GET", "/metrics", null, null);
        HttpResponse<String> withToken = call("GET", "/metrics", TOKEN, null);
        JsonObject status = new JsonObject(call("GET", "/api/v1/status", TOKEN, null).body());

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(new JsonObject(anonymous.body()).getString("code")).isEqualTo("UNAUTHORIZED");
        assertThat(withToken.statusCode()).isEqualTo(200);
        assertThat(withToken.headers().firstValue("Content-Type")).contains("text/plain; version=0.0.4; charset=utf-8");
        assertThat(MetricsScrape.parse(withToken.body()).has("bifrost_uptime_seconds")).isTrue();
        assertThat(bifrost.server().metricsAddress()).isEmpty();
        assertThat(status.getJsonObject("listeners").containsKey("metrics")).isFalse(); // nothing bound for it
    }

    @Test
    void sample_backendProbeFails_healthGaugeTurnsZero() throws Exception {
        await().atMost(10, TimeUnit.SECONDS).until(() -> scrape().valueOrZero("bifrost_backend_health",
                "backend", "doomed", "type", "http_proxy") == 1);

        doomed.get().stop().await(10, TimeUnit.SECONDS);
        bifrost.events().await(BackendHealthChanged.class, e -> e.backend().equals("doomed") && !e.healthy(), 1,
                Duration.ofSeconds(10));

        // the gauge is sampled: it changes only because the sampling timer runs without a metrics listener
        await().atMost(10, TimeUnit.SECONDS).until(() -> scrape().valueOrZero("bifrost_backend_health",
                "backend", "doomed", "type", "http_proxy") == 0);
    }

    @Test
    void sample_backendAddedThroughTheApi_getsItsMeters() throws Exception {
        HttpResponse<String> added = call("POST", "/api/v1/backends", TOKEN,
                "{\"name\": \"late\", \"type\": \"direct\"}");
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        try {
            await().atMost(10, TimeUnit.SECONDS).until(() -> scrape().value("bifrost_backend_health",
                    "backend", "late", "type", "direct").isPresent());

            assertThat(scrape().value("bifrost_backend_health", "backend", "late", "type", "direct")).contains(1.0);
        } finally {
            assertThat(call("DELETE", "/api/v1/backends/late", TOKEN, null).statusCode()).isEqualTo(204);
        }
    }
}
