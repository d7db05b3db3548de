package io.bifrost.adapters.vertx.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bifrost.adapters.vertx.proxy.ProxyGate;
import io.bifrost.core.backend.BackendRegistry;
import io.bifrost.core.config.AuthConfig;
import io.bifrost.core.config.ListenAddress;
import io.bifrost.core.config.MetricsConfig;
import io.bifrost.core.port.out.EventSink;
import io.bifrost.core.routing.RouteResolver;
import io.bifrost.core.routing.RouteTable;
import io.bifrost.core.traffic.TrafficCounters;
import io.vertx.core.Vertx;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The metrics listener of [SAPI-320] on port 0. */
class MetricsServiceIT {
    private final HttpClient http = HttpClient.newHttpClient();
    private Vertx vertx;
    private BifrostMetrics metrics;
    private MetricsService service;

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        BackendRegistry backends = new BackendRegistry(List.of());
        metrics = BifrostMetrics.create(new MetricsSources("1.0.0", InstantSource.system(), new TrafficCounters(),
                new TrafficCounters(), backends, new RouteResolver(RouteTable.empty(), backends,
                EventSink.discarding(), InstantSource.system()), ProxyGate.Policies::openToAll, AuthConfig.defaults(),
                () -> 0, () -> 0));
        service = MetricsService.start(vertx, metrics, config("127.0.0.1:0"), "0.0.0.0").await(5, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() throws Exception {
        service.stop().await(5, TimeUnit.SECONDS);
        metrics.close();
        vertx.close().await(5, TimeUnit.SECONDS);
    }

    private static MetricsConfig config(String listen) {
        return new MetricsConfig(true, ListenAddress.parse(listen), "/prom", Duration.ofSeconds(1));
    }

    private HttpResponse<String> send(String method, String path) throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + service.address().orElseThrow().port() + path);
        return http.send(HttpRequest.newBuilder(uri).method(method, HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void get_metricsPath_answersTheTextFormatWithoutAuthentication() throws Exception {
        HttpResponse<String> response = send("GET", "/prom?x=1");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("text/plain; version=0.0.4; charset=utf-8");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(response.headers().firstValue("X-Request-Id")).isPresent();
        assertThat(response.body()).contains("# TYPE bifrost_route_misses_total counter")
                .contains("bifrost_build_info{java_version=");
    }

    @Test
    void head_metricsPath_answersHeadersOnly() throws Exception {
        HttpResponse<String> response = send("HEAD", "/prom");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEmpty();
    }

    @Test
    void get_otherPath_answers404WithTheStandardErrorBody() throws Exception {
        HttpResponse<String> response = send("GET", "/metrics");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/json; charset=utf-8");
        assertThat(response.body()).isEqualTo("{\"error\":\"Not found\",\"code\":\"NOT_FOUND\",\"path\":\"/metrics\"}");
    }

    @Test
    void post_metricsPath_answers405WithAllow() throws Exception {
        HttpResponse<String> response = send("POST", "/prom");

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).contains("GET, HEAD");
        assertThat(response.body()).contains("\"code\":\"METHOD_NOT_ALLOWED\"");
    }

    @Test
    void start_portTaken_failsNamingTheKey() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            assertThatThrownBy(() -> MetricsService.start(vertx, metrics, config("127.0.0.1:" + taken.getLocalPort()),
                    "0.0.0.0").await(5, TimeUnit.SECONDS))
                    .hasMessage("metrics.listen: cannot bind 127.0.0.1:" + taken.getLocalPort() + ": address in use");
        }
    }

    @Test
    void start_listenDisabled_bindsNothing() throws Exception {
        MetricsService onApi = MetricsService.start(vertx, metrics, config(""), "0.0.0.0").await(5, TimeUnit.SECONDS);

        assertThat(onApi.address()).isEmpty();
        onApi.stop().await(5, TimeUnit.SECONDS);
    }
}
