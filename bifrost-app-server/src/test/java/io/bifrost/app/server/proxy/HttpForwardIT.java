package io.bifrost.app.server.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.bifrost.testkit.FakeServerExtension;
import io.bifrost.testkit.origin.BytePattern;
import io.bifrost.testkit.origin.FakeHttpOrigin;
import io.bifrost.testkit.origin.RecordedRequest;
import io.bifrost.testkit.server.BifrostServerExtension;
import io.bifrost.testkit.server.TestConfigs;
import java.io.InputStream;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Absolute-form forwarding on the HTTP listener ([PRX-020]-[PRX-047]) with real clients against a fake origin. */
class HttpForwardIT {
    private static final int MIB = 1024 * 1024;

    @RegisterExtension
    @Order(1)
    static final FakeServerExtension<FakeHttpOrigin> origin = FakeServerExtension.of(FakeHttpOrigin.http());

    @RegisterExtension
    @Order(2)
    static final BifrostServerExtension bifrost = BifrostServerExtension.withConfig(TestConfigs::directEverywhere);

    private HttpClient jdkClient() {
        return HttpClient.newBuilder().proxy(ProxySelector.of(bifrost.httpProxy()))
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    @Test
    void get_jdkClient_returnsOriginBytesWithVia() throws Exception {
        HttpResponse<String> response = jdkClient().send(HttpRequest.newBuilder(URI.create(origin.get().url("/hello")))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("hello");
        assertThat(response.headers().allValues("via")).containsExactly("1.1 bifrost");
        RecordedRequest seen = origin.get().lastRequest().orElseThrow();
        assertThat(seen.uri()).isEqualTo("/hello");
        assertThat(seen.header("host").orElse(null)).isEqualTo(origin.get().authority());
        assertThat(seen.header("via").orElse(null)).isEqualTo("1.1 bifrost");
    }

    @Test
    void keepAlive_twoRequestsOnOneClientConnection_bothAnsweredAndUpstreamReused() throws Exception {
        long connectionsBefore = bifrost.server().traffic().http().totalConnections();
        try (RawHttp client = new RawHttp(bifrost.httpProxy())) {
            RawHttp.Response first = client.send(get("/hello")).read();
            RawHttp.Response second = client.send(get("/status/204")).read();

            assertThat(first.status()).isEqualTo(200);
            assertThat(first.bodyText()).isEqualTo("hello");
            assertThat(first.header("connection")).isNull();
            assertThat(second.status()).isEqualTo(204);
        }
        assertThat(bifrost.server().traffic().http().totalConnections() - connectionsBefore).isEqualTo(1);
        List<RecordedRequest> seen = origin.get().requests();
        assertThat(seen).hasSize(2);
        assertThat(seen.get(0).remoteAddress()).isEqualTo(seen.get(1).remoteAddress()); // one upstream connection
    }

    @Test
    void pipelined_twoRequestsInOneWrite_answeredInOrder() throws Exception {
        try (RawHttp client = new RawHttp(bifrost.httpProxy())) {
            client.send(get("/bytes/10") + get("/hello"));

            assertThat(client.read().body()).isEqualTo(BytePattern.bytes(10));
            assertThat(client.read().bodyText()).isEqualTo("hello");
        }
    }

    @Test
    void download_fortyMebibytes_isIntact() throws Exception {
        int size = 40 * MIB;
        HttpResponse<InputStream> response = jdkClient().send(
                HttpRequest.newBuilder(URI.create(origin.get().url("/bytes/" + size))).build(),
                HttpResponse.BodyHandlers.ofInputStream());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(sha256(response.body())).isEqualTo(BytePattern.sha256Hex(size));
    }

    @Test
    void upload_twentyMebibytes_streamedWithLengthAndChunked() throws Exception {
        int size = 20 * MIB;
        byte[] body = BytePattern.bytes(size);
        HttpClient client = jdkClient();

        HttpResponse<String> fixed = client.send(HttpRequest.newBuilder(URI.create(origin.get().url("/sha256")))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> chunked = client.send(HttpRequest.newBuilder(URI.create(origin.get().url("/sha256")))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body))).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(fixed.body()).contains(BytePattern.sha256Hex(size)).contains(Integer.toString(size));
        assertThat(chunked.body()).contains(BytePattern.sha256Hex(size)).contains(Integer.toString(size));
    }

    @Test
    void framing_closeDelimitedOrChunkedUpstream_isChunkedForHttp11AndCloseDelimitedForHttp10() throws Exception {
        try (RawHttp client = new RawHttp(bifrost.httpProxy())) {
            RawHttp.Response r = client.send(get("/bytes/70000?close=true")).read();

            assertThat(r.header("transfer-encoding")).isEqualTo("chunked");
            assertThat(r.body()).isEqualTo(BytePattern.bytes(70000));
        }
        try (RawHttp client = new RawHttp(bifrost.httpProxy())) {
            client.send("GET " + origin.get().url("/bytes/70000?chunked=true") + " HTTP/1.0\r\n\r\n");
            RawHttp.Response r = client.read();

            assertThat(r.statusLine()).startsWith("HTTP/1.0 200");
            assertThat(r.header("transfer-encoding")).isNull();
            assertThat(r.header("content-length")).isNull();
            assertThat(r.body()).isEqualTo(BytePattern.bytes(70000));
        }
    }

    @Test
    void http10KeepAlive_staysOpenOnlyWhenAsked() throws Exception {
        try (RawHttp client = new RawHttp(bifrost.httpProxy())) {
            client.send("GET " + origin.get().url("/hello") + " HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
            RawHttp.Response first = client.read();
            client.send("GET " + origin.get().url("/hello") + " HTTP/1.0\r\n\r\n");
            RawHttp.Response second = client.read();

            assertThat(first.header("connection")).isEqualTo("keep-alive");
            assertThat(second.header("connection")).isEqualTo("close");
            assertThat(client.closedByPeer()).isTrue();
        }
    }

    @Test
    void hopByHop_removedBeforeForwarding_endToEndKept() throws Exception {
        try (RawHttp client = new RawHttp(bifrost.httpProxy())) {
            client.send("GET " + origin.get().url("/headers") + " HTTP/1.1\r\n"
                    + "Host: ignored.example\r\n"
                    + "Connection: X-Hop, keep-alive\r\n"
                    + "X-Hop: secret\r\n"
                    + "Keep-Alive: timeout=5\r\n"
                    + "Proxy-Connection: keep-alive\r\n"
                    + "Proxy-Authorization: Basic YWxpY2U6czNjcmV0\r\n"
                    + "TE: trailers\r\n"
                    + "Authorization: Bearer end-to-end\r\n"
                    + "Via: 1.0 fred\r\n"
                    + "\r\n").read();
        }
        RecordedRequest seen = origin.get().lastRequest().orElseThrow();
        assertThat(seen.header("x-hop").orElse(null)).isNull();
        assertThat(seen.header("keep-alive").orElse(null)).isNull();
        assertThat(seen.header("proxy-connection").orElse(null)).isNull();
        assertThat(seen.header("proxy-authorization").orElse(null)).isNull();
        assertThat(seen.header("te").orElse(null)).isNull();
        assertThat(seen.header("authorization").orElse(null)).isEqualTo("Bearer end-to-end");
        assertThat(seen.header("host").orElse(null)).isEqualTo(origin.get().authority());
        assertThat(seen.header("via").orElse(null)).isEqualTo("1.0 fred, 1.1 bifrost");
    }

    @Test
    void head_responseHasNoBody_connectionReusable() throws Exception {
        try (RawHttp client = new RawHttp(bifrost.httpProxy())) {
            client.send("HEAD " + origin.get().url("/bytes/5000") + " HTTP/1.1\r\nHost: x\r\n\r\n");
            RawHttp.Response head = client.read(true);
            RawHttp.Response next = client.send(get("/hello")).read();

            assertThat(head.header("content-length")).isEqualTo("5000");
            assertThat(next.bodyText()).isEqualTo("hello");
        }
    }

    @Test
    void record_completedRequest_isPublishedOnceWithCounters() throws Exception {
        jdkClient().send(HttpRequest.newBuilder(URI.create(origin.get().url("/hello"))).build(),
                HttpResponse.BodyHandlers.ofString());

        var completed = bifrost.events().await(io.bifrost.core.event.RequestCompleted.class, e -> true, 1,
                Duration.ofSeconds(5));
        var record = completed.get(0).record();
        assertThat(record.protocol()).isEqualTo(io.bifrost.core.traffic.Protocol.HTTP);
        assertThat(record.method()).isEqualTo("GET");
        assertThat(record.host()).isEqualTo("127.0.0.1");
        assertThat(record.path()).isEqualTo("/hello");
        assertThat(record.statusCode()).isEqualTo(200);
        assertThat(record.route()).isEqualTo("route-1");
        assertThat(record.backend()).isEqualTo("direct");
        assertThat(record.bytesSent()).isGreaterThan(5);
        assertThat(record.error()).isNull();
    }

    private static String get(String path) {
        return "GET " + origin.get().url(path) + " HTTP/1.1\r\nHost: x\r\n\r\n";
    }

    private static String sha256(InputStream in) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        byte[] buf = new byte[65536];
        for (int n; (n = in.read(buf)) > 0; ) {
            md.update(buf, 0, n);
        }
        return HexFormat.of().formatHex(md.digest());
    }
}
