package io.bifrost.app.server.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.bifrost.adapters.vertx.health.HttpProbe;
import io.bifrost.core.config.EffectiveHealthCheck;
import io.bifrost.core.config.HealthCheckType;
import io.bifrost.core.health.ProbeOutcome;
import io.bifrost.testkit.FakeServerExtension;
import io.bifrost.testkit.origin.FakeHttpOrigin;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.InstantSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@code http} probe with {@code scheme: https} ([BKD-062]) against the testkit's HTTPS origin. */
class HttpsProbeIT {
    @RegisterExtension
    @Order(1)
    static final FakeServerExtension<FakeHttpOrigin> origin = FakeServerExtension.of(FakeHttpOrigin.https());

    private Vertx vertx;
    private HttpProbe trusting;
    private HttpProbe systemTrust;

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        trusting = new HttpProbe(vertx, InstantSource.system(), "1.4.0", origin.get().trustOptions());
        systemTrust = new HttpProbe(vertx, InstantSource.system(), "1.4.0", null);
    }

    @AfterEach
    void stop() {
        trusting.close().await();
        systemTrust.close().await();
        vertx.close().await();
    }

    private static EffectiveHealthCheck https(String host, String path, boolean insecure) {
        return new EffectiveHealthCheck(HealthCheckType.HTTP, Duration.ofSeconds(30), Duration.ofSeconds(3),
                host + ":" + origin.get().port(), path, "https", insecure, 1, 1);
    }

    @Test
    void probe_trustedCertificate_succeedsAndSendsTheSpecHeaders() {
        ProbeOutcome outcome = trusting.probe(https("127.0.0.1", "/hello", false)).await();

        assertThat(outcome.succeeded()).isTrue();
        var request = origin.get().lastRequest().orElseThrow();
        assertThat(request.path()).isEqualTo("/hello");
        assertThat(request.header("User-Agent")).hasValue("bifrost-health/1.4.0");
        assertThat(request.header("Host")).hasValue("127.0.0.1:" + origin.get().port());
    }

    @Test
    void probe_trustedCertificateByName_succeeds() {
        assertThat(trusting.probe(https("localhost", "/hello", false)).await().succeeded()).isTrue();
    }

    @Test
    void probe_certificateNotInTheTrustStore_failsWithATlsReason() {
        ProbeOutcome outcome = systemTrust.probe(https("127.0.0.1", "/hello", false)).await();

        assertThat(outcome).isInstanceOfSatisfying(ProbeOutcome.Failure.class,
                f -> assertThat(f.reason()).startsWith("TLS: "));
        assertThat(origin.get().requests()).isEmpty();
    }

    @Test
    void probe_insecureSkipVerify_acceptsAnUntrustedCertificate() {
        ProbeOutcome outcome = systemTrust.probe(https("127.0.0.1", "/hello", true)).await();

        assertThat(outcome.succeeded()).isTrue();
        assertThat(origin.get().requests()).hasSize(1);
    }

    @Test
    void probe_https503_failsWithTheStatus() {
        ProbeOutcome outcome = trusting.probe(https("127.0.0.1", "/status/503", false)).await();

        assertThat(outcome).isInstanceOfSatisfying(ProbeOutcome.Failure.class,
                f -> assertThat(f.reason()).isEqualTo("HTTP 503"));
    }
}
