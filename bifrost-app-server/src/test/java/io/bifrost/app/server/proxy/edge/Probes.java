package io.bifrost.app.server.proxy.edge;

import static org.assertj.core.api.Assertions.assertThat;

import io.bifrost.testkit.origin.FakeHttpOrigin;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** Well-behaved clients, to show that the proxy still serves everyone else after a misbehaving one. */
final class Probes {
    private Probes() {}

    /** A fresh connection, {@code GET <origin>/hello} in absolute-form: {@code 200 hello}. */
    static void assertHttpServes(InetSocketAddress proxy, FakeHttpOrigin origin) throws IOException {
        try (Socket socket = Wire.connect(proxy)) {
            Wire.send(socket, get(origin, "/hello", "Connection: close\r\n"));
            HttpReply reply = Wire.readReply(socket);
            assertThat(reply.statusLine()).isEqualTo("HTTP/1.1 200 OK");
            assertThat(reply.bodyText()).isEqualTo("hello");
        }
    }

    /** A fresh connection, SOCKS5 CONNECT to an echo origin, one round trip through the tunnel. */
    static void assertSocksEchoes(InetSocketAddress socks, int echoPort) throws IOException {
        try (Socket socket = Wire.connect(socks)) {
            Wire.send(socket, Socks5Wire.greeting(0x00));
            assertThat(Wire.readExactly(socket, 2)).containsExactly(5, 0);
            Wire.send(socket, Socks5Wire.connectLoopback(echoPort));
            assertThat(Socks5Wire.readReply(socket).rep()).isZero();
            byte[] ping = "ping\n".getBytes(StandardCharsets.US_ASCII);
            Wire.send(socket, ping);
            assertThat(Wire.readExactly(socket, ping.length)).isEqualTo(ping);
        }
    }

    /** {@code GET <absolute URI> HTTP/1.1} with a {@code Host} field and {@code extraFields} (each ending CRLF). */
    static String get(FakeHttpOrigin origin, String path, String extraFields) {
        return "GET " + origin.url(path) + " HTTP/1.1\r\nHost: " + origin.authority() + "\r\n" + extraFields + "\r\n";
    }
}
