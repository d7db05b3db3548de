package io.bifrost.adapters.vertx.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.bifrost.core.health.ProbeOutcome;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.InstantSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PingProbeIT {
    private Vertx vertx;
    private PingProbe unavailable;
    private PingProbe detected;

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        unavailable = new PingProbe(vertx, InstantSource.system(), false);
        detected = new PingProbe(vertx, InstantSource.system(), IcmpSupport.detect());
    }

    @AfterEach
    void stop() {
        unavailable.close().await();
        detected.close().await();
        vertx.close().await();
    }

    @Test
    void probe_icmpNotAvailable_failsEveryTimeWithoutTrying() {
        for (int i = 0; i < 2; i++) {
            ProbeOutcome outcome = unavailable.probe(TestChecks.ping("127.0.0.1", Duration.ofSeconds(1))).await();

            assertThat(outcome).isInstanceOfSatisfying(ProbeOutcome.Failure.class,
                    f -> assertThat(f.reason()).isEqualTo("ping not available"));
            assertThat(outcome.elapsed()).isLessThan(Duration.ofMillis(100));
        }
    }

    @Test
    void probe_loopbackWithIcmp_succeeds() {
        assumeTrue(detected.icmpAvailable(), "ICMP is not available to this test run (no CAP_NET_RAW)");

        ProbeOutcome outcome = detected.probe(TestChecks.ping("127.0.0.1:3128", Duration.ofSeconds(2))).await();

        assertThat(outcome.succeeded()).isTrue();
    }

    @Test
    void probe_unknownHostWithIcmp_failsNamingTheHost() {
        assumeTrue(detected.icmpAvailable(), "ICMP is not available to this test run (no CAP_NET_RAW)");

        ProbeOutcome outcome = detected.probe(TestChecks.ping("no-such-host.invalid", Duration.ofSeconds(3))).await();

        assertThat(outcome).isInstanceOfSatisfying(ProbeOutcome.Failure.class,
                f -> assertThat(f.reason()).isEqualTo("cannot resolve host \"no-such-host.invalid\""));
    }
}
