package io.bifrost.adapters.vertx.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.bifrost.core.health.ProbeOutcome;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import java.io.IOException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The {@code http} probe against a plain Vert.x server; {@code https} is covered in the app's HttpsProbeIT. */
class HttpProbeIT {
    private final List<String> paths = new CopyOnWriteArrayList<>();
    private final List<MultiMap> headers = new CopyOnWriteArrayList<>();
    private Vertx vertx;
    private HttpServer server;
    private HttpProbe probe;

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        server = vertx.createHttpServer().requestHandler(this::serve).listen(0, "127.0.0.1").await();
        probe = new HttpProbe(vertx, InstantSource.system(), "1.4.0", null);
    }

    private void serve(HttpServerRequest request) {
        paths.add(request.path());
        headers.add(MultiMap.caseInsensitiveMultiMap().addAll(request.headers()));
        switch (request.path()) {
            case "/health" -> request.response().end("ok");
            case "/down" -> request.response().setStatusCode(503).end("maintenance");
            case "/moved" -> request.response().setStatusCode(302).putHeader("Location", "/down").end();
            case "/teapot" -> request.response().setStatusCode(418).end();
            case "/slow" -> { } // never answers
            default -> request.response().setStatusCode(404).end();
        }
    }

    @AfterEach
    void stop() {
        probe.close().await();
        vertx.close().await();
    }

    private String target() {
        return "127.0.0.1:" + server.actualPort();
    }

    @Test
    void probe_200_succeedsWithTheSpecHeaders() {
        ProbeOutcome outcome = probe.probe(TestChecks.http(target(), "/health", Duration.ofSeconds(2))).await();

        assertThat(outcome.succeeded()).isTrue();
        assertThat(paths).containsExactly("/health");
        MultiMap seen = headers.get(0);
        assertThat(seen.get("Host")).isEqualTo(target());
        assertThat(seen.get("User-Agent")).isEqualTo("bifrost-health/1.4.0");
        assertThat(seen.get("Connection")).isEqualTo("close");
    }

    @Test
    void probe_503_failsWithTheStatus() {
        ProbeOutcome outcome = probe.probe(TestChecks.http(target(), "/down", Duration.ofSeconds(2))).await();

        assertThat(outcome).isInstanceOfSatisfying(ProbeOutcome.Failure.class,
                f -> assertThat(f.reason()).isEqualTo("HTTP 503"));
    }

    @Test
    void probe_4xx_fails() {
        ProbeOutcome outcome = probe.probe(TestChecks.http(target(), "/teapot", Duration.ofSeconds(2))).await();

        assertThat(outcome).isInstanceOfSatisfying(ProbeOutcome.Failure.class,
                f -> assertThat(f.reason()).isEqualTo("HTTP 418"));
    }

    @Test
    void probe_redirect_succeedsWithoutFollowingIt() {
        ProbeOutcome outcome = probe.probe(TestChecks.http(target(), "/moved", Duration.ofSeconds(2))).await();

        assertThat(outcome.succeeded()).isTrue();
        assertThat(paths).containsExactly("/moved"); // the 503 behind the redirect was never asked for
    }

    @Test
    void probe_noAnswer_failsAfterTheTimeout() {
        ProbeOutcome outcome = probe.probe(TestChecks.http(target(), "/slow", Duration.ofMillis(300))).await();

        assertThat(outcome).isInstanceOfSatisfying(ProbeOutcome.Failure.class,
                f -> assertThat(f.reason()).isEqualTo("timeout after 300ms"));
        assertThat(outcome.elapsed()).isBetween(Duration.ofMillis(280), Duration.ofMillis(1500));
    }

    @Test
    void probe_serverDown_failsWithConnectionRefused() throws IOException {
        ProbeOutcome outcome;
        try (RefusedPort down = RefusedPort.open()) {
            outcome = probe.probe(TestChecks.http("127.0.0.1:" + down.port(), "/health", Duration.ofSeconds(2)))
                    .await();
        }

        assertThat(outcome).isInstanceOfSatisfying(ProbeOutcome.Failure.class,
                f -> assertThat(f.reason()).isEqualTo("connection refused"));
    }
}
