package io.bifrost.app.client.proxy;

import static io.bifrost.testkit.client.BifrostClientExtension.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.bifrost.adapters.vertx.control.ClientControl;
import io.bifrost.core.client.ConnectionState;
import io.bifrost.testkit.FakeServerExtension;
import io.bifrost.testkit.client.BifrostClientExtension;
import io.bifrost.testkit.client.ClientTestConfigs;
import io.bifrost.testkit.origin.FakeTcpOrigin;
import io.bifrost.testkit.upstream.FakeHttpProxy;
import io.bifrost.testkit.server.BifrostServerExtension;
import io.bifrost.testkit.server.TestConfigs;
import java.time.Duration;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** [CAPI-030], [CAPI-031], [PRX-126]: disconnecting cuts and refuses {@code server} traffic; connecting restores it. */
class DisconnectIT {
    @RegisterExtension
    @Order(1)
    static final FakeServerExtension<FakeTcpOrigin> echo = FakeServerExtension.of(FakeTcpOrigin.echo());

    /** A server whose answers wait for the test: the client's handshake with it stays in progress until released. */
    @RegisterExtension
    @Order(1)
    static final FakeServerExtension<FakeHttpProxy> slowServer =
            FakeServerExtension.of(FakeHttpProxy.forwarding().holdAnswers());

    @RegisterExtension
    @Order(2)
    static final BifrostServerExtension server = BifrostServerExtension.withConfig(TestConfigs::directEverywhere);

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

    @RegisterExtension
    @Order(3)
    static final BifrostClientExtension toSlowServer = BifrostClientExtension.withConfig(() -> ClientTestConfigs.client(
            ClientTestConfigs.server(slowServer.get().address(), "http") + """
            routes:
              - domains: ["*"]
                action: server
            """));

    private static String viaServer() {
        return "127.0.0.1:" + echo.get().port();
    }

    private static String direct() {
        return "localhost:" + echo.get().port();
    }

    @Test
    void disconnect_thenConnect_cutsRefusesAndRestoresServerTrafficOnly() throws Exception {
        try (Wire throughServer = new Wire(client.httpProxy()); Wire local = new Wire(client.httpProxy())) {
            assertThat(throughServer.connect(viaServer()).status()).isEqualTo(200);
            assertThat(throughServer.echo("a")).isEqualTo("a");
            assertThat(local.connect(direct()).status()).isEqualTo(200);

            ClientControl.Disconnected disconnected = await(client.control().disconnect());

            assertThat(disconnected.closedConnections()).isEqualTo(1);
            assertThat(client.control().state()).isEqualTo(ConnectionState.DISCONNECTED);
            assertThat(client.control().degraded()).isTrue();
            assertThat(throughServer.closedByPeer()).isTrue();
            assertThat(local.echo("still direct")).isEqualTo("still direct");
        }
        try (Wire refused = new Wire(client.httpProxy())) {
            Wire.Response response = refused.connect(viaServer());

            assertThat(response.status()).isEqualTo(503);
            assertThat(response.header("x-bifrost-error")).isEqualTo("server_disconnected");
        }
        try (Wire socks = new Wire(client.socks5Proxy())) {
            assertThat(socks.socks5("127.0.0.1", echo.get().port()).rep()).isEqualTo(0x01);
        }
        DebugEntries.awaitError(client, "server_disconnected: ");

        ClientControl.Connected connected = await(client.control().connect());

        assertThat(connected.server().name()).isEqualTo("default");
        assertThat(connected.reachable()).isTrue();
        assertThat(client.control().state()).isEqualTo(ConnectionState.CONNECTED);
        try (Wire again = new Wire(client.httpProxy())) {
            assertThat(again.connect(viaServer()).status()).isEqualTo(200);
            assertThat(again.echo("back")).isEqualTo("back");
        }
    }

    @Test
    void disconnect_whileTheServerHandshakeIsInProgress_theLateTunnelIsClosedNotUsed() throws Exception {
        try (Wire wire = new Wire(toSlowServer.httpProxy())) {
            wire.send("CONNECT " + viaServer() + " HTTP/1.1\r\nHost: " + viaServer() + "\r\n\r\n");
            slowServer.get().awaitConnects(1, Duration.ofSeconds(5)); // the client's CONNECT waits for its answer

            await(toSlowServer.control().disconnect());
            slowServer.get().releaseAnswers(); // the server now accepts: the handshake completes after the disconnect

            Wire.Response response = wire.response();
            assertThat(response.status()).isEqualTo(503); // [PRX-126], not "200 Connection established"
            assertThat(response.header("x-bifrost-error")).isEqualTo("server_disconnected");
            assertThat(wire.closedByPeer()).isTrue();
        }
        assertThat(slowServer.get().connects()).hasSize(1); // the disconnect is final, not retried
        DebugEntries.awaitError(toSlowServer, "server_disconnected: ");
        await(toSlowServer.control().connect());
    }

    @Test
    void disconnectAndConnect_areIdempotent() {
        await(client.control().disconnect()); // may still catch a tunnel another test closed a moment ago
        assertThat(await(client.control().disconnect()).closedConnections()).isZero();
        assertThat(client.control().state()).isEqualTo(ConnectionState.DISCONNECTED);
        assertThat(await(client.control().connect()).reachable()).isTrue();
        assertThat(await(client.control().connect()).reachable()).isTrue();
        assertThat(client.control().state()).isEqualTo(ConnectionState.CONNECTED);
    }
}
