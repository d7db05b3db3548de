package io.bifrost.adapters.vertx.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.bifrost.core.health.ProbeOutcome;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetSocket;
import java.io.IOException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TcpProbeIT {
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger closedByProbe = new AtomicInteger();
    private Vertx vertx;
    private NetServer server;
    private TcpProbe probe;

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        server = vertx.createNetServer().connectHandler(this::accept).listen(0, "127.0.0.1").await();
        probe = new TcpProbe(vertx, InstantSource.system());
    }

    private void accept(NetSocket socket) {
        accepted.incrementAndGet();
        socket.closeHandler(v -> closedByProbe.incrementAndGet());
    }

    @AfterEach
    void stop() {
        probe.close().await();
        vertx.close().await();
    }

    @Test
    void probe_listeningTarget_succeedsAndClosesTheConnection() {
        ProbeOutcome outcome = probe.probe(TestChecks.tcp("127.0.0.1:" + server.actualPort(), Duration.ofSeconds(2)))
                .await();

        assertThat(outcome.succeeded()).isTrue();
        assertThat(outcome.elapsed()).isLessThan(Duration.ofSeconds(2));
        await().atMost(Duration.ofSeconds(2)).untilAsserted(() -> {
            assertThat(accepted).hasValue(1); // the server side may see the connection a moment after the probe
            assertThat(closedByProbe).hasValue(1);
        });
    }

    @Test
    void probe_nothingListening_failsWithConnectionRefused() throws IOException {
        ProbeOutcome outcome;
        try (RefusedPort closed = RefusedPort.open()) {
            outcome = probe.probe(TestChecks.tcp("127.0.0.1:" + closed.port(), Duration.ofSeconds(2))).await();
        }

        assertThat(outcome).isInstanceOfSatisfying(ProbeOutcome.Failure.class,
                f -> assertThat(f.reason()).isEqualTo("connection refused"));
    }

    @Test
    void probe_unknownHost_failsNamingTheHost() {
        ProbeOutcome outcome = probe.probe(TestChecks.tcp("no-such-host.invalid:80", Duration.ofSeconds(3))).await();

        assertThat(outcome).isInstanceOfSatisfying(ProbeOutcome.Failure.class,
                f -> assertThat(f.reason()).isIn("cannot resolve host \"no-such-host.invalid\"", "timeout after 3s"));
    }

    @Test
    void probe_targetWithoutPort_failsWithoutDialing() {
        ProbeOutcome outcome = probe.probe(TestChecks.tcp("127.0.0.1", Duration.ofSeconds(2))).await();

        assertThat(outcome).isInstanceOfSatisfying(ProbeOutcome.Failure.class,
                f -> assertThat(f.reason()).contains("missing port"));
        assertThat(accepted).hasValue(0);
    }
}
