package io.bifrost.app.client.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.bifrost.testkit.FakeServerExtension;
import io.bifrost.testkit.client.BifrostClientExtension;
import io.bifrost.testkit.client.ClientTestConfigs;
import io.bifrost.testkit.upstream.FakeHttpProxy;
import java.time.Duration;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * [PRX-123]: {@code server.retry_count + 1} attempts for failures to talk to the server, exactly one when the server
 * answers and refuses.
 */
class RetryIT {
    private static final String ALL_TO_SERVER = """
            routes:
              - domains: ["*"]
                action: server
            """;

    @RegisterExtension
    @Order(1)
    static final FakeServerExtension<HangUpServer> hangUp = FakeServerExtension.of(new HangUpServer());

    @RegisterExtension
    @Order(1)
    static final FakeServerExtension<FakeHttpProxy> refusing = FakeServerExtension.of(FakeHttpProxy.refusing());

    @RegisterExtension
    @Order(1)
    static final FakeServerExtension<FakeHttpProxy> silent = FakeServerExtension.of(FakeHttpProxy.unresponsive());

    /** Each attempt bounded by 300 ms, one retry 50 ms later. */
    @RegisterExtension
    @Order(2)
    static final BifrostClientExtension toSilent = BifrostClientExtension.withConfig(() -> ClientTestConfigs.client("""
            server:
              address: "%s"
              timeout: "300ms"
              retry_count: 1
              retry_delay: "50ms"
            """.formatted(silent.get().authority()) + ALL_TO_SERVER));

    @RegisterExtension
    @Order(2)
    static final BifrostClientExtension toHangUp = BifrostClientExtension.withConfig(() -> ClientTestConfigs.client(
            ClientTestConfigs.server(hangUp.get().address(), "http") + ALL_TO_SERVER));

    @RegisterExtension
    @Order(2)
    static final BifrostClientExtension toRefusing = BifrostClientExtension.withConfig(() -> ClientTestConfigs.client(
            ClientTestConfigs.server(refusing.get().address(), "http") + ALL_TO_SERVER));

    @Test
    void connect_serverHangsUpBeforeReplying_triesRetryCountPlusOneTimes() throws Exception {
        try (Wire wire = new Wire(toHangUp.httpProxy())) {
            Wire.Response response = wire.connect("example.com:443");

            assertThat(response.status()).isEqualTo(502);
            assertThat(response.header("x-bifrost-error")).isEqualTo("upstream_proxy_error");
        }
        assertThat(hangUp.get().attempts()).isEqualTo(3); // retry_count 2
    }

    @Test
    void socks5_serverNeverAnswers_eachAttemptTimesOutAndTheLastOneIsReported() throws Exception {
        long start = System.nanoTime();
        try (Wire wire = new Wire(toSilent.socks5Proxy())) {
            assertThat(wire.socks5("example.com", 443).rep()).isEqualTo(0x04); // connection_timeout, [PRX-100]
        }
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;

        assertThat(elapsedMs).isBetween(600L, 3_000L);
        assertThat(silent.get().connectionsAccepted()).isEqualTo(2);
        DebugEntries.awaitError(toSilent, "connection_timeout: ");
    }

    @Test
    void connect_serverRefuses_isNotRetriedAndTheRefusalIsRelayed() throws Exception {
        try (Wire wire = new Wire(toRefusing.httpProxy())) {
            Wire.Response response = wire.connect("example.com:443");

            assertThat(response.statusLine()).isEqualTo("HTTP/1.1 403 Forbidden");
            assertThat(response.header("connection")).isEqualTo("close");
            assertThat(wire.closedByPeer()).isTrue();
        }
        assertThat(refusing.get().awaitConnects(1, Duration.ofSeconds(5))).hasSize(1);
        Thread.sleep(300); // longer than a retry delay: a retry would have shown up by now
        assertThat(refusing.get().connects()).hasSize(1);
        assertThat(toRefusing.control().serverConnected()).isTrue(); // a refusal is an answer ([CAPI-010])
    }
}
