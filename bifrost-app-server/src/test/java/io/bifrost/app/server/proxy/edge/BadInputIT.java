package io.bifrost.app.server.proxy.edge;

import static org.assertj.core.api.Assertions.assertThat;

import io.bifrost.core.event.RequestCompleted;
import io.bifrost.core.traffic.ErrorCode;
import io.bifrost.core.traffic.RequestRecord;
import io.bifrost.testkit.FakeServerExtension;
import io.bifrost.testkit.origin.FakeHttpOrigin;
import io.bifrost.testkit.origin.FakeTcpOrigin;
import io.bifrost.testkit.server.BifrostServerExtension;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Malformed, oversized and stalling clients on both listeners ([PRX-003], [PRX-020], [PRX-023]-[PRX-025], [PRX-050],
 * [PRX-071], [PRX-105]): each gets the answer the spec prescribes and loses its connection, and after every case a
 * well-behaved client is still served on both listeners. Read timeouts are 1 s and the keep-alive idle timeout 2 s,
 * so the timers can be observed.
 */
class BadInputIT {
    private static final String BAD_REQUEST_STATUS = "bifrost; error=http_request_error";

    @RegisterExtension
    @Order(1)
    static final FakeServerExtension<FakeHttpOrigin> origin = FakeServerExtension.of(FakeHttpOrigin.http());

    @RegisterExtension
    @Order(2)
    static final FakeServerExtension<FakeTcpOrigin> echo = FakeServerExtension.of(FakeTcpOrigin.echo());

    @RegisterExtension
    @Order(3)
    static final BifrostServerExtension bifrost = BifrostServerExtension.withConfig(
            () -> EdgeConfigs.server("1s", "2s", true, EdgeConfigs.directEverywhere()));

    @AfterEach
    void everyoneElseIsStillServed() throws IOException {
        Probes.assertHttpServes(bifrost.httpProxy(), origin.get());
        Probes.assertSocksEchoes(bifrost.socks5Proxy(), echo.get().port());
    }

    // ---- SOCKS5 listener ----

    @Test
    void socks5_garbageInsteadOfGreeting_closedWithoutReply() throws IOException {
        try (Socket socket = Wire.connect(bifrost.socks5Proxy())) {
            Wire.send(socket, "GET / HTTP/1.1\r\nHost: x\r\n\r\n"); // 'G' is not VER 0x05 ([PRX-071])

            Wire.assertClosedSilently(socket);
        }
    }

    @Test
    void socks5_socks4Greeting_closedWithoutReply() throws IOException {
        try (Socket socket = Wire.connect(bifrost.socks5Proxy())) {
            // SOCKS4 CONNECT 127.0.0.1:80, user id "u"
            Wire.send(socket, new byte[] {4, 1, 0, 80, 127, 0, 0, 1, 'u', 0});

            Wire.assertClosedSilently(socket);
        }
    }

    @Test
    void socks5_noMethodsOffered_answersNoAcceptableMethodAndCloses() throws IOException {
        try (Socket socket = Wire.connect(bifrost.socks5Proxy())) {
            Wire.send(socket, Socks5Wire.greeting()); // NMETHODS = 0

            assertThat(Wire.readUntilClosed(socket)).containsExactly(0x05, 0xFF);
        }
    }

    @Test
    void socks5_stallMidHandshake_closedSilentlyAfterReadTimeout() throws IOException {
        try (Socket socket = Wire.connect(bifrost.socks5Proxy())) {
            long start = System.nanoTime();
            Wire.send(socket, Socks5Wire.greeting(0x00));
            assertThat(Wire.readExactly(socket, 2)).containsExactly(5, 0);
            Wire.send(socket, new byte[] {5, 1, 0, 1, 127}); // a request cut inside DST.ADDR

            Wire.assertClosedSilently(socket); // [PRX-070]: no reply
            assertThat(millisSince(start)).isBetween(900L, 4_000L);
        }
    }

    // ---- HTTP listener: limits and framing ----

    @Test
    void http_requestLineOf100KiB_answers414AndCloses() throws IOException {
        String target = origin.get().url("/" + "a".repeat(100 * 1024));
        HttpReply reply = exchangeBadRequest("GET " + target + " HTTP/1.1\r\nHost: x\r\n\r\n");

        assertThat(reply.statusLine()).isEqualTo("HTTP/1.1 414 URI Too Long");
    }

    @Test
    void http_headerSectionOver64KiB_answers431AndCloses() throws IOException {
        StringBuilder fields = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            fields.append("X-Filler-").append(i).append(": ").append("f".repeat(4000)).append("\r\n"); // 80 KB
        }
        HttpReply reply = exchangeBadRequest(Probes.get(origin.get(), "/hello", fields.toString()));

        assertThat(reply.statusLine()).isEqualTo("HTTP/1.1 431 Request Header Fields Too Large");
    }

    @Test
    void http_201HeaderFields_answers431AndCloses() throws IOException {
        StringBuilder fields = new StringBuilder();
        for (int i = 0; i < 200; i++) { // plus Host: 201 fields in a section of about 3 KB
            fields.append("X-F").append(i).append(": v\r\n");
        }
        HttpReply reply = exchangeBadRequest(Probes.get(origin.get(), "/hello", fields.toString()));

        assertThat(reply.statusLine()).isEqualTo("HTTP/1.1 431 Request Header Fields Too Large");
    }

    @Test
    void http_http2Preface_answers505AndCloses() throws IOException {
        HttpReply reply = exchangeBadRequest("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n");

        assertThat(reply.status()).isEqualTo(505);
        assertThat(reply.statusLine()).endsWith(" 505 HTTP Version Not Supported");
    }

    @Test
    void http_originForm_answers400AskingForAbsoluteUri() throws IOException {
        HttpReply reply = exchangeBadRequest("GET /x HTTP/1.1\r\nHost: " + origin.get().authority() + "\r\n\r\n");

        assertThat(reply.statusLine()).isEqualTo("HTTP/1.1 400 Bad Request");
        assertThat(reply.bodyText()).contains("absolute URI").contains("CONNECT");
    }

    @Test
    void http_ftpScheme_answers400NamingTheScheme() throws IOException {
        HttpReply reply = exchangeBadRequest("GET ftp://127.0.0.1:21/file HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");

        assertThat(reply.statusLine()).isEqualTo("HTTP/1.1 400 Bad Request");
        assertThat(reply.bodyText()).contains("\"ftp\"");
    }

    @Test
    void http_userinfoInUri_answers400() throws IOException {
        String target = "http://user:pw@" + origin.get().authority() + "/hello";
        HttpReply reply = exchangeBadRequest("GET " + target + " HTTP/1.1\r\nHost: x\r\n\r\n");

        assertThat(reply.statusLine()).isEqualTo("HTTP/1.1 400 Bad Request");
        assertThat(origin.get().requests()).isEmpty();
    }

    @Test
    void http_contentLengthAndTransferEncoding_answers400AndForwardsNothing() throws IOException {
        String request = "POST " + origin.get().url("/echo") + " HTTP/1.1\r\nHost: x\r\n"
                + "Content-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n";
        HttpReply reply = exchangeBadRequest(request);

        assertThat(reply.statusLine()).isEqualTo("HTTP/1.1 400 Bad Request");
        assertThat(origin.get().requests()).isEmpty(); // a smuggling-shaped request never reaches an origin
    }

    @ParameterizedTest
    @ValueSource(strings = {":443", "example.com:0", "example.com:99999", "[::1:443", "example.com:http"})
    void connect_malformedAuthority_answers400(String authority) throws IOException {
        HttpReply reply = exchangeBadRequest("CONNECT " + authority + " HTTP/1.1\r\nHost: " + authority + "\r\n\r\n");

        assertThat(reply.statusLine()).isEqualTo("HTTP/1.1 400 Bad Request");
    }

    // ---- HTTP listener: methods ----

    @Test
    void http_trace_answers405ClosesAndForwardsNothing() throws IOException {
        try (Socket socket = Wire.connect(bifrost.httpProxy())) {
            // a persistent request: [PRX-048] keeps the connection for refusals of [PRX-010] steps 2-8 only
            Wire.send(socket, "TRACE " + origin.get().url("/hello") + " HTTP/1.1\r\nHost: x\r\n\r\n");
            HttpReply reply = Wire.readReply(socket);

            assertThat(reply.statusLine()).isEqualTo("HTTP/1.1 405 Method Not Allowed");
            assertThat(reply.header("X-Bifrost-Error")).hasValue("method_not_allowed");
            assertThat(reply.header("Proxy-Status")).hasValueSatisfying(
                    v -> assertThat(v).startsWith("bifrost; error=http_request_denied"));
            assertErrorBody(reply);
            assertThat(reply.header("Connection")).hasValue("close");
            Wire.assertClosedSilently(socket);
        }
        assertThat(origin.get().requests()).isEmpty();
    }

    @Test
    void http_optionsWithMaxForwardsZero_answeredByTheProxyWithAllow() throws IOException {
        try (Socket socket = Wire.connect(bifrost.httpProxy())) {
            Wire.send(socket, "OPTIONS " + origin.get().url("/hello") + " HTTP/1.1\r\nHost: x\r\n"
                    + "Max-Forwards: 0\r\nConnection: close\r\n\r\n");
            HttpReply reply = Wire.readReply(socket);

            assertThat(reply.statusLine()).isEqualTo("HTTP/1.1 200 OK");
            assertThat(reply.header("Allow")).hasValue("GET, HEAD, POST, PUT, DELETE, PATCH, OPTIONS, CONNECT");
            assertThat(reply.header("Content-Length")).hasValue("0");
            assertThat(reply.header("X-Bifrost-Error")).isEmpty();
            Wire.assertClosedSilently(socket);
        }
        assertThat(origin.get().requests()).isEmpty(); // [PRX-025]: Max-Forwards 0 is addressed to the proxy
    }

    // ---- timers ----

    @Test
    void http_halfAHeadThenStall_answers408AfterReadTimeoutAndCloses() throws IOException {
        try (Socket socket = Wire.connect(bifrost.httpProxy())) {
            long start = System.nanoTime();
            Wire.send(socket, "GET " + origin.get().url("/hello") + " HTTP/1.1\r\nHost: x\r\n"); // no empty line
            HttpReply reply = Wire.readReply(socket);
            long elapsed = millisSince(start);

            assertThat(reply.statusLine()).isEqualTo("HTTP/1.1 408 Request Timeout");
            assertBadRequestShape(reply);
            assertThat(elapsed).isBetween(900L, 4_000L);
            Wire.assertClosedSilently(socket);
        }
        assertThat(origin.get().requests()).isEmpty();
        // [PRX-011]: its request line was received, so the request is recorded
        RequestRecord record = awaitRecord("GET");
        assertThat(record.statusCode()).isEqualTo(408);
        assertThat(record.error()).isEqualTo(ErrorCode.BAD_REQUEST);
        assertThat(record.url()).isEqualTo(origin.get().url("/hello"));
    }

    @Test
    void http_requestLineThenClientCloses_isRecordedAsClientClosed() throws IOException {
        try (Socket socket = Wire.connect(bifrost.httpProxy())) {
            Wire.send(socket, "PUT " + origin.get().url("/hello") + " HTTP/1.1\r\nHost: x\r\n"); // no empty line
            socket.shutdownOutput();

            Wire.assertClosedSilently(socket); // a client that gave up gets no answer
        }
        RequestRecord record = awaitRecord("PUT");
        assertThat(record.error()).isEqualTo(ErrorCode.CLIENT_CLOSED); // [PRX-011], [PRX-101]
        assertThat(record.url()).isEqualTo(origin.get().url("/hello"));
        assertThat(origin.get().requests()).isEmpty();
    }

    @Test
    void http_headAnnouncesBodyThenNothing_answers408AfterReadTimeoutAndRecordsIt() throws IOException {
        try (Socket socket = Wire.connect(bifrost.httpProxy())) {
            long start = System.nanoTime();
            Wire.send(socket, "POST " + origin.get().url("/echo") + " HTTP/1.1\r\nHost: x\r\n"
                    + "Content-Length: 10\r\n\r\n"); // and never a body byte
            HttpReply reply = Wire.readReply(socket);
            long elapsed = millisSince(start);

            // [PRX-105] request body inactivity: 408 first (no response byte was sent yet), then both sides closed
            assertThat(reply.statusLine()).isEqualTo("HTTP/1.1 408 Request Timeout");
            assertBadRequestShape(reply);
            assertThat(elapsed).isBetween(900L, 4_000L);
            Wire.assertClosedSilently(socket);
        }
        RequestRecord record = awaitRecord("POST");
        assertThat(record.statusCode()).isEqualTo(408);
        assertThat(record.error()).isEqualTo(ErrorCode.BAD_REQUEST);
    }

    @Test
    void http_uploadHeldBackByASlowUpstream_isNotTimedOut() throws Exception {
        // The origin reads nothing for longer than read_timeout (1 s): Bifrost stops reading the client meanwhile
        // (back-pressure, [PRX-042]), and a pause that is Bifrost's own is no client inactivity ([PRX-105]).
        int bodyBytes = 32 * 1024 * 1024; // far more than the socket buffers on the way hold
        try (StallingOrigin slow = new StallingOrigin(Duration.ofMillis(2_500));
                Socket socket = Wire.connect(bifrost.httpProxy())) {
            String head = "POST http://127.0.0.1:" + slow.port() + "/upload HTTP/1.1\r\nHost: x\r\n"
                    + "Content-Length: " + bodyBytes + "\r\n\r\n";
            ExecutorService sender = Executors.newSingleThreadExecutor();
            try {
                Future<Void> sent = sender.submit(() -> {
                    Wire.send(socket, head);
                    byte[] chunk = new byte[64 * 1024];
                    for (int n = 0; n < bodyBytes; n += chunk.length) {
                        socket.getOutputStream().write(chunk);
                    }
                    return null;
                });
                socket.setSoTimeout(20_000);
                HttpReply reply = Wire.readReply(socket);

                assertThat(reply.statusLine()).isEqualTo("HTTP/1.1 200 OK");
                assertThat(reply.bodyText()).isEqualTo(Integer.toString(bodyBytes));
                sent.get(10, TimeUnit.SECONDS);
            } finally {
                sender.shutdownNow();
            }
        }
    }

    @Test
    void http_idleKeepAliveConnection_closedSilentlyAfterIdleTimeout() throws IOException {
        try (Socket socket = Wire.connect(bifrost.httpProxy())) {
            Wire.send(socket, Probes.get(origin.get(), "/hello", ""));
            assertThat(Wire.readReply(socket).bodyText()).isEqualTo("hello");
            long start = System.nanoTime();

            Wire.assertClosedSilently(socket); // [PRX-034]: no request within idle_timeout (2 s here)
            assertThat(millisSince(start)).isBetween(1_500L, 4_500L);
        }
    }

    // ---- many at once ----

    @Test
    void listeners_manyBadClientsInParallel_goodClientsKeepBeingServed() throws Exception {
        int perKind = 8;
        List<Callable<Void>> bad = new ArrayList<>();
        CountDownLatch allSent = new CountDownLatch(perKind * 4);
        for (int i = 0; i < perKind; i++) {
            bad.add(() -> socksGarbage(allSent));
            bad.add(() -> socksStall(allSent));
            bad.add(() -> httpHalfHead(allSent));
            bad.add(() -> httpHugeLine(allSent));
        }
        ExecutorService pool = Executors.newFixedThreadPool(bad.size());
        try {
            List<Future<Void>> running = bad.stream().map(pool::submit).toList();
            assertThat(allSent.await(5, TimeUnit.SECONDS)).as("bad clients connected and sent").isTrue();

            for (int round = 0; round < 5; round++) { // while the stalled clients still hold their connections
                Probes.assertHttpServes(bifrost.httpProxy(), origin.get());
                Probes.assertSocksEchoes(bifrost.socks5Proxy(), echo.get().port());
            }
            for (Future<Void> f : running) {
                f.get(10, TimeUnit.SECONDS); // each bad client got its own prescribed treatment
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static Void socksGarbage(CountDownLatch sent) throws IOException {
        try (Socket socket = Wire.connect(bifrost.socks5Proxy())) {
            Wire.send(socket, "\u0016\u0003\u0001 not socks".getBytes(StandardCharsets.ISO_8859_1));
            sent.countDown();
            Wire.assertClosedSilently(socket);
        }
        return null;
    }

    private static Void socksStall(CountDownLatch sent) throws IOException {
        try (Socket socket = Wire.connect(bifrost.socks5Proxy())) {
            Wire.send(socket, new byte[] {5, 1});
            sent.countDown();
            Wire.assertClosedSilently(socket);
        }
        return null;
    }

    private static Void httpHalfHead(CountDownLatch sent) throws IOException {
        try (Socket socket = Wire.connect(bifrost.httpProxy())) {
            Wire.send(socket, "GET http://127.0.0.1/ HTTP/1.1\r\n");
            sent.countDown();
            assertThat(Wire.ascii(Wire.readUntilClosed(socket))).startsWith("HTTP/1.1 408 Request Timeout\r\n");
        }
        return null;
    }

    private static Void httpHugeLine(CountDownLatch sent) throws IOException {
        try (Socket socket = Wire.connect(bifrost.httpProxy())) {
            Wire.sendIgnoringClose(socket, ("GET http://127.0.0.1/" + "b".repeat(64 * 1024) + " HTTP/1.1\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            sent.countDown();
            assertThat(Wire.ascii(Wire.readUntilClosed(socket))).startsWith("HTTP/1.1 414 URI Too Long\r\n");
        }
        return null;
    }

    // ---- helpers ----

    /** Sends {@code request} on a fresh connection, expects a {@code bad_request} answer and the connection closed. */
    private static HttpReply exchangeBadRequest(String request) throws IOException {
        try (Socket socket = Wire.connect(bifrost.httpProxy())) {
            Wire.sendIgnoringClose(socket, request.getBytes(StandardCharsets.ISO_8859_1));
            HttpReply reply = Wire.readReply(socket);
            assertBadRequestShape(reply);
            Wire.readUntilClosed(socket); // fails if the connection stays open; a reset counts as closed
            return reply;
        }
    }

    /** [PRX-048], [PRX-100]: {@code bad_request}, {@code http_request_error}, {@code Connection: close}. */
    private static void assertBadRequestShape(HttpReply reply) {
        assertThat(reply.header("X-Bifrost-Error")).hasValue("bad_request");
        assertThat(reply.header("Proxy-Status")).hasValueSatisfying(v -> assertThat(v).startsWith(BAD_REQUEST_STATUS));
        assertThat(reply.header("Connection")).hasValue("close");
        assertErrorBody(reply);
    }

    /** [PRX-048]: one line {@code Bifrost: <message>\n}, plain UTF-8 text, framed by Content-Length. */
    private static void assertErrorBody(HttpReply reply) {
        assertThat(reply.header("Content-Type")).hasValue("text/plain; charset=utf-8");
        assertThat(reply.bodyText()).startsWith("Bifrost: ").endsWith("\n");
        assertThat(reply.bodyText().strip()).doesNotContain("\n");
    }

    /** The one record of this test's request with {@code method} ([PRX-011]). */
    private static RequestRecord awaitRecord(String method) {
        return bifrost.events().await(RequestCompleted.class, e -> method.equals(e.record().method()), 1,
                Duration.ofSeconds(5)).get(0).record();
    }

    private static long millisSince(long startNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }
}
