package io.bifrost.testkit.origin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bifrost.testkit.FakeServerExtension;
import io.bifrost.testkit.clients.ClientVertx;
import io.bifrost.testkit.support.RawHttp.RawResponse;
import io.bifrost.testkit.support.RawHttp;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class FakeHttpOriginIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @RegisterExtension
    static final FakeServerExtension<FakeHttpOrigin> ORIGIN = FakeServerExtension.of(FakeHttpOrigin.http()
            .handle("/custom", request -> request.response().setStatusCode(201).end("custom " + request.method())));

    private static ClientVertx clientVertx;
    private static HttpClient client;

    @BeforeAll
    static void createClient() {
        clientVertx = new ClientVertx();
        client = clientVertx.vertx().createHttpClient(new HttpClientOptions().setDefaultHost("127.0.0.1"));
    }

    @AfterAll
    static void closeClient() {
        clientVertx.close();
    }

    private static FakeHttpOrigin origin() {
        return ORIGIN.get();
    }

    @Test
    void hello_get_answersHelloAndRecordsTheRequest() {
        Received received = exchange(HttpMethod.GET, "/hello", null);

        assertThat(received.status()).isEqualTo(200);
        assertThat(received.body().toString()).isEqualTo("hello");
        RecordedRequest recorded = origin().requests().get(0);
        assertThat(recorded.method()).isEqualTo("GET");
        assertThat(recorded.uri()).isEqualTo("/hello");
        assertThat(recorded.version()).isEqualTo("HTTP/1.1");
        assertThat(recorded.header("host")).contains(origin().authority());
        assertThat(recorded.remoteAddress().getAddress().getHostAddress()).isEqualTo("127.0.0.1");
        assertThat(recorded.bodyBytes()).isZero();
    }

    @Test
    void bytes_fiftyMebibytes_streamsThePatternWithContentLength() {
        long length = 50L * 1024 * 1024;
        MessageDigest digest = BytePattern.sha256();
        long[] received = new long[1];

        String contentLength = clientVertx.await(() -> client
                .request(HttpMethod.GET, origin().port(), "127.0.0.1", "/bytes/" + length)
                .compose(request -> request.send())
                .compose(response -> response.handler(chunk -> {
                            digest.update(chunk.getBytes());
                            received[0] += chunk.length();
                        })
                        .end()
                        .map(v -> response.getHeader("Content-Length"))));

        assertThat(contentLength).isEqualTo(Long.toString(length));
        assertThat(received[0]).isEqualTo(length);
        assertThat(HexFormat.of().formatHex(digest.digest())).isEqualTo(BytePattern.sha256Hex(length));
    }

    @Test
    void bytes_chunkedTrue_usesChunkedFraming() {
        Received received = exchange(HttpMethod.GET, "/bytes/300000?chunked=true", null);

        assertThat(received.header("Transfer-Encoding")).isEqualTo("chunked");
        assertThat(received.header("Content-Length")).isNull();
        assertThat(received.body().getBytes()).isEqualTo(BytePattern.bytes(300_000));
    }

    @Test
    void bytes_closeTrue_delimitsTheBodyByClosingTheConnection() throws Exception {
        RawResponse response = RawHttp.exchangeUntilClose(origin().port(),
                "GET /bytes/100000?close=true HTTP/1.1\r\nHost: " + origin().authority() + "\r\n\r\n");

        assertThat(response.head()).startsWith("HTTP/1.1 200 OK\r\n");
        assertThat(response.head().toLowerCase()).doesNotContain("content-length").doesNotContain("transfer-encoding");
        assertThat(response.head().toLowerCase()).contains("connection: close");
        assertThat(response.body()).isEqualTo(BytePattern.bytes(100_000));
    }

    @Test
    void bytes_closeTrue_isReadToTheEndByAVertxClient() {
        Received received = exchange(HttpMethod.GET, "/bytes/70000?close=true", null);

        assertThat(received.body().getBytes()).isEqualTo(BytePattern.bytes(70_000));
    }

    @Test
    void echo_post_returnsTheBodyAndTheHeaders() {
        byte[] body = BytePattern.slice(17, 1_000_000);

        Received received = exchange(HttpMethod.POST, "/echo", Buffer.buffer(body));

        assertThat(received.status()).isEqualTo(200);
        assertThat(received.body().getBytes()).isEqualTo(body);
        assertThat(received.header("Content-Length")).isEqualTo("1000000");
        assertThat(received.header("X-Echo-Content-Length")).isEqualTo("1000000");
        assertThat(received.header("X-Echo-Host")).isEqualTo(origin().authority());
        assertThat(origin().requests().get(0).bodyBytes()).isEqualTo(1_000_000);
    }

    @Test
    void headers_mixedCaseNames_keepsOrderAndCaseInJsonAndRecord() throws Exception {
        RawResponse response = RawHttp.exchangeUntilClose(origin().port(), "GET /headers HTTP/1.1\r\n"
                + "Host: x\r\nX-First: 1\r\nx-SeCoNd: 2\r\nX-First: 3\r\nConnection: close\r\n\r\n");

        JsonObject json = new JsonObject(Buffer.buffer(response.body()));
        assertThat(json.getJsonArray("headers").encode()).isEqualTo("[[\"Host\",\"x\"],[\"X-First\",\"1\"],"
                + "[\"x-SeCoNd\",\"2\"],[\"X-First\",\"3\"],[\"Connection\",\"close\"]]");
        assertThat(origin().requests().get(0).headers()).containsExactly(
                new Header("Host", "x"), new Header("X-First", "1"), new Header("x-SeCoNd", "2"),
                new Header("X-First", "3"), new Header("Connection", "close"));
        assertThat(origin().requests().get(0).headerValues("x-first")).containsExactly("1", "3");
    }

    @Test
    void sha256_upload_answersLengthAndDigestOfTheBody() {
        byte[] body = BytePattern.bytes(3_000_000);

        Received received = exchange(HttpMethod.POST, "/sha256", Buffer.buffer(body));

        JsonObject json = new JsonObject(received.body());
        assertThat(json.getLong("bytes")).isEqualTo(3_000_000L);
        assertThat(json.getString("sha256")).isEqualTo(BytePattern.sha256Hex(3_000_000));
    }

    @Test
    void status_503_answersThatStatus() {
        assertThat(exchange(HttpMethod.GET, "/status/503", null).status()).isEqualTo(503);
    }

    @Test
    void status_outOfRange_answers400() {
        assertThat(exchange(HttpMethod.GET, "/status/99", null).status()).isEqualTo(400);
    }

    @Test
    void delay_150ms_answersNoSooner() {
        long started = System.nanoTime();

        Received received = exchange(HttpMethod.GET, "/delay/150", null);

        assertThat(received.body().toString()).isEqualTo("delayed 150 ms");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(150));
    }

    @Test
    void unknownPath_answers404() {
        assertThat(exchange(HttpMethod.GET, "/nope", null).status()).isEqualTo(404);
    }

    @Test
    void customHandler_registeredPath_replacesTheBuiltIns() {
        Received received = exchange(HttpMethod.PUT, "/custom", Buffer.buffer("xyz"));

        assertThat(received.status()).isEqualTo(201);
        assertThat(received.body().toString()).isEqualTo("custom PUT");
        List<RecordedRequest> recorded = origin().awaitRequests(1, TIMEOUT);
        assertThat(recorded.get(0).method()).isEqualTo("PUT");
    }

    @Test
    void url_path_pointsAtTheBoundPort() {
        assertThat(origin().url("/hello?x=1")).isEqualTo("http://127.0.0.1:" + origin().port() + "/hello?x=1");
    }

    @Test
    void stop_calledTwice_completesBothTimesAndStartIsRefusedAfterwards() {
        FakeHttpOrigin origin = FakeHttpOrigin.http();
        origin.startAndAwait();

        origin.close();
        origin.close();

        assertThatThrownBy(origin::startAndAwait)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already started");
    }

    private static Received exchange(HttpMethod method, String uri, Buffer body) {
        RequestOptions options = new RequestOptions().setMethod(method).setPort(origin().port()).setURI(uri);
        return clientVertx.await(() -> client.request(options)
                .compose(request -> body == null ? request.send() : request.send(body))
                .compose(response -> response.body().map(b -> new Received(response, b))));
    }

    private record Received(HttpClientResponse response, Buffer body) {
        int status() {
            return response.statusCode();
        }

        String header(String name) {
            return response.getHeader(name);
        }
    }
}
