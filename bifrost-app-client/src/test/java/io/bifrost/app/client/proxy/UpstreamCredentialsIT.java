package io.bifrost.app.client.proxy;

import static io.bifrost.testkit.client.BifrostClientExtension.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.bifrost.testkit.FakeServerExtension;
import io.bifrost.testkit.client.BifrostClientExtension;
import io.bifrost.testkit.client.ClientTestConfigs;
import io.bifrost.testkit.origin.FakeTcpOrigin;
import io.bifrost.testkit.upstream.FakeHttpProxy;
import io.bifrost.testkit.upstream.FakeSocks5Proxy;
import io.bifrost.testkit.upstream.RecordedAuth;
import io.bifrost.testkit.upstream.RecordedConnect;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * [PRX-122]: the client presents each upstream's own credentials, {@code Proxy-Authorization: Basic} to an HTTP
 * server and RFC 1929 to a SOCKS5 one, for the {@code server} section ({@code default}) and for a selected named
 * server ([CAPI-040]). Rejected credentials are final, not retried ([PRX-123]), and reach the local client as
 * [PRX-124] and [PRX-100] say.
 */
class UpstreamCredentialsIT {
    @RegisterExtension
    @Order(1)
    static final FakeServerExtension<FakeTcpOrigin> echo = FakeServerExtension.of(FakeTcpOrigin.echo());

    @RegisterExtension
    @Order(1)
    static final FakeServerExtension<FakeHttpProxy> httpServer =
            FakeServerExtension.of(FakeHttpProxy.forwarding().requireCredentials("alice", "http-secret"));

    @RegisterExtension
    @Order(1)
    static final FakeServerExtension<FakeSocks5Proxy> socksServer =
            FakeServerExtension.of(FakeSocks5Proxy.forwarding().requireCredentials("bob", "socks-secret"));

    @RegisterExtension
    @Order(2)
    final BifrostClientExtension client = BifrostClientExtension.withConfig(
            () -> config("http-secret", "socks-secret"));

    /** {@code default}: the HTTP server as alice; {@code socks}: the SOCKS5 server as bob; everything via a server. */
    private static String config(String alicePassword, String bobPassword) {
        return ClientTestConfigs.client("""
                server:
                  address: "%s"
                  protocol: http
                  username: alice
                  password: "%s"
                  timeout: "2s"
                  retry_count: 2
                  retry_delay: "100ms"
                servers:
                  - name: socks
                    address: "%s"
                    protocol: socks5
                    username: bob
                    password: "%s"
                routes:
                  - domains: ["*"]
                    action: server
                """.formatted(httpServer.get().authority(), alicePassword, socksServer.get().authority(),
                bobPassword));
    }

    private static String target() {
        return "127.0.0.1:" + echo.get().port();
    }

    @BeforeEach
    void forgetEarlierTests() {
        httpServer.get().clearRecords();
        socksServer.get().clearRecords();
    }

    @Test
    void defaultHttpServer_getsProxyAuthorizationBasicWithItsCredentials() throws Exception {
        try (Wire wire = new Wire(client.httpProxy())) {
            assertThat(wire.connect(target()).status()).isEqualTo(200);
            assertThat(wire.echo("as alice")).isEqualTo("as alice");
        }

        RecordedConnect connect = httpServer.get().awaitConnects(1, Duration.ofSeconds(5)).get(0);
        assertThat(connect.target()).isEqualTo(target());
        assertThat(connect.username()).isEqualTo("alice");
        assertThat(connect.requestHead()).contains("\r\nProxy-Authorization: Basic " + basic("alice", "http-secret")
                + "\r\n");
        assertThat(httpServer.get().auths()).containsExactly(new RecordedAuth("alice", true));
        assertThat(socksServer.get().connects()).isEmpty();
    }

    @Test
    void selectedSocks5Server_getsRfc1929WithItsOwnCredentials() throws Exception {
        await(client.control().select("socks"));

        try (Wire wire = new Wire(client.socks5Proxy())) {
            assertThat(wire.socks5("127.0.0.1", echo.get().port()).rep()).isZero();
            assertThat(wire.echo("as bob")).isEqualTo("as bob");
        }
        try (Wire wire = new Wire(client.httpProxy())) {
            assertThat(wire.connect(target()).status()).isEqualTo(200);
        }

        assertThat(socksServer.get().awaitConnects(2, Duration.ofSeconds(5)))
                .extracting(RecordedConnect::username, RecordedConnect::target)
                .containsOnly(tuple("bob", target()));
        assertThat(socksServer.get().auths()).containsOnly(new RecordedAuth("bob", true)).hasSize(2);
        assertThat(httpServer.get().connects()).isEmpty(); // alice's server is not the one in use
    }

    @Test
    void httpServerRejectsTheCredentials_its407IsRelayedToHttpClientsAndIs0x02ForSocks5() throws Exception {
        client.restart(config("wrong", "socks-secret"));

        try (Wire wire = new Wire(client.httpProxy())) {
            Wire.Response response = wire.connect(target());

            assertThat(response.statusLine()).isEqualTo("HTTP/1.1 407 Proxy Authentication Required");
            // hop-by-hop ([PRX-040]): the challenge is the client's to answer, not its local client's ([PRX-120])
            assertThat(response.header("proxy-authenticate")).isNull();
            assertThat(response.header("connection")).isEqualTo("close");
        }
        try (Wire wire = new Wire(client.socks5Proxy())) {
            assertThat(wire.socks5("127.0.0.1", echo.get().port()).rep()).isEqualTo(0x02);
        }

        assertThat(httpServer.get().awaitConnects(2, Duration.ofSeconds(5))).hasSize(2); // one attempt each
        assertThat(httpServer.get().auths()).containsExactly(new RecordedAuth("alice", false),
                new RecordedAuth("alice", false));
    }

    @Test
    void socks5ServerRejectsTheCredentials_isUpstreamAuthFailed() throws Exception {
        client.restart(config("http-secret", "wrong"));
        await(client.control().select("socks"));

        try (Wire wire = new Wire(client.httpProxy())) {
            Wire.Response response = wire.connect(target());

            assertThat(response.status()).isEqualTo(502); // [PRX-100]: upstream_auth_failed
            assertThat(response.header("x-bifrost-error")).isEqualTo("upstream_auth_failed");
        }
        try (Wire wire = new Wire(client.socks5Proxy())) {
            assertThat(wire.socks5("127.0.0.1", echo.get().port()).rep()).isEqualTo(0x01);
        }

        assertThat(socksServer.get().auths()).containsExactly(new RecordedAuth("bob", false),
                new RecordedAuth("bob", false)); // one attempt each: a rejection is an answer
        assertThat(socksServer.get().connects()).isEmpty(); // never got past authentication
    }

    private static String basic(String user, String password) {
        return Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
