package io.bifrost.app.server.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.bifrost.adapters.vertx.proxy.http.OriginTls;
import io.bifrost.core.event.ConnectionClosed;
import io.bifrost.core.event.ConnectionOpened;
import io.bifrost.core.event.RequestCompleted;
import io.bifrost.core.traffic.Protocol;
import io.bifrost.testkit.FakeServerExtension;
import io.bifrost.testkit.origin.BytePattern;
import io.bifrost.testkit.origin.FakeHttpOrigin;
import io.bifrost.testkit.origin.FakeTcpOrigin;
import io.bifrost.testkit.origin.TcpOriginMode;
import io.bifrost.testkit.server.BifrostServerExtension;
import io.bifrost.testkit.server.TestConfigs;
import java.io.InputStream;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.extension.RegisterExtension;

/** CONNECT tunnels ([PRX-050]-[PRX-058]) and https:// forwarding ([PRX-022]). */
class ConnectTunnelIT {
    private static final String ESTABLISHED = "HTTP/1.1 200 Connection established\r\n\r\n";

    @RegisterExtension
    @Order(1)
    static final FakeServerExtension<FakeHttpOrigin> https = FakeServerExtension.of(FakeHttpOrigin.https());

    @RegisterExtension
    @Order(1)
    static final FakeServerExtension<FakeTcpOrigin> echo = FakeServerExtension.of(FakeTcpOrigin.echo());

    @RegisterExtension
    @Order(1)
    static final FakeServerExtension<FakeTcpOrigin> greeting = FakeServerExtension.of(FakeTcpOrigin.greeting());

    @RegisterExtension
    @Order(1)
    static final FakeServerExtension<FakeTcpOrigin> sink =
            FakeServerExtension.of(FakeTcpOrigin.create(TcpOriginMode.SINK_AND_REPORT));

    @RegisterExtension
    @Order(2)
    static final BifrostServerExtension bifrost = BifrostServerExtension.withConfig(TestConfigs::directEverywhere)
            .options(o -> o.withOriginTls(OriginTls.trusting(https.get().certificate().trustManager())));

    @Test
    void connect_jdkHttpsClient_getsOriginBody() throws Exception {
        HttpClient client = HttpClient.newBuilder().proxy(ProxySelector.of(bifrost.httpProxy()))
                .sslContext(https.get().certificate().clientSslContext()).build();

        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(https.get().url("/hello")))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("hello");
    }

    @Test
    void connect_tlsDownloadOfThirtyMebibytes_isIntact() throws Exception {
        int size = 30 * 1024 * 1024;
        HttpClient client = HttpClient.newBuilder().proxy(ProxySelector.of(bifrost.httpProxy()))
                .sslContext(https.get().certificate().clientSslContext()).build();

        HttpResponse<InputStream> response = client.send(HttpRequest.newBuilder(
                URI.create(https.get().url("/bytes/" + size))).build(), HttpResponse.BodyHandlers.ofInputStream());

        assertThat(sha256(response.body())).isEqualTo(BytePattern.sha256Hex(size));
    }

    @Test
    void connect_earlyDataAndHalfClose_deliveredInOrderAndFinPropagated() throws Exception {
        try (RawHttp client = new RawHttp(bifrost.httpProxy())) {
            client.send("CONNECT 127.0.0.1:" + echo.get().port() + " HTTP/1.1\r\nHost: x\r\n\r\nearly-bytes|");
            client.send("later-bytes");
            client.shutdownOutput();

            String all = new String(client.readToEnd(), StandardCharsets.ISO_8859_1);

            assertThat(all).isEqualTo(ESTABLISHED + "early-bytes|later-bytes");
        }
        assertThat(echo.get().awaitConnections(1, Duration.ofSeconds(5)).get(0).clientSentFin()).isTrue();
    }

    @Test
    void connect_serverSpeaksFirst_bannerFollowsTheReply() throws Exception {
        try (RawHttp client = new RawHttp(bifrost.httpProxy())) {
            client.send("CONNECT 127.0.0.1:" + greeting.get().port() + " HTTP/1.0\r\n\r\n");
            byte[] expected = ("HTTP/1.0 200 Connection established\r\n\r\n" + FakeTcpOrigin.DEFAULT_BANNER)
                    .getBytes(StandardCharsets.ISO_8859_1);

            assertThat(client.input().readNBytes(expected.length)).isEqualTo(expected);
        }
    }

    @Test
    void connect_uploadOfThirtyMebibytes_countedByTheOrigin() throws Exception {
        int size = 30 * 1024 * 1024;
        try (RawHttp client = new RawHttp(bifrost.httpProxy())) {
            client.send("CONNECT 127.0.0.1:" + sink.get().port() + " HTTP/1.1\r\n\r\n");
            CompletableFuture<byte[]> reading = CompletableFuture.supplyAsync(() -> {
                try {
                    return client.readToEnd();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            byte[] chunk = BytePattern.bytes(1024 * 1024);
            for (int i = 0; i < 30; i++) {
                client.send(chunk);
            }
            client.shutdownOutput();

            String all = new String(reading.get(30, TimeUnit.SECONDS), StandardCharsets.ISO_8859_1);

            assertThat(all).isEqualTo(ESTABLISHED + size + "\n");
        }
    }

    @Test
    void connect_tunnelEnd_isRecordedOnceWithConnectionEvents() throws Exception {
        try (RawHttp client = new RawHttp(bifrost.httpProxy())) {
            client.send("CONNECT 127.0.0.1:" + echo.get().port() + " HTTP/1.1\r\n\r\nping");
            client.shutdownOutput();
            client.readToEnd();
        }
        RequestCompleted done = bifrost.events().await(RequestCompleted.class, e -> true, 1, Duration.ofSeconds(5))
                .get(0);
        assertThat(done.record().protocol()).isEqualTo(Protocol.CONNECT);
        assertThat(done.record().method()).isEqualTo("CONNECT");
        assertThat(done.record().statusCode()).isEqualTo(200);
        assertThat(done.record().url()).isEqualTo("127.0.0.1:" + echo.get().port());
        assertThat(done.record().bytesSent()).isEqualTo(ESTABLISHED.length() + 4);
        var opened = bifrost.events().await(ConnectionOpened.class, e -> true, 1, Duration.ofSeconds(5)).get(0);
        var closed = bifrost.events().await(ConnectionClosed.class, e -> true, 1, Duration.ofSeconds(5)).get(0);
        assertThat(closed.connection().id()).isEqualTo(opened.connection().id());
        assertThat(opened.connection().id()).matches("\\d{14}-\\d+");
        assertThat(closed.connection().bytesSent()).isEqualTo(ESTABLISHED.length() + 4);
    }

    @Test
    void httpsAbsoluteForm_trustedOrigin_forwardedOverTls() throws Exception {
        try (RawHttp client = new RawHttp(bifrost.httpProxy())) {
            RawHttp.Response r = client.send("GET " + https.get().url("/hello") + " HTTP/1.1\r\nHost: x\r\n\r\n")
                    .read();

            assertThat(r.status()).isEqualTo(200);
            assertThat(r.bodyText()).isEqualTo("hello");
        }
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
