package io.bifrost.app.server.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.bifrost.adapters.vertx.config.ServerConfigLoader;
import io.bifrost.adapters.vertx.server.BifrostServer;
import io.bifrost.adapters.vertx.server.BifrostVertx;
import io.bifrost.adapters.vertx.server.ServerOptions;
import io.bifrost.core.event.RequestCompleted;
import io.bifrost.core.port.out.EventSink;
import io.bifrost.core.traffic.ErrorCode;
import io.bifrost.core.traffic.RequestRecord;
import io.bifrost.testkit.FakeServerExtension;
import io.bifrost.testkit.origin.FakeHttpOrigin;
import io.bifrost.testkit.origin.FakeTcpOrigin;
import io.bifrost.testkit.server.TestConfigs;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
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
        return start(yaml, EventSink.discarding());
    }

    private InetSocketAddress start(String yaml, EventSink events) {
        server = BifrostServer.create(vertx, ServerConfigLoader.withProcessEnvironment().loadText(yaml).orElseThrow(),
                ServerOptions.defaults().withEvents(events)).start().await();
        var a = server.httpAddress().orElseThrow();
        return new InetSocketAddress(a.host(), a.port());
    }

    private static String get(String path) {
        return "GET " + origin.get().url(path) + " HTTP/1.1\r\nHost: x\r\n\r\n";
    }

    /** [PRX-100], [PRX-048]: {@code 503 shutting_down} with {@code Retry-After: 5}, closing the connection. */
    private static void assertShuttingDown(RawHttp.Response response) {
        assertThat(response.statusLine()).isEqualTo("HTTP/1.1 503 Service Unavailable");
        assertThat(response.header("x-bifrost-error")).isEqualTo("shutting_down");
        assertThat(response.header("proxy-status")).startsWith("bifrost; error=proxy_internal_response");
        assertThat(response.header("retry-after")).isEqualTo("5");
        assertThat(response.header("connection")).isEqualTo("close");
    }

    /**
     * Keep-alive connections that served one request each, spread over the event loops: the drain closes them all
     * ([PRX-110] step 2) while the connection a test watches is busy. The drain itself starts when {@code stop} is
     * called (every connection is told from the stopping thread), so what a test sends after {@code stop} returns
     * arrives during the drain.
     */
    private static final class IdleConnections implements AutoCloseable {
        static final int COUNT = 3;
        private final List<RawHttp> connections = new java.util.ArrayList<>();

        IdleConnections(InetSocketAddress proxy) throws IOException {
            for (int i = 0; i < COUNT; i++) {
                RawHttp connection = new RawHttp(proxy);
                connections.add(connection);
                assertThat(connection.send(get("/hello")).read().bodyText()).isEqualTo("hello");
            }
        }

        void assertAllClosed() throws IOException {
            for (RawHttp connection : connections) {
                assertThat(connection.closedByPeer()).as("idle connection closed by the drain").isTrue();
            }
        }

        @Override
        public void close() throws IOException {
            for (RawHttp connection : connections) {
                connection.close();
            }
        }
    }

    /** A SOCKS5 connection past its method selection ({@code 05 00}). */
    private Socket socks5Client() throws IOException {
        var a = server.socks5Address().orElseThrow();
        Socket socket = new Socket(a.host(), a.port());
        socket.setSoTimeout(10_000);
        socket.getOutputStream().write(new byte[] {5, 1, 0});
        assertThat(socket.getInputStream().readNBytes(2)).containsExactly(5, 0);
        return socket;
    }

    /**
     * SOCKS5 connections that have not sent a byte: idle, so closed by the drain. As with {@link IdleConnections},
     * once all are closed every event loop has had its SOCKS5 connections told of the drain.
     */
    private final class SilentSocksConnections implements AutoCloseable {
        private final List<Socket> sockets = new java.util.ArrayList<>();

        SilentSocksConnections() throws IOException {
            var a = server.socks5Address().orElseThrow();
            long before = server.traffic().socks5().activeConnections();
            for (int i = 0; i < IdleConnections.COUNT; i++) {
                Socket socket = new Socket(a.host(), a.port());
                socket.setSoTimeout(10_000);
                sockets.add(socket);
            }
            // connected is not yet accepted: only connections the server has accepted are told of a drain
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> server.traffic().socks5().activeConnections() == before + IdleConnections.COUNT);
        }

        void assertAllClosed() throws IOException {
            for (Socket socket : sockets) {
                assertThat(socket.getInputStream().read()).as("silent connection closed by the drain").isEqualTo(-1);
            }
        }

        @Override
        public void close() throws IOException {
            for (Socket socket : sockets) {
                socket.close();
            }
        }
    }

    @Test
    void stop_requestInProgressFinishesWithCloseAndTunnelKeepsFlowing() throws Exception {
        InetSocketAddress proxy = start(TestConfigs.directEverywhere());
        try (RawHttp slow = new RawHttp(proxy); RawHttp tunnel = new RawHttp(proxy); RawHttp idle = new RawHttp(proxy)) {
            idle.send("GET " + origin.get().url("/hello") + " HTTP/1.1\r\nHost: x\r\n\r\n").read();
            tunnel.send("CONNECT 127.0.0.1:" + echo.get().port() + " HTTP/1.1\r\n\r\n");
            tunnel.input().readNBytes("HTTP/1.1 200 Connection established\r\n\r\n".length());
            slow.send("GET " + origin.get().url("/delay/1000") + " HTTP/1.1\r\nHost: x\r\n\r\n");
            origin.get().awaitRequests(2, Duration.ofSeconds(5)); // the slow request is with the origin now

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
    void stop_pipelinedRequestBehindAResponseAnnouncedPersistent_isAnswered503ShuttingDown() throws Exception {
        CompletableFuture<Void> finishStream = new CompletableFuture<>();
        origin.get().handle("/stream", request -> {
            var response = request.response().setChunked(true);
            response.write("first");
            finishStream.thenRun(() -> response.end("last"));
        });
        InetSocketAddress proxy = start(TestConfigs.directEverywhere());
        try (RawHttp client = new RawHttp(proxy); IdleConnections idle = new IdleConnections(proxy)) {
            client.send(get("/stream") + get("/hello")); // the second request waits behind the first ([PRX-032])
            assertThat(client.readHead()).startsWith("HTTP/1.1 200 OK")
                    .doesNotContainIgnoringCase("connection: close");

            Future<Void> stopping = server.stop(Duration.ofSeconds(10));
            idle.assertAllClosed();
            finishStream.complete(null);

            assertThat(new String(client.readChunkedBody(), StandardCharsets.US_ASCII)).isEqualTo("firstlast");
            // [PRX-110] step 3: the connection was persistent, so the next request is refused, not dropped
            assertShuttingDown(client.read());
            assertThat(client.closedByPeer()).isTrue();
            stopping.toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        }
        assertThat(origin.get().requests()).extracting(r -> r.path()).containsOnlyOnce("/stream")
                .hasSize(1 + IdleConnections.COUNT); // the pipelined request never reached the origin
        server = null;
    }

    @Test
    void stop_requestHeadArrivingDuringTheDrain_isAnswered503ShuttingDown() throws Exception {
        InetSocketAddress proxy = start(TestConfigs.directEverywhere());
        try (RawHttp client = new RawHttp(proxy); IdleConnections idle = new IdleConnections(proxy)) {
            String request = get("/hello");
            String partial = request.substring(0, request.length() - 2); // all but the empty line
            client.send(partial);
            long expected = IdleConnections.COUNT * request.length() + partial.length();
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> server.traffic().http().bytesReceived() == expected); // Bifrost has it all

            Future<Void> stopping = server.stop(Duration.ofSeconds(10));
            client.send("\r\n"); // at once: the drain has begun when stop returns, on every event loop
            idle.assertAllClosed();

            assertShuttingDown(client.read());
            assertThat(client.closedByPeer()).isTrue();
            stopping.toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        }
        assertThat(origin.get().requests()).hasSize(IdleConnections.COUNT); // only the idle connections' requests
        server = null;
    }

    @Test
    void stop_socks5DialInProgress_finishesAndTunnels() throws Exception {
        try (HeldHttpProxy upstream = new HeldHttpProxy()) {
            start(TestConfigs.server("""
                    backends:
                      - name: held
                        type: http_proxy
                        config:
                          address: "%s"
                    routes:
                      - domains: ["*"]
                        backend: held
                    """.formatted(upstream.authority())));
            try (Socket socks = socks5Client(); SilentSocksConnections silent = new SilentSocksConnections()) {
                socks.getOutputStream().write(new byte[] {5, 1, 0, 1, 10, 0, 0, 1, 0, 80}); // CONNECT 10.0.0.1:80
                upstream.awaitConnectRequest(); // the dial is in progress

                Future<Void> stopping = server.stop(Duration.ofSeconds(10));
                silent.assertAllClosed();
                upstream.release();

                // [PRX-110] steps 3-4: the request in progress finishes, and its tunnel continues
                // REP 0x00, bound 0.0.0.0:0 through an upstream proxy ([PRX-076])
                assertThat(socks.getInputStream().readNBytes(10)).containsExactly(5, 0, 0, 1, 0, 0, 0, 0, 0, 0);
                socks.getOutputStream().write("ping".getBytes(StandardCharsets.US_ASCII));
                assertThat(socks.getInputStream().readNBytes(4)).isEqualTo("ping".getBytes(StandardCharsets.US_ASCII));
                assertThat(stopping.isComplete()).as("a tunnel is still open").isFalse();
                socks.shutdownOutput();
                assertThat(socks.getInputStream().readAllBytes()).isEmpty();
                stopping.toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
            }
        }
        server = null;
    }

    @Test
    void stop_socks5HandshakeInProgress_requestRefusedWithGeneralFailureAndRecordedShuttingDown() throws Exception {
        List<RequestRecord> records = new CopyOnWriteArrayList<>();
        start(TestConfigs.directEverywhere(), e -> {
            if (e instanceof RequestCompleted done) {
                records.add(done.record());
            }
        });
        try (Socket socks = socks5Client(); SilentSocksConnections silent = new SilentSocksConnections()) {
            Future<Void> stopping = server.stop(Duration.ofSeconds(10));
            silent.assertAllClosed();

            socks.getOutputStream().write(new byte[] {5, 1, 0, 1, 127, 0, 0, 1, (byte) (echo.get().port() >> 8),
                    (byte) echo.get().port()});

            assertThat(socks.getInputStream().readAllBytes()).containsExactly(5, 1, 0, 1, 0, 0, 0, 0, 0, 0);
            stopping.toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        }
        assertThat(records).singleElement().satisfies(r -> {
            assertThat(r.error()).isEqualTo(ErrorCode.SHUTTING_DOWN); // [PRX-100]
            assertThat(r.statusCode()).isEqualTo(1);
        });
        assertThat(echo.get().connectionsAccepted()).isZero();
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
