package io.bifrost.adapters.vertx.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

import io.bifrost.adapters.vertx.dial.DialTarget;
import io.bifrost.adapters.vertx.dial.UpstreamDialer;
import io.bifrost.adapters.vertx.server.BifrostServer;
import io.bifrost.adapters.vertx.server.ServerOptions;
import io.bifrost.core.backend.Backend;
import io.bifrost.core.backend.BackendStats;
import io.bifrost.core.config.BackendConfig;
import io.bifrost.core.config.ServerConfig;
import io.bifrost.core.config.ServerConfigReader;
import io.bifrost.core.policy.DestinationPolicy;
import io.bifrost.core.traffic.ErrorCode;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetSocket;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** [BKD-080], [BKD-081]: test dials through a running server's backends, with plain Vert.x fakes on port 0. */
class BackendTesterIT {
    private final List<String> connectHeads = new CopyOnWriteArrayList<>();
    private final AtomicInteger originAccepted = new AtomicInteger();
    private final AtomicInteger originClosed = new AtomicInteger();
    private Vertx vertx;
    private NetServer origin;
    private NetServer proxy;
    private NetServer silentProxy;
    private BifrostServer server;

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        origin = vertx.createNetServer().connectHandler(socket -> {
            originAccepted.incrementAndGet();
            socket.closeHandler(v -> originClosed.incrementAndGet());
        }).listen(0, "127.0.0.1").await();
        proxy = vertx.createNetServer().connectHandler(this::answerConnect).listen(0, "127.0.0.1").await();
        silentProxy = vertx.createNetServer().connectHandler(socket -> socket.handler(b -> { }))
                .listen(0, "127.0.0.1").await();
        server = BifrostServer.create(vertx, config(), ServerOptions.defaults()).start().await();
    }

    /** An upstream HTTP proxy that accepts every CONNECT (and records its head) without dialing anything. */
    private void answerConnect(NetSocket socket) {
        Buffer head = Buffer.buffer();
        socket.handler(bytes -> {
            head.appendBuffer(bytes);
            String text = head.toString(StandardCharsets.US_ASCII);
            if (text.contains("\r\n\r\n")) {
                connectHeads.add(text);
                socket.write("HTTP/1.1 200 Connection established\r\n\r\n");
            }
        });
    }

    private ServerConfig config() {
        Map<String, Object> tree = Map.of(
                "server", Map.of("http", Map.of("listen", "127.0.0.1:0"), "socks5", Map.of("listen", "127.0.0.1:0")),
                "api", Map.of("listen", "127.0.0.1:0"),
                "metrics", Map.of("listen", "127.0.0.1:0"),
                "network", Map.of("allow_loopback_destinations", true),
                "backends", List.of(
                        Map.of("name", "direct", "type", "direct"),
                        Map.of("name", "checked", "type", "direct", "health_check",
                                Map.of("target", "127.0.0.1:" + silentProxy.actualPort(), "interval", "30s")),
                        Map.of("name", "corp", "type", "http_proxy",
                                "config", Map.of("address", "127.0.0.1:" + proxy.actualPort())),
                        Map.of("name", "silent", "type", "http_proxy",
                                "config", Map.of("address", "127.0.0.1:" + silentProxy.actualPort())),
                        Map.of("name", "parked", "type", "http_proxy", "enabled", false,
                                "config", Map.of("address", "127.0.0.1:" + proxy.actualPort()))));
        return ServerConfigReader.read(tree).orElseThrow();
    }

    @AfterEach
    void stop() {
        server.stop(Duration.ZERO).await();
        vertx.close().await();
    }

    private BackendConfig configOf(String name) {
        return server.config().backends().stream().filter(b -> b.name().equals(name)).findFirst().orElseThrow();
    }

    private Backend backend(String name) {
        return server.backends().find(name).orElseThrow();
    }

    private static DialTarget target(String hostPort) {
        return BackendTester.parseTarget(hostPort).orElseThrow();
    }

    @Test
    void test_directToListeningTarget_succeedsClosesAndLeavesCountersAndHealthAlone() {
        BackendTestResult result = server.backendTester()
                .test(configOf("direct"), target("127.0.0.1:" + origin.actualPort()), null).await();

        assertThat(result.succeeded()).isTrue();
        assertThat(result.status()).isEqualTo("success");
        assertThat(result.backend()).isEqualTo("direct");
        assertThat(result.target()).isEqualTo("127.0.0.1:" + origin.actualPort());
        assertThat(result.healthy()).isTrue();
        assertThat(result.error()).isNull();
        await().atMost(Duration.ofSeconds(2)).untilAsserted(() -> {
            assertThat(originAccepted).hasValue(1);
            assertThat(originClosed).hasValue(1);
        });
        assertUntouched(backend("direct"));
    }

    @Test
    void test_directToClosedPort_failsWithConnectionRefusedAndCountsNothing() throws IOException {
        BackendTestResult result;
        try (RefusedPort closed = RefusedPort.open()) {
            result = server.backendTester()
                    .test(configOf("direct"), target("127.0.0.1:" + closed.port()), null).await();
        }

        assertThat(result.status()).isEqualTo("failed");
        assertThat(result.errorCode()).isEqualTo(ErrorCode.CONNECTION_REFUSED);
        assertThat(result.error()).startsWith("connection_refused: ");
        assertUntouched(backend("direct"));
    }

    @Test
    void test_httpProxyBackend_asksTheUpstreamToConnectToTheTarget() {
        BackendTestResult result = server.backendTester()
                .test(configOf("corp"), target("example.test:8443"), Duration.ofSeconds(5)).await();

        assertThat(result.succeeded()).isTrue();
        assertThat(connectHeads).singleElement().asString().startsWith("CONNECT example.test:8443 HTTP/1.1\r\n");
        assertUntouched(backend("corp"));
    }

    @Test
    void test_unresponsiveUpstream_failsWithTimeoutNamingTheProxy() {
        BackendTestResult result = server.backendTester()
                .test(configOf("silent"), target("example.test:443"), Duration.ofMillis(300)).await();

        assertThat(result.errorCode()).isEqualTo(ErrorCode.CONNECTION_TIMEOUT);
        assertThat(result.error()).isEqualTo("connection_timeout: no answer from 127.0.0.1:" + silentProxy.actualPort()
                + " within 300ms");
        assertThat(result.duration()).isBetween(Duration.ofMillis(280), Duration.ofMillis(1500));
        assertUntouched(backend("silent"));
    }

    @Test
    void test_disabledBackend_dialsThroughATemporaryInstance() {
        BackendTestResult result = server.backendTester()
                .test(configOf("parked"), target("example.test:443"), null).await();

        assertThat(result.succeeded()).isTrue();
        assertThat(result.healthy()).isFalse(); // not running ([BKD-050])
        assertThat(connectHeads).singleElement().asString().startsWith("CONNECT example.test:443 ");
    }

    @Test
    void test_noTarget_usesTheHealthCheckTarget() {
        BackendTestResult result = server.backendTester().test(configOf("checked"), null, null).await();

        assertThat(result.target()).isEqualTo("127.0.0.1:" + silentProxy.actualPort());
        assertThat(result.succeeded()).isTrue();
    }

    @Test
    void test_noTargetAndNoHealthCheck_usesExampleCom443() {
        BackendTestResult result = server.backendTester().test(configOf("corp"), null, null).await();

        assertThat(result.target()).isEqualTo("example.com:443");
        assertThat(connectHeads).singleElement().asString().startsWith("CONNECT example.com:443 ");
    }

    @Test
    void test_prohibitedDestination_isRefusedBeforeAnyDial() {
        List<DialTarget> dialed = new CopyOnWriteArrayList<>();
        UpstreamDialer recording = t -> {
            dialed.add(t);
            return Future.failedFuture("must not dial");
        };
        BackendTester strict = new BackendTester(vertx, server.backends(),
                () -> DestinationPolicy.of(false, List.of(), List.of()), b -> recording, b -> Optional.empty());

        BackendTestResult result = strict.test(configOf("direct"), target("127.0.0.1:" + origin.actualPort()), null)
                .await();

        assertThat(result.errorCode()).isEqualTo(ErrorCode.DESTINATION_PROHIBITED);
        assertThat(dialed).isEmpty();
    }

    @Test
    void test_timeoutAboveSixtySeconds_isRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> server.backendTester()
                .test(configOf("direct"), null, Duration.ofSeconds(61))).withMessageContaining("60s");
    }

    @Test
    void parseTarget_notHostPort_isEmpty() {
        assertThat(BackendTester.parseTarget("example.com")).isEmpty();
        assertThat(BackendTester.parseTarget("http://example.com:80")).isEmpty();
        assertThat(BackendTester.parseTarget("[2001:db8::1]:443")).map(DialTarget::authority)
                .hasValue("[2001:db8::1]:443");
    }

    private static void assertUntouched(Backend backend) {
        BackendStats stats = backend.stats();
        assertThat(stats.totalConnections()).isZero();
        assertThat(stats.activeConnections()).isZero();
        assertThat(stats.errors()).isZero();
        assertThat(stats.bytesSent()).isZero();
        assertThat(stats.bytesReceived()).isZero();
        assertThat(stats.lastError()).isNull();
        assertThat(backend.health().state().probed()).isFalse();
    }
}
