package io.bifrost.testkit.upstream;

import static io.bifrost.testkit.support.Sockets.connect;
import static io.bifrost.testkit.support.Sockets.readHead;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bifrost.testkit.FakePorts;
import io.bifrost.testkit.FakeServerExtension;
import io.bifrost.testkit.clients.ClientVertx;
import io.bifrost.testkit.origin.BytePattern;
import io.bifrost.testkit.origin.FakeHttpOrigin;
import io.bifrost.testkit.origin.FakeTcpOrigin;
import io.bifrost.testkit.support.RawHttp;
import io.bifrost.testkit.support.Sockets;
import io.vertx.core.Promise;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.ProxyOptions;
import io.vertx.core.net.ProxyType;
import java.io.InputStream;
import java.net.ProxySelector;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class FakeHttpProxyIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @RegisterExtension
    static final FakeServerExtension<FakeHttpOrigin> HTTPS_ORIGIN = FakeServerExtension.of(FakeHttpOrigin.https());

    @RegisterExtension
    static final FakeServerExtension<FakeTcpOrigin> ECHO = FakeServerExtension.of(FakeTcpOrigin.echo());

    @RegisterExtension
    static final FakeServerExtension<FakeHttpProxy> FORWARDING = FakeServerExtension.of(FakeHttpProxy.forwarding());

    @RegisterExtension
    static final FakeServerExtension<FakeHttpProxy> GUARDED = FakeServerExtension.of(
            FakeHttpProxy.forwarding().requireCredentials("alice", "s3cret"));

    @Test
    void forwarding_jdkClientWithProxySelector_reachesTheHttpsOriginThroughATunnel() throws Exception {
        HttpClient client = HttpClient.newBuilder()
                .proxy(ProxySelector.of(FORWARDING.get().address()))
                .sslContext(HTTPS_ORIGIN.get().certificate().clientSslContext())
                .build();

        HttpResponse<String> response = client.send(
                HttpRequest.newBuilder(URI.create(HTTPS_ORIGIN.get().url("/hello"))).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.body()).isEqualTo("hello");
        RecordedConnect connect = FORWARDING.get().connects().get(0);
        assertThat(connect.target()).isEqualTo(HTTPS_ORIGIN.get().authority());
        assertThat(connect.addressType()).isEqualTo(AddressType.IPV4);
        assertThat(connect.requestHead()).startsWith("CONNECT " + HTTPS_ORIGIN.get().authority() + " HTTP/1.1\r\n")
                .endsWith("\r\n\r\n");
        assertThat(connect.username()).isNull();
    }

    @Test
    void forwarding_clientHalfCloses_getsTheWholeEchoAndTheOriginSawTheFin() throws Exception {
        byte[] payload = BytePattern.bytes(2_000_000);
        try (Socket socket = connect(FORWARDING.get().port())) {
            InputStream in = socket.getInputStream();
            String target = ECHO.get().authority();
            write(socket, "CONNECT " + target + " HTTP/1.1\r\nHost: " + target + "\r\n\r\n");
            assertThat(readHead(in)).isEqualTo("HTTP/1.1 200 Connection established\r\n\r\n");

            CompletableFuture<Void> writer =
                    CompletableFuture.runAsync(() -> Sockets.writeThenHalfClose(socket, payload));
            assertThat(RawHttp.readToEnd(in)).isEqualTo(payload);
            writer.join();
        }
        assertThat(ECHO.get().awaitConnections(1, TIMEOUT).get(0).clientSentFin()).isTrue();
    }

    @Test
    void forwarding_bytesRightAfterTheHead_reachTheTarget() throws Exception {
        try (Socket socket = connect(FORWARDING.get().port())) {
            write(socket, "CONNECT " + ECHO.get().authority() + " HTTP/1.1\r\n\r\nearly");
            InputStream in = socket.getInputStream();

            assertThat(readHead(in)).startsWith("HTTP/1.1 200 ");
            assertThat(new String(Sockets.readExactly(in, 5), StandardCharsets.US_ASCII)).isEqualTo("early");
        }
    }

    @Test
    void requireCredentials_vertxClientWithProxyOptions_isTunnelledAndRecorded() {
        try (ClientVertx clientVertx = new ClientVertx();
                FakeTcpOrigin greeting = FakeTcpOrigin.greeting("hi\r\n")) {
            greeting.startAndAwait();
            NetClient client = clientVertx.vertx().createNetClient(new NetClientOptions().setProxyOptions(
                    new ProxyOptions().setType(ProxyType.HTTP).setHost("127.0.0.1").setPort(GUARDED.get().port())
                            .setUsername("alice").setPassword("s3cret")));
            Promise<String> banner = Promise.promise();

            clientVertx.await(() -> client.connect(greeting.port(), "127.0.0.1")
                    .onSuccess(socket -> socket.handler(received -> banner.tryComplete(received.toString()))));

            assertThat(banner.future().await()).isEqualTo("hi\r\n");
        }
        assertThat(GUARDED.get().connects().get(0).username()).isEqualTo("alice");
        assertThat(GUARDED.get().auths()).containsExactly(new RecordedAuth("alice", true));
    }

    @Test
    void requireCredentials_missing_answers407WithABasicChallenge() throws Exception {
        String head = exchangeHead(GUARDED.get(), "CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n");

        assertThat(head).startsWith("HTTP/1.1 407 Proxy Authentication Required\r\n")
                .contains("Proxy-Authenticate: Basic realm=\"fake\"\r\n");
        RecordedConnect connect = GUARDED.get().connects().get(0);
        assertThat(connect.target()).isEqualTo("example.com:443");
        assertThat(connect.addressType()).isEqualTo(AddressType.DOMAIN);
        assertThat(connect.username()).isNull();
        assertThat(GUARDED.get().auths()).isEmpty();
    }

    @Test
    void requireCredentials_wrongPassword_answers407AndRecordsTheUser() throws Exception {
        String authorization = Base64.getEncoder().encodeToString("alice:wrong".getBytes(StandardCharsets.UTF_8));

        String head = exchangeHead(GUARDED.get(),
                "CONNECT example.com:443 HTTP/1.1\r\nProxy-Authorization: Basic " + authorization + "\r\n\r\n");

        assertThat(head).startsWith("HTTP/1.1 407 ");
        assertThat(GUARDED.get().auths()).containsExactly(new RecordedAuth("alice", false));
    }

    @Test
    void refusing_connect_answers403ByDefault() throws Exception {
        try (FakeHttpProxy proxy = FakeHttpProxy.refusing()) {
            proxy.startAndAwait();

            assertThat(exchangeHead(proxy, "CONNECT example.com:443 HTTP/1.1\r\n\r\n"))
                    .startsWith("HTTP/1.1 403 Forbidden\r\n").contains("Content-Length: 0\r\n");
        }
    }

    @Test
    void refusing_withRefuseWith503_answers503AndRecordsAnIpv6Target() throws Exception {
        try (FakeHttpProxy proxy = FakeHttpProxy.refusing().refuseWith(503)) {
            proxy.startAndAwait();

            assertThat(exchangeHead(proxy, "CONNECT [::1]:8443 HTTP/1.1\r\n\r\n")).startsWith("HTTP/1.1 503 ");
            RecordedConnect connect = proxy.connects().get(0);
            assertThat(connect.host()).isEqualTo("::1");
            assertThat(connect.addressType()).isEqualTo(AddressType.IPV6);
            assertThat(connect.target()).isEqualTo("[::1]:8443");
        }
    }

    @Test
    void forwarding_targetRefusesConnections_answers502() throws Exception {
        String request = "CONNECT 127.0.0.1:" + FakePorts.closedPort() + " HTTP/1.1\r\n\r\n";

        String head = exchangeHead(FORWARDING.get(), request);

        assertThat(head).startsWith("HTTP/1.1 502 Bad Gateway\r\n");
    }

    @Test
    void forwarding_absoluteFormGet_answers405() throws Exception {
        assertThat(exchangeHead(FORWARDING.get(), "GET http://example.com/ HTTP/1.1\r\nHost: example.com\r\n\r\n"))
                .startsWith("HTTP/1.1 405 ").contains("Allow: CONNECT\r\n");
        assertThat(FORWARDING.get().connects()).isEmpty();
    }

    @Test
    void unresponsive_connect_isAcceptedButNeverAnswered() throws Exception {
        try (FakeHttpProxy proxy = FakeHttpProxy.unresponsive();
                Socket socket = new Socket()) {
            proxy.startAndAwait();
            socket.connect(proxy.address());
            socket.setSoTimeout(300);
            write(socket, "CONNECT example.com:443 HTTP/1.1\r\n\r\n");

            assertThatThrownBy(() -> socket.getInputStream().read()).isInstanceOf(SocketTimeoutException.class);
            assertThat(proxy.connectionsAccepted()).isEqualTo(1);
            assertThat(proxy.connects()).isEmpty();
        }
    }

    @Test
    void requireCredentials_afterStart_isRejected() {
        assertThatThrownBy(() -> FORWARDING.get().requireCredentials("bob", "pw"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("after start()");
    }

    private static String exchangeHead(FakeHttpProxy proxy, String request) throws Exception {
        try (Socket socket = connect(proxy.port())) {
            write(socket, request);
            String head = readHead(socket.getInputStream());
            assertThat(socket.getInputStream().read()).as("connection closed after the answer").isEqualTo(-1);
            return head;
        }
    }

    private static void write(Socket socket, String text) throws Exception {
        socket.getOutputStream().write(text.getBytes(StandardCharsets.ISO_8859_1));
    }
}
