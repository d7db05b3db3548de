package io.bifrost.app.server.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.bifrost.adapters.vertx.auth.BcryptPasswordVerifier;
import io.bifrost.testkit.FakeServerExtension;
import io.bifrost.testkit.origin.FakeHttpOrigin;
import io.bifrost.testkit.origin.FakeTcpOrigin;
import io.bifrost.testkit.server.BifrostServerExtension;
import io.bifrost.testkit.server.TestConfigs;
import io.bifrost.testkit.upstream.FakeHttpProxy;
import io.bifrost.testkit.upstream.FakeSocks5Proxy;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.stream.Stream;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The scenario matrix of the style guide (5.9): {HTTP forward, CONNECT, SOCKS5} × {allowed, denied, auth failure,
 * upstream refusing, upstream unresponsive}, each answered as [PRX-100] says, on real sockets.
 */
class ScenarioMatrixIT {
    private static final String PASSWORD = "s3cret";
    private static final String HASH = BcryptPasswordVerifier.hash(PASSWORD, 4);

    @RegisterExtension
    @Order(1)
    static final FakeServerExtension<FakeHttpOrigin> web = FakeServerExtension.of(FakeHttpOrigin.http());

    @RegisterExtension
    @Order(1)
    static final FakeServerExtension<FakeTcpOrigin> echo = FakeServerExtension.of(FakeTcpOrigin.echo());

    @RegisterExtension
    @Order(1)
    static final FakeServerExtension<FakeHttpProxy> refusing = FakeServerExtension.of(FakeHttpProxy.refusing());

    @RegisterExtension
    @Order(1)
    static final FakeServerExtension<FakeSocks5Proxy> unresponsive =
            FakeServerExtension.of(FakeSocks5Proxy.unresponsive());

    @RegisterExtension
    @Order(2)
    static final BifrostServerExtension bifrost = BifrostServerExtension.withConfig(() -> TestConfigs.server("""
            backends:
              - name: direct
                type: direct
              - name: refusing
                type: http_proxy
                config:
                  address: "127.0.0.1:%d"
              - name: unresponsive
                type: socks5_proxy
                config:
                  address: "127.0.0.1:%d"
                  connect_timeout: "1s"
            routes:
              - name: origins
                domains: ["127.0.0.1"]
                backend: direct
              - name: refused-upstream
                domains: ["*.refusing.test"]
                backend: refusing
              - name: silent-upstream
                domains: ["*.unresponsive.test"]
                backend: unresponsive
            auth:
              providers:
                - name: staff
                  type: native
                  config:
                    users:
                      - username: alice
                        password_hash: "%s"
            """.formatted(refusing.get().port(), unresponsive.get().port(), HASH)));

    enum Protocol { HTTP, CONNECT, SOCKS5 }

    /** What each cell expects: HTTP status and X-Bifrost-Error, or the SOCKS5 reply byte. */
    enum Outcome {
        ALLOWED(200, null, 0x00),
        DENIED(403, "no_route", 0x02),
        AUTH_FAILURE(407, "auth_failed", -1),
        UPSTREAM_REFUSING(502, "upstream_proxy_error", 0x01),
        UPSTREAM_UNRESPONSIVE(504, "connection_timeout", 0x04);

        final int status;
        final String error;
        final int socksReply;

        Outcome(int status, String error, int socksReply) {
            this.status = status;
            this.error = error;
            this.socksReply = socksReply;
        }
    }

    static Stream<Arguments> matrix() {
        return Stream.of(Protocol.values())
                .flatMap(p -> Stream.of(Outcome.values()).map(o -> Arguments.of(p, o)));
    }

    @ParameterizedTest(name = "{0} × {1}")
    @MethodSource("matrix")
    void request_answersAsTheFailureMappingSays(Protocol protocol, Outcome outcome) throws Exception {
        String password = outcome == Outcome.AUTH_FAILURE ? "wrong" : PASSWORD;
        String host = switch (outcome) {
            case ALLOWED, AUTH_FAILURE -> "127.0.0.1";
            case DENIED -> "files.example.org";
            case UPSTREAM_REFUSING -> "api.refusing.test";
            case UPSTREAM_UNRESPONSIVE -> "api.unresponsive.test";
        };
        switch (protocol) {
            case HTTP -> http(host, password, outcome);
            case CONNECT -> connect(host, password, outcome);
            case SOCKS5 -> socks5(host, password, outcome);
        }
    }

    private void http(String host, String password, Outcome outcome) throws IOException {
        String target = host.equals("127.0.0.1") ? web.get().url("/hello") : "http://" + host + "/hello";
        try (RawHttp client = new RawHttp(bifrost.httpProxy())) {
            RawHttp.Response r = client.send("GET " + target + " HTTP/1.1\r\nHost: x\r\n"
                    + "Proxy-Authorization: " + basic(password) + "\r\n\r\n").read();

            assertThat(r.status()).isEqualTo(outcome.status);
            assertThat(r.header("x-bifrost-error")).isEqualTo(outcome.error);
            if (outcome == Outcome.ALLOWED) {
                assertThat(r.bodyText()).isEqualTo("hello");
            } else {
                assertThat(r.bodyText()).startsWith("Bifrost: ").endsWith("\n");
            }
        }
    }

    private void connect(String host, String password, Outcome outcome) throws IOException {
        int port = host.equals("127.0.0.1") ? echo.get().port() : 443;
        try (RawHttp client = new RawHttp(bifrost.httpProxy())) {
            client.send("CONNECT " + host + ":" + port + " HTTP/1.1\r\nProxy-Authorization: " + basic(password)
                    + "\r\n\r\n");
            if (outcome == Outcome.ALLOWED) {
                client.send("echo me");
                client.shutdownOutput();
                assertThat(new String(client.readToEnd(), StandardCharsets.ISO_8859_1))
                        .isEqualTo("HTTP/1.1 200 Connection established\r\n\r\necho me");
                return;
            }
            RawHttp.Response r = client.read();
            assertThat(r.status()).isEqualTo(outcome.status);
            assertThat(r.header("x-bifrost-error")).isEqualTo(outcome.error);
            if (outcome.status == 407) {
                assertThat(r.header("connection")).isEqualTo("keep-alive"); // [PRX-051]: retry on this connection
            } else {
                assertThat(r.header("connection")).isEqualTo("close");
                assertThat(client.closedByPeer()).isTrue();
            }
        }
    }

    private void socks5(String host, String password, Outcome outcome) throws IOException {
        int port = host.equals("127.0.0.1") ? echo.get().port() : 443;
        try (Socket s = new Socket(bifrost.socks5Proxy().getAddress(), bifrost.socks5Proxy().getPort())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            InputStream in = s.getInputStream();
            out.write(new byte[] {5, 1, 2});
            assertThat(in.readNBytes(2)).containsExactly(5, 2);
            byte[] user = "alice".getBytes(StandardCharsets.UTF_8);
            byte[] pass = password.getBytes(StandardCharsets.UTF_8);
            out.write(1);
            out.write(user.length);
            out.write(user);
            out.write(pass.length);
            out.write(pass);
            if (outcome == Outcome.AUTH_FAILURE) {
                assertThat(in.readNBytes(2)).containsExactly(1, 1); // RFC 1929 failure, then close
                assertThat(in.read()).isEqualTo(-1);
                return;
            }
            assertThat(in.readNBytes(2)).containsExactly(1, 0);
            byte[] name = host.getBytes(StandardCharsets.US_ASCII);
            out.write(new byte[] {5, 1, 0, 3, (byte) name.length});
            out.write(name);
            out.write(new byte[] {(byte) (port >> 8), (byte) port});
            byte[] reply = in.readNBytes(10);
            assertThat(reply[0]).isEqualTo((byte) 5);
            assertThat(reply[1] & 0xff).isEqualTo(outcome.socksReply);
            if (outcome == Outcome.ALLOWED) {
                out.write("echo me".getBytes(StandardCharsets.US_ASCII));
                s.shutdownOutput();
                assertThat(new String(in.readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("echo me");
            } else {
                assertThat(reply).containsExactly(5, outcome.socksReply, 0, 1, 0, 0, 0, 0, 0, 0); // [PRX-076]
                assertThat(in.read()).isEqualTo(-1);
            }
        }
    }

    private static String basic(String password) {
        return "Basic " + Base64.getEncoder().encodeToString(("alice:" + password).getBytes(StandardCharsets.UTF_8));
    }
}
