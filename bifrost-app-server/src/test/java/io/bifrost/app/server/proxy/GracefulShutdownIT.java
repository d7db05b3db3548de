package io.bifrost.app.server.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bifrost.adapters.vertx.config.ServerConfigLoader;
import io.bifrost.adapters.vertx.server.BifrostServer;
import io.bifrost.adapters.vertx.server.BifrostVertx;
import io.bifrost.adapters.vertx.server.ServerOptions;
import io.bifrost.testkit.FakeServerExtension;
import io.bifrost.testkit.origin.FakeHttpOrigin;
import io.bifrost.testkit.origin.FakeTcpOrigin;
import io.bifrost.testkit.server.TestConfigs;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Graceful shutdown ([PRX-110]) and connection ceilings ([PRX-004]). */
class GracefulShutdownIT {
    @RegisterExtension
    @Order(1)
    static final FakeServerExtension<FakeHttpOrigin> origin = FakeServerExtension.of(FakeHttpOrigin.http());

    @RegisterExtension
    @Order(1)
    static final FakeServerExtension<FakeTcpOrigin> echo = FakeServerExtension.of(FakeTcpOrigin.echo());

    private Vertx vertx;
    private BifrostServer server;

    @BeforeEach
    void createVertx() {
        vertx = BifrostVertx.create();
    }

    @AfterEach
    void closeVertx() {
        if (server != null) {
            server.stop(Duration.ZERO).await();
        }
        vertx.close().await();
    }

    private InetSocketAddress start(String yaml) {
        server = BifrostServer.create(vertx, ServerConfigLoader.withProcessEnvironment().loadText(yaml).orElseThrow(),
                ServerOptions.defaults()).start().await();
        var a = server.httpAddress().orElseThrow();
        return new InetSocketAddress(a.host(), a.port());
    }

    @Test
    void stop_requestInProgressFinishesWithCloseAndTunnelKeepsFlowing() throws Exception {
        InetSocketAddress proxy = start(TestConfigs.directEverywhere());
        try (RawHttp slow = new RawHttp(proxy); RawHttp tunnel = new RawHttp(proxy); RawHttp idle = new RawHttp(proxy)) {
            idle.send("GET " + origin.get().url("/hello") + " HTTP/1.1\r\nHost: x\r\n\r\n").read();
            tunnel.send("CONNECT 127.0.0.1:" + echo.get().port() + " HTTP/1.1\r\n\r\n");
            tunnel.input().readNBytes("HTTP/1.1 200 Connection established\r\n\r\n".length());
            slow.send("GET " + origin.get().url("/delay/1000") + " HTTP/1.1\r\nHost: x\r\n\r\n");
            Thread.sleep(200); // the slow request is with the origin now

            Future<Void> stopping = server.stop(Duration.ofSeconds(10));

            assertThat(idle.closedByPeer()).as("idle keep-alive connection closed at once").isTrue();
            RawHttp.Response response = slow.read();
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.header("connection")).isEqualTo("close");
            assertThat(slow.closedByPeer()).isTrue();
            assertThatThrownBy(() -> new Socket(proxy.getAddress(), proxy.getPort()).close())
                    .isInstanceOf(ConnectException.class); // listening socket closed
            tunnel.send("still here");
            assertThat(new String(tunnel.input().readNBytes(10), StandardCharsets.US_ASCII)).isEqualTo("still here");
            assertThat(stopping.isComplete()).as("a tunnel is still open").isFalse();
            tunnel.shutdownOutput();
            tunnel.readToEnd();

            CompletableFuture<Void> done = stopping.toCompletionStage().toCompletableFuture();
            done.get(5, TimeUnit.SECONDS); // the last connection ended: the drain is over before the grace period
        }
        server = null;
    }

    @Test
    void stop_gracePeriodOver_closesWhatIsLeft() throws Exception {
        InetSocketAddress proxy = start(TestConfigs.directEverywhere());
        try (RawHttp tunnel = new RawHttp(proxy)) {
            tunnel.send("CONNECT 127.0.0.1:" + echo.get().port() + " HTTP/1.1\r\n\r\n");
            tunnel.input().readNBytes("HTTP/1.1 200 Connection established\r\n\r\n".length());

            long start = System.nanoTime();
            server.stop(Duration.ofMillis(500)).await(5, TimeUnit.SECONDS);

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(400),
                    Duration.ofSeconds(3));
            assertThat(tunnel.closedByPeer()).isTrue();
        }
        server = null;
    }

    @Test
    void ceiling_listenerFull_answersTheCannedResponseAndCountsIt() throws Exception {
        InetSocketAddress proxy = start(TestConfigs.server("""
                backends:
                  - name: direct
                    type: direct
                routes:
                  - domains: ["*"]
                    backend: direct
                """).replace("  http:\n    listen: \"127.0.0.1:0\"\n",
                        "  http:\n    listen: \"127.0.0.1:0\"\n    max_connections: 1\n"));
        try (RawHttp first = new RawHttp(proxy)) {
            first.send("GET " + origin.get().url("/hello") + " HTTP/1.1\r\nHost: x\r\n\r\n").read();
            byte[] refused;
            try (RawHttp second = new RawHttp(proxy)) { // connected after the first was surely accepted
                refused = second.readToEnd();
            }

            assertThat(new String(refused, StandardCharsets.UTF_8)).isEqualTo("HTTP/1.1 503 Service Unavailable\r\n"
                    + "Retry-After: 5\r\n"
                    + "Content-Type: text/plain; charset=utf-8\r\n"
                    + "Content-Length: 41\r\n"
                    + "Proxy-Status: bifrost; error=connection_limit_reached\r\n"
                    + "X-Bifrost-Error: connection_limit\r\n"
                    + "Connection: close\r\n"
                    + "\r\n"
                    + "Bifrost: too many connections, try later\n");
            assertThat(first.send("GET " + origin.get().url("/hello") + " HTTP/1.1\r\nHost: x\r\n\r\n").read()
                    .bodyText()).isEqualTo("hello");
        }
        assertThat(server.traffic().http().rejectedConnections()).isEqualTo(1);
        assertThat(server.traffic().http().totalConnections()).isEqualTo(1);
    }
}
