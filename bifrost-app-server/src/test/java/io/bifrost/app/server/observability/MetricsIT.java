package io.bifrost.app.server.observability;

import static org.assertj.core.api.Assertions.assertThat;

import io.bifrost.testkit.FakeServerExtension;
import io.bifrost.testkit.origin.FakeHttpOrigin;
import io.bifrost.testkit.origin.FakeTcpOrigin;
import io.bifrost.testkit.server.BifrostServerExtension;
import io.bifrost.testkit.server.MetricsScrape;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code GET /metrics} on the metrics listener after real proxied traffic ([SAPI-320], [SAPI-321]). */
class MetricsIT {
    @RegisterExtension
    @Order(1)
    static final FakeServerExtension<FakeHttpOrigin> origin = FakeServerExtension.of(FakeHttpOrigin.http());

    @RegisterExtension
    @Order(1)
    static final FakeServerExtension<FakeTcpOrigin> echo = FakeServerExtension.of(FakeTcpOrigin.echo());

    @RegisterExtension
    @Order(2)
    static final BifrostServerExtension bifrost = BifrostServerExtension.withConfig(() -> """
            server:
              http:
                listen: "127.0.0.1:0"
              socks5:
                listen: "127.0.0.1:0"
              graceful_period: "1s"
            api:
              listen: "127.0.0.1:0"
            metrics:
              listen: "127.0.0.1:0"
              collection_interval: "1s"
            access_log:
              enabled: false
            network:
              allow_loopback_destinations: true
            backends:
              - name: direct
                type: direct
            routes:
              - name: local
                domains: ["127.0.0.1"]
                backend: direct
            """);


    private static InetSocketAddress metricsListener() {
        var a = bifrost.server().metricsAddress().orElseThrow();
        return new InetSocketAddress(a.host(), a.port());
    }

    private static MetricsScrape scrape() throws Exception {
        HttpResponse<String> response = Wire.get(metricsListener(), "/metrics");
        assertThat(response.statusCode()).isEqualTo(200);
        return MetricsScrape.parse(response.body());
    }

    /** Scrapes until {@code done} holds (tunnels are recorded when they close, on the server's time). */
    private static MetricsScrape scrapeUntil(Predicate<MetricsScrape> done) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        MetricsScrape s = scrape();
        while (!done.test(s) && System.nanoTime() < deadline) {
            Thread.sleep(50);
            s = scrape();
        }
        return s;
    }

    @Test
    void scrape_afterRequestsOfEveryProtocol_countsThem() throws Exception {
        MetricsScrape before = scrape();
        HttpClient client = HttpClient.newBuilder().proxy(ProxySelector.of(bifrost.httpProxy())).build();

        HttpResponse<String> hello = client.send(HttpRequest.newBuilder(URI.create(origin.get().url("/hello")))
                .build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> refused = client.send(HttpRequest.newBuilder(URI.create("http://blocked.example/x"))
                .build(), HttpResponse.BodyHandlers.ofString());
        try (Socket tunnel = Wire.connectTunnel(bifrost.httpProxy(), echo.get().port())) {
            assertThat(echo(tunnel, "ping")).isEqualTo("ping");
        }
        try (Socket socks = Wire.socks5(bifrost.socks5Proxy(), echo.get().port())) {
            assertThat(echo(socks, "pong!")).isEqualTo("pong!");
        }
        MetricsScrape after = scrapeUntil(s -> delta(before, s, "bifrost_requests_total", "protocol", "socks5", "method",
                "CONNECT", "status", "0") >= 1 && delta(before, s, "bifrost_requests_total", "protocol", "connect",
                "method", "CONNECT", "status", "200") >= 1
                // a scrape reads the meters one by one: wait for every one asserted below to have its record
                && delta(before, s, "bifrost_response_size_bytes_sum", "protocol", "socks5") >= 2 + 10 + 5
                && delta(before, s, "bifrost_request_duration_seconds_count", "protocol", "http", "method", "GET") >= 2
                && delta(before, s, "bifrost_route_requests_total", "route", "local", "backend", "direct") >= 3);

        assertThat(hello.statusCode()).isEqualTo(200);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(delta(before, after, "bifrost_requests_total", "protocol", "http", "method", "GET", "status",
                "200")).isEqualTo(1);
        assertThat(delta(before, after, "bifrost_requests_total", "protocol", "http", "method", "GET", "status",
                "403")).isEqualTo(1);
        assertThat(delta(before, after, "bifrost_requests_total", "protocol", "connect", "method", "CONNECT",
                "status", "200")).isEqualTo(1);
        assertThat(delta(before, after, "bifrost_requests_total", "protocol", "socks5", "method", "CONNECT",
                "status", "0")).isEqualTo(1);
        assertThat(delta(before, after, "bifrost_request_errors_total", "protocol", "http", "error", "no_route"))
                .isEqualTo(1);
        assertThat(delta(before, after, "bifrost_route_misses_total")).isEqualTo(1);
        assertThat(delta(before, after, "bifrost_route_requests_total", "route", "local", "backend", "direct"))
                .isEqualTo(3);
        assertThat(delta(before, after, "bifrost_request_duration_seconds_count", "protocol", "http", "method",
                "GET")).isEqualTo(2);
        assertThat(delta(before, after, "bifrost_response_size_bytes_sum", "protocol", "socks5"))
                .as("method selection (2), the reply (10) and the echo").isEqualTo(2 + 10 + 5);
        assertThat(delta(before, after, "bifrost_request_size_bytes_sum", "protocol", "socks5"))
                .as("greeting, request (10) and the payload").isGreaterThan(10 + 5);
        assertThat(delta(before, after, "bifrost_bytes_sent_total", "backend", "direct"))
                .as("to the origins: the forwarded GET, ping, pong!").isGreaterThan(4 + 5);
        assertThat(delta(before, after, "bifrost_bytes_received_total", "backend", "direct"))
                .isGreaterThan("hello".length() + 4 + 5);
        assertThat(delta(before, after, "bifrost_connections_total", "protocol", "socks5")).isEqualTo(1);
        assertThat(delta(before, after, "bifrost_connections_total", "protocol", "http")).isGreaterThanOrEqualTo(2);
    }

    @Test
    void scrape_tunnelOpenThenClosed_showsTheActiveConnectionThenItsLifetime() throws Exception {
        MetricsScrape before = scrape();
        double activeBefore = before.valueOrZero("bifrost_connections_active", "protocol", "http");

        MetricsScrape during;
        try (Socket tunnel = Wire.connectTunnel(bifrost.httpProxy(), echo.get().port())) {
            during = scrape();
            assertThat(echo(tunnel, "x")).isEqualTo("x");
        }
        MetricsScrape after = scrapeUntil(s -> delta(before, s, "bifrost_connection_duration_seconds_count", "protocol",
                "connect") >= 1 && s.valueOrZero("bifrost_connections_active", "protocol", "http") == activeBefore);

        assertThat(during.valueOrZero("bifrost_connections_active", "protocol", "http")).isEqualTo(activeBefore + 1);
        assertThat(after.valueOrZero("bifrost_connections_active", "protocol", "http")).isEqualTo(activeBefore);
        assertThat(delta(before, after, "bifrost_connection_duration_seconds_count", "protocol", "connect"))
                .isEqualTo(1);
    }

    @Test
    void scrape_sampledAndProcessFigures_arePresent() throws Exception {
        MetricsScrape s = scrape();

        assertThat(s.value("bifrost_backend_health", "backend", "direct", "type", "direct")).contains(1.0);
        String version = io.bifrost.adapters.vertx.runtime.BuildInfo.fromClasspath().version();
        assertThat(s.value("bifrost_build_info", "version", version, "java_version",
                System.getProperty("java.version"))).contains(1.0);
        assertThat(s.value("bifrost_route_panic_total", "route", "local")).contains(0.0);
        assertThat(s.value("bifrost_access_log_dropped_total")).contains(0.0);
        assertThat(s.types()).containsEntry("jvm_memory_used_bytes", "gauge")
                .containsEntry("process_cpu_usage", "gauge");
    }

    @Test
    void scrape_eventSubscriberConnected_isCountedUntilItLeaves() throws Exception {
        URI events = URI.create("ws://127.0.0.1:" + bifrost.api().getPort() + "/api/v1/ws?events=config.saved");
        WebSocket subscriber = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(events, new WebSocket.Listener() {}).get(10, TimeUnit.SECONDS);

        MetricsScrape during = scrapeUntil(s -> s.valueOrZero("bifrost_websocket_clients") == 1);
        subscriber.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(10, TimeUnit.SECONDS);
        MetricsScrape after = scrapeUntil(s -> s.valueOrZero("bifrost_websocket_clients") == 0);

        assertThat(during.value("bifrost_websocket_clients")).contains(1.0); // [SAPI-321]
        assertThat(after.value("bifrost_websocket_clients")).contains(0.0);
    }

    @Test
    void get_metricsListener_servesTheTextFormatAndNothingElse() throws Exception {
        HttpResponse<String> metrics = Wire.get(metricsListener(), "/metrics");
        HttpResponse<String> other = Wire.get(metricsListener(), "/api/v1/health");

        assertThat(metrics.headers().firstValue("Content-Type")).contains("text/plain; version=0.0.4; charset=utf-8");
        assertThat(other.statusCode()).isEqualTo(404);
        assertThat(other.body()).contains("\"code\":\"NOT_FOUND\"");
    }

    @Test
    void connect_toTheMetricsListener_isRefusedAsOneOfTheServersOwnSockets() throws Exception {
        MetricsScrape before = scrape();
        try (Socket s = new Socket()) {
            s.connect(bifrost.httpProxy(), 5000);
            s.setSoTimeout(10_000);
            int port = metricsListener().getPort();
            s.getOutputStream().write(("CONNECT 127.0.0.1:" + port + " HTTP/1.1\r\nHost: x\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            String status = new String(s.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);

            assertThat(status).isEqualTo("HTTP/1.1 403"); // [SEC-060]: the metrics port is the server's own socket
        }
        MetricsScrape after = scrapeUntil(x -> delta(before, x, "bifrost_access_denied_total", "reason", "destination") >= 1);
        assertThat(delta(before, after, "bifrost_access_denied_total", "reason", "destination")).isEqualTo(1);
    }

    @Test
    void start_metricsPortTaken_failsNamingTheKey() throws Exception {
        int taken = metricsListener().getPort();

        Throwable failure = Servers.startFailure("""
                server:
                  http:
                    listen: "127.0.0.1:0"
                  socks5:
                    listen: ""
                api:
                  listen: "127.0.0.1:0"
                metrics:
                  listen: "127.0.0.1:%d"
                access_log:
                  enabled: false
                backends:
                  - name: direct
                    type: direct
                """.formatted(taken));

        assertThat(failure).hasMessage("metrics.listen: cannot bind 127.0.0.1:" + taken + ": address in use");
    }

    private static String echo(Socket s, String text) throws Exception {
        OutputStream out = s.getOutputStream();
        InputStream in = s.getInputStream();
        out.write(text.getBytes(StandardCharsets.US_ASCII));
        s.shutdownOutput();
        return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
    }

    private static double delta(MetricsScrape before, MetricsScrape after, String name, String... labels) {
        return after.valueOrZero(name, labels) - before.valueOrZero(name, labels);
    }
}
