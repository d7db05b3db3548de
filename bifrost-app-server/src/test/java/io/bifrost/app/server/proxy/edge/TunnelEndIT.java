package io.bifrost.app.server.proxy.edge;

import static org.assertj.core.api.Assertions.assertThat;

import io.bifrost.testkit.FakeServerExtension;
import io.bifrost.testkit.origin.BytePattern;
import io.bifrost.testkit.origin.FakeTcpOrigin;
import io.bifrost.testkit.server.BifrostServerExtension;
import java.io.IOException;
import java.net.Socket;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * How tunnels end ([PRX-056]): a reset on the upstream side closes the client connection at once, on both listeners,
 * and a half-closed {@code CONNECT} tunnel still delivers the whole answer. Both sockets are released afterwards.
 */
class TunnelEndIT {
    private static final String ESTABLISHED = "HTTP/1.1 200 Connection established\r\n\r\n";

    @RegisterExtension
    @Order(1)
    static final FakeServerExtension<FakeTcpOrigin> echo = FakeServerExtension.of(FakeTcpOrigin.echo());

    @RegisterExtension
    @Order(2)
    static final BifrostServerExtension bifrost = BifrostServerExtension.withConfig(
            () -> EdgeConfigs.server(EdgeConfigs.directEverywhere()));

    @Test
    void socks5Tunnel_originResets_clientConnectionClosed() throws IOException {
        try (ResettingOrigin origin = new ResettingOrigin(); Socket socket = Wire.connect(bifrost.socks5Proxy())) {
            Wire.send(socket, Socks5Wire.greeting(0x00));
            assertThat(Wire.readExactly(socket, 2)).containsExactly(5, 0);
            Wire.send(socket, Socks5Wire.connectLoopback(origin.port()));
            assertThat(Socks5Wire.readReply(socket).rep()).isZero();

            Wire.send(socket, "boom");

            Wire.assertClosedSilently(socket);
        }
        assertNoConnectionLeft();
    }

    @Test
    void connectTunnel_originResets_clientConnectionClosed() throws IOException {
        try (ResettingOrigin origin = new ResettingOrigin(); Socket socket = Wire.connect(bifrost.httpProxy())) {
            Wire.send(socket, "CONNECT 127.0.0.1:" + origin.port() + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
            assertThat(Wire.ascii(Wire.readExactly(socket, ESTABLISHED.length()))).isEqualTo(ESTABLISHED);

            Wire.send(socket, "boom");

            Wire.assertClosedSilently(socket);
        }
        assertNoConnectionLeft();
    }

    @Test
    void connectTunnel_clientHalfCloses_wholeEchoArrivesThenEndOfStream() throws Exception {
        byte[] payload = BytePattern.bytes(200_000);
        try (Socket socket = Wire.connect(bifrost.httpProxy())) {
            Wire.send(socket, "CONNECT " + echo.get().authority() + " HTTP/1.1\r\nHost: x\r\n\r\n");
            assertThat(Wire.ascii(Wire.readExactly(socket, ESTABLISHED.length()))).isEqualTo(ESTABLISHED);
            Thread writer = new Thread(() -> {
                Wire.sendIgnoringClose(socket, payload);
                try {
                    socket.shutdownOutput();
                } catch (IOException e) {
                    // the read side reports what went wrong
                }
            }, "half-closing-writer");
            writer.start();

            byte[] echoed = Wire.readUntilClosed(socket);
            writer.join(5_000);

            assertThat(echoed).isEqualTo(payload);
        }
        assertNoConnectionLeft();
    }

    private static void assertNoConnectionLeft() {
        Wire.awaitTrue("every proxied connection closed", 3_000,
                () -> bifrost.server().traffic().total().activeConnections() == 0);
    }
}
