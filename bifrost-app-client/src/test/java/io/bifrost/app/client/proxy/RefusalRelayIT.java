package io.bifrost.app.client.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.bifrost.core.client.DebugEntry;
import io.bifrost.testkit.FakeServerExtension;
import io.bifrost.testkit.client.BifrostClientExtension;
import io.bifrost.testkit.client.ClientTestConfigs;
import io.bifrost.testkit.origin.FakeTcpOrigin;
import io.bifrost.testkit.server.BifrostServerExtension;
import io.bifrost.testkit.server.TestConfigs;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * [PRX-124]: the server refuses the destination ({@code no_route}); an HTTP server's refusal reaches HTTP clients
 * unchanged and SOCKS5 clients as {@code REP 0x02}; a SOCKS5 server's {@code REP} reaches SOCKS5 clients unchanged and
 * HTTP clients as 403 {@code access_denied}.
 */
class RefusalRelayIT {
    @RegisterExtension
    @Order(1)
    static final FakeServerExtension<FakeTcpOrigin> echo = FakeServerExtension.of(FakeTcpOrigin.echo());

    /** Routes only {@code localhost}: {@code 127.0.0.1} has no route on the server. */
    @RegisterExtension
    @Order(2)
    static final BifrostServerExtension server = BifrostServerExtension.withConfig(() -> TestConfigs.server("""
            backends:
              - name: direct
                type: direct
            routes:
              - domains: ["localhost"]
                backend: direct
            """));

    private static final String ALL_TO_SERVER = """
            routes:
              - domains: ["*"]
                action: server
            """;

    @RegisterExtension
    @Order(3)
    static final BifrostClientExtension viaHttp = BifrostClientExtension.withConfig(() -> ClientTestConfigs.client(
            ClientTestConfigs.server(server.httpProxy(), "http") + ALL_TO_SERVER));

    @RegisterExtension
    @Order(3)
    static final BifrostClientExtension viaSocks5 = BifrostClientExtension.withConfig(() -> ClientTestConfigs.client(
            ClientTestConfigs.server(server.socks5Proxy(), "socks5") + ALL_TO_SERVER));

    private static String unrouted() {
        return "127.0.0.1:" + echo.get().port();
    }

    @Test
    void httpServer_connectRefused_localClientGetsTheServersResponseUnchanged() throws Exception {
        Wire.Response fromServer;
        try (Wire direct = new Wire(server.httpProxy())) {
            fromServer = direct.connect(unrouted());
        }
        try (Wire wire = new Wire(viaHttp.httpProxy())) {
            Wire.Response relayed = wire.connect(unrouted());

            assertThat(relayed.statusLine()).isEqualTo("HTTP/1.1 403 Forbidden");
            assertThat(relayed.header("x-bifrost-error")).isEqualTo("no_route");
            assertThat(relayed.header("proxy-status")).isEqualTo(fromServer.header("proxy-status"))
                    .contains("error=http_request_denied");
            assertThat(relayed.body()).isEqualTo(fromServer.body())
                    .isEqualTo("Bifrost: no route for host \"127.0.0.1\"\n");
            assertThat(relayed.header("connection")).isEqualTo("close");
            assertThat(wire.closedByPeer()).isTrue();
        }
        DebugEntry entry = DebugEntries.awaitError(viaHttp, "no_route: ");
        assertThat(entry.record().statusCode()).isEqualTo(403);
    }

    @Test
    void httpServer_plainHttpRefused_relayedToo() throws Exception {
        try (Wire wire = new Wire(viaHttp.httpProxy())) {
            wire.send("GET http://" + unrouted() + "/x HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
            Wire.Response relayed = wire.response();

            assertThat(relayed.status()).isEqualTo(403);
            assertThat(relayed.header("x-bifrost-error")).isEqualTo("no_route");
            assertThat(relayed.header("connection")).isEqualTo("close");
        }
    }

    @Test
    void httpServer_socks5LocalClient_getsNotAllowed() throws Exception {
        try (Wire wire = new Wire(viaHttp.socks5Proxy())) {
            assertThat(wire.socks5("127.0.0.1", echo.get().port()).rep()).isEqualTo(0x02);
        }
    }

    @Test
    void socks5Server_socks5LocalClient_getsTheServersRepUnchanged() throws Exception {
        try (Wire wire = new Wire(viaSocks5.socks5Proxy())) {
            assertThat(wire.socks5("127.0.0.1", echo.get().port()).rep()).isEqualTo(0x02);
        }
    }

    @Test
    void socks5Server_httpLocalClient_getsAccessDenied() throws Exception {
        try (Wire wire = new Wire(viaSocks5.httpProxy())) {
            Wire.Response response = wire.connect(unrouted());

            assertThat(response.status()).isEqualTo(403);
            assertThat(response.header("x-bifrost-error")).isEqualTo("access_denied");
        }
    }

    @Test
    void socks5Server_allowedDestination_tunnels() throws Exception {
        try (Wire wire = new Wire(viaSocks5.socks5Proxy())) {
            assertThat(wire.socks5("localhost", echo.get().port()).rep()).isZero();
            assertThat(wire.echo("via socks5 server")).isEqualTo("via socks5 server");
        }
    }
}
