package io.bifrost.app.client.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.bifrost.core.client.DebugEntry;
import io.bifrost.core.config.ClientRouteConfig.Action;
import io.bifrost.testkit.FakeServerExtension;
import io.bifrost.testkit.client.BifrostClientExtension;
import io.bifrost.testkit.client.ClientTestConfigs;
import io.bifrost.testkit.origin.FakeHttpOrigin;
import io.bifrost.testkit.origin.FakeTcpOrigin;
import java.io.IOException;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The server goes away and comes back on the same port ([PRX-123], [PRX-126], [CAPI-010]): {@code server} routes fail
 * with the last attempt's failure after the configured retries, {@code direct} routes never notice, and traffic flows
 * through the server again without restarting the client.
 */
class ServerOutageIT {
    @RegisterExtension
    @Order(1)
    static final FakeServerExtension<FakeHttpOrigin> origin = FakeServerExtension.of(FakeHttpOrigin.http());

    @RegisterExtension
    @Order(1)
    static final FakeServerExtension<FakeTcpOrigin> echo = FakeServerExtension.of(FakeTcpOrigin.echo());

    @RegisterExtension
    @Order(2)
    static final RestartableServer server = new RestartableServer();

    @RegisterExtension
    @Order(3)
    static final BifrostClientExtension client = BifrostClientExtension.withConfig(() -> ClientTestConfigs.client(
            ClientTestConfigs.server(server.httpProxy(), "http") + """
            routes:
              - domains: ["localhost"]
                action: direct
                priority: 10
              - domains: ["*"]
                action: server
            """));

    private static Wire.Response get(String host) throws IOException {
        try (Wire wire = new Wire(client.httpProxy())) {
            wire.send("GET http://" + host + ":" + origin.get().port() + "/hello HTTP/1.1\r\nHost: " + host
                    + "\r\nConnection: close\r\n\r\n");
            return wire.response();
        }
    }

    private static int socks5Rep(String host) throws IOException {
        try (Wire wire = new Wire(client.socks5Proxy())) {
            return wire.socks5(host, echo.get().port()).rep();
        }
    }

    @Test
    void serverStoppedThenRestarted_serverRoutesFailAndRecover_directRoutesUnaffected() throws Exception {
        assertThat(get("127.0.0.1").status()).isEqualTo(200);

        server.stop();
        Wire.Response refused = get("127.0.0.1");

        // [PRX-126] last row: the last attempt's failure as [PRX-100] maps it
        assertThat(refused.status()).isEqualTo(502);
        assertThat(refused.header("x-bifrost-error")).isEqualTo("connection_refused");
        assertThat(refused.body()).contains("upstream proxy " + hostPort(server.httpProxy()));
        assertThat(socks5Rep("127.0.0.1")).isEqualTo(0x05);
        assertThat(get("localhost").status()).isEqualTo(200);
        DebugEntry error = DebugEntries.awaitError(client, "connection_refused: ");
        assertThat(error.action()).isEqualTo(Action.SERVER);
        assertThat(client.control().serverConnected()).isFalse();
        assertThat(client.control().degraded()).isTrue();

        // [PRX-123]: while the server is down, something on its port that hangs up counts the attempts
        HangUpServer standIn = new HangUpServer(server.httpProxy().getPort());
        BifrostClientExtension.await(standIn.start());
        try {
            Wire.Response hungUp = get("127.0.0.1");

            assertThat(hungUp.status()).isEqualTo(502);
            assertThat(hungUp.header("x-bifrost-error")).isEqualTo("upstream_proxy_error");
            assertThat(standIn.attempts()).isEqualTo(3); // retry_count 2 (ClientTestConfigs.server), + 1
        } finally {
            BifrostClientExtension.await(standIn.stop());
        }

        server.start();

        assertThat(get("127.0.0.1").status()).isEqualTo(200);
        assertThat(socks5Rep("127.0.0.1")).isZero();
        assertThat(client.control().serverConnected()).isTrue();
        assertThat(client.control().degraded()).isFalse();
    }

    private static String hostPort(InetSocketAddress a) {
        return a.getHostString() + ":" + a.getPort();
    }
}
