package io.bifrost.adapters.vertx.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.bifrost.core.health.ProbeOutcome;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.time.Duration;
import java.time.InstantSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each check type goes to its own probe: the same server answers differently to a tcp, http and ping check. */
class HealthProbesIT {
    private Vertx vertx;
    private HttpServer server;
    private HealthProbes probes;

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        server = vertx.createHttpServer().requestHandler(r -> r.response().setStatusCode(503).end())
                .listen(0, "127.0.0.1").await();
        InstantSource clock = InstantSource.system();
        probes = new HealthProbes(new TcpProbe(vertx, clock), new HttpProbe(vertx, clock, "1.0.0", null),
                new PingProbe(vertx, clock, false));
    }

    @AfterEach
    void stop() {
        probes.close().await();
        vertx.close().await();
    }

    @Test
    void probe_dispatchesByType() {
        String target = "127.0.0.1:" + server.actualPort();
        Duration timeout = Duration.ofSeconds(2);

        ProbeOutcome tcp = probes.probe(TestChecks.tcp(target, timeout)).await();
        ProbeOutcome http = probes.probe(TestChecks.http(target, "/health", timeout)).await();
        ProbeOutcome ping = probes.probe(TestChecks.ping(target, timeout)).await();

        assertThat(tcp.succeeded()).isTrue(); // connected is enough for tcp
        assertThat(http).isInstanceOfSatisfying(ProbeOutcome.Failure.class,
                f -> assertThat(f.reason()).isEqualTo("HTTP 503"));
        assertThat(ping).isInstanceOfSatisfying(ProbeOutcome.Failure.class,
                f -> assertThat(f.reason()).isEqualTo("ping not available"));
    }
}
