package io.bifrost.app.server.proxy.edge;

import static io.bifrost.app.server.proxy.edge.Socks5Wire.concat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.bifrost.testkit.FakeServerExtension;
import io.bifrost.testkit.origin.BytePattern;
import io.bifrost.testkit.origin.FakeTcpOrigin;
import io.bifrost.testkit.origin.RecordedConnection;
import io.bifrost.testkit.server.BifrostServerExtension;
import io.bifrost.testkit.upstream.FakeHttpProxy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The SOCKS5 listener byte by byte ([PRX-070]-[PRX-077]): address types, the bound address in the success reply,
 * refused commands and address types, names that are IP literals, early data, half-close, and RFC 1929 when
 * authentication is not required.
 */
class Socks5WireIT {
    private static final byte[] NO_AUTH_SELECTED = {5, 0};

    @RegisterExtension
    @Order(1)
    static final FakeServerExtension<FakeTcpOrigin> echo = FakeServerExtension.of(FakeTcpOrigin.echo());

    @RegisterExtension
    @Order(2)
    static final FakeServerExtension<FakeHttpProxy> upstreamProxy =
            FakeServerExtension.of(FakeHttpProxy.forwarding());

    @RegisterExtension
    @Order(3)
    static final BifrostServerExtension bifrost = BifrostServerExtension.withConfig(
            () -> EdgeConfigs.server(EdgeConfigs.directEverywhere()));

    /** Everything through an {@code http_proxy} backend: the upstream proxy dials, Bifrost has no bound address. */
    @RegisterExtension
    @Order(4)
    static final BifrostServerExtension viaProxy = BifrostServerExtension.withConfig(() -> EdgeConfigs.server("""
            backends:
              - name: upstream
                type: http_proxy
                config:
                  address: "%s"
            routes:
              - domains: ["*"]
                backend: upstream
            """.formatted(upstreamProxy.get().authority())));

    // ---- address types and the bound address ([PRX-074], [PRX-076]) ----

    @Test
    void connect_ipv4_repliesWithTheUpstreamSocketsLocalAddress() throws IOException {
        Socks5Wire.Reply reply;
        try (Socket socket = openNoAuth(bifrost.socks5Proxy())) {
            Wire.send(socket, Socks5Wire.connectLoopback(echo.get().port()));
            reply = Socks5Wire.readReply(socket);

            assertThat(reply.version()).isEqualTo(5);
            assertThat(reply.rep()).isZero();
            assertThat(reply.atyp()).isEqualTo(Socks5Wire.ATYP_IPV4);
            assertThat(reply.address()).containsExactly(127, 0, 0, 1);
            assertThat(reply.port()).isNotZero();
            assertEchoes(socket, "over ipv4");
        }
        // the origin saw Bifrost's upstream socket: the very address and port the reply announced
        RecordedConnection seen = originConnectionFrom(reply.port());
        assertThat(seen.remoteAddress().getAddress().getHostAddress()).isEqualTo("127.0.0.1");
    }

    @Test
    void connect_domainLocalhost_resolvedByTheDirectBackend() throws IOException {
        try (Socket socket = openNoAuth(bifrost.socks5Proxy())) {
            Wire.send(socket, Socks5Wire.connectDomain("localhost", echo.get().port()));
            Socks5Wire.Reply reply = Socks5Wire.readReply(socket);

            assertThat(reply.rep()).isZero();
            assertThat(reply.atyp()).isEqualTo(Socks5Wire.ATYP_IPV4); // the echo origin listens on 127.0.0.1 only
            assertThat(reply.port()).isNotZero();
            assertEchoes(socket, "over a name");
        }
    }

    @Test
    void connect_ipv6Loopback_repliesWithAnIpv6BoundAddress() throws IOException {
        Optional<Ipv6EchoOrigin> started = Ipv6EchoOrigin.start();
        assumeTrue(started.isPresent(), "this host has no IPv6 loopback");
        try (Ipv6EchoOrigin v6 = started.get(); Socket socket = openNoAuth(bifrost.socks5Proxy())) {
            Wire.send(socket, Socks5Wire.connect(InetAddress.getByName("::1"), v6.port()));
            Socks5Wire.Reply reply = Socks5Wire.readReply(socket);

            assertThat(reply.rep()).isZero();
            assertThat(reply.atyp()).isEqualTo(Socks5Wire.ATYP_IPV6);
            assertThat(reply.bound().getAddress()).isEqualTo(InetAddress.getByName("::1"));
            assertEchoes(socket, "over ipv6");
            assertThat(v6.peers()).extracting(InetSocketAddress::getPort).containsExactly(reply.port());
        }
    }

    @Test
    void connect_throughAnUpstreamProxy_repliesUnspecifiedAddress() throws IOException {
        try (Socket socket = openNoAuth(viaProxy.socks5Proxy())) {
            Wire.send(socket, Socks5Wire.connectLoopback(echo.get().port()));

            assertThat(Wire.readExactly(socket, 10)).containsExactly(5, 0, 0, 1, 0, 0, 0, 0, 0, 0);
            assertEchoes(socket, "through the upstream proxy");
        }
        assertThat(upstreamProxy.get().connects()).extracting(c -> c.target()).containsExactly(echo.get().authority());
    }

    // ---- refusals ([PRX-074], [PRX-075]) ----

    @ParameterizedTest
    @ValueSource(ints = {Socks5Wire.CMD_BIND, Socks5Wire.CMD_UDP_ASSOCIATE, 0x09})
    void request_commandOtherThanConnect_repliesCommandNotSupportedAndCloses(int command) throws IOException {
        try (Socket socket = openNoAuth(bifrost.socks5Proxy())) {
            Wire.send(socket, Socks5Wire.request(command, Socks5Wire.ATYP_IPV4, new byte[] {127, 0, 0, 1},
                    echo.get().port()));

            assertThat(Wire.readUntilClosed(socket)).containsExactly(Socks5Wire.failure(0x07));
        }
        assertThat(echo.get().connectionsAccepted()).isZero();
    }

    @Test
    void request_unknownAddressType_repliesAddressTypeNotSupportedAndCloses() throws IOException {
        try (Socket socket = openNoAuth(bifrost.socks5Proxy())) {
            Wire.send(socket, new byte[] {5, 1, 0, 0x05}); // ATYP 05: its DST.ADDR cannot even be delimited

            assertThat(Wire.readUntilClosed(socket)).containsExactly(Socks5Wire.failure(0x08));
        }
    }

    /** Names outside [PRX-075]: empty label, characters outside {@code [A-Za-z0-9._-]}, a 64-byte label. */
    static Stream<String> invalidNames() {
        return Stream.of("a..b", "exa mple.com", "host/path", "caf\u00e9.example", "a".repeat(64) + ".example", ".");
    }

    @ParameterizedTest
    @MethodSource("invalidNames")
    void request_invalidDomainName_repliesGeneralFailureAndCloses(String name) throws IOException {
        try (Socket socket = openNoAuth(bifrost.socks5Proxy())) {
            Wire.send(socket, Socks5Wire.connectDomain(name, echo.get().port()));

            assertThat(Wire.readUntilClosed(socket)).containsExactly(Socks5Wire.failure(0x01));
        }
    }

    @Test
    void request_portZero_repliesGeneralFailureAndCloses() throws IOException {
        try (Socket socket = openNoAuth(bifrost.socks5Proxy())) {
            Wire.send(socket, Socks5Wire.connectDomain("localhost", 0));

            assertThat(Wire.readUntilClosed(socket)).containsExactly(Socks5Wire.failure(0x01));
        }
    }

    // ---- names that are IP literals ([PRX-075]) ----

    @Test
    void connect_domainThatIsAnIpv4Literal_connectsToThatAddress() throws IOException {
        try (Socket socket = openNoAuth(bifrost.socks5Proxy())) {
            Wire.send(socket, Socks5Wire.connectDomain("127.0.0.1", echo.get().port()));
            Socks5Wire.Reply reply = Socks5Wire.readReply(socket);

            assertThat(reply.rep()).isZero();
            assertThat(reply.address()).containsExactly(127, 0, 0, 1);
            assertEchoes(socket, "ipv4 text");
        }
    }

    @Test
    void connect_domainThatIsAnIpv6Literal_treatedAsThatAddressNotAsAName() throws IOException {
        Optional<Ipv6EchoOrigin> started = Ipv6EchoOrigin.start();
        assumeTrue(started.isPresent(), "this host has no IPv6 loopback");
        try (Ipv6EchoOrigin v6 = started.get(); Socket socket = openNoAuth(bifrost.socks5Proxy())) {
            // ':' is not allowed in a host name: read as a name, this would be refused with 0x01
            Wire.send(socket, Socks5Wire.connectDomain("::1", v6.port()));
            Socks5Wire.Reply reply = Socks5Wire.readReply(socket);

            assertThat(reply.rep()).isZero();
            assertThat(reply.atyp()).isEqualTo(Socks5Wire.ATYP_IPV6);
            assertEchoes(socket, "ipv6 text");
        }
    }

    // ---- the tunnel ([PRX-077]) ----

    @Test
    void connect_earlyDataSentWithTheRequest_deliveredToTheOriginFirst() throws IOException {
        try (Socket socket = Wire.connect(bifrost.socks5Proxy())) {
            // greeting, request and first payload in one write, without waiting for any answer
            Wire.send(socket, concat(Socks5Wire.greeting(0x00), Socks5Wire.connectLoopback(echo.get().port()),
                    ascii("EARLY-")));
            assertThat(Wire.readExactly(socket, 2)).containsExactly(NO_AUTH_SELECTED);
            assertThat(Socks5Wire.readReply(socket).rep()).isZero();
            Wire.send(socket, ascii("LATER"));

            assertThat(Wire.ascii(Wire.readExactly(socket, 11))).isEqualTo("EARLY-LATER");
        }
    }

    @Test
    void tunnel_clientHalfCloses_echoCompletesFinReachesOriginAndBothSocketsClose() throws Exception {
        byte[] payload = BytePattern.bytes(256 * 1024);
        int boundPort;
        try (Socket socket = openNoAuth(bifrost.socks5Proxy())) {
            Wire.send(socket, Socks5Wire.connectLoopback(echo.get().port()));
            Socks5Wire.Reply reply = Socks5Wire.readReply(socket);
            assertThat(reply.rep()).isZero();
            boundPort = reply.port();
            Thread writer = new Thread(() -> writeThenHalfClose(socket, payload), "half-closing-writer");
            writer.start();

            byte[] echoed = Wire.readUntilClosed(socket); // ends at the FIN the proxy passed on from the origin
            writer.join(5_000);

            assertThat(echoed).isEqualTo(payload);
        }
        RecordedConnection seen = originConnectionFrom(boundPort);
        assertThat(seen.clientSentFin()).isTrue(); // the client's FIN went through the tunnel, not a reset
        assertThat(seen.bytesReceived()).isEqualTo(payload.length);
        Wire.awaitTrue("no proxied connection left open", 3_000,
                () -> bifrost.server().traffic().socks5().activeConnections() == 0);
    }

    // ---- RFC 1929 without required authentication ([PRX-072]) ----

    @Test
    void greeting_onlyUsernamePasswordOfferedAndAuthNotRequired_anyCredentialsAccepted() throws IOException {
        try (Socket socket = Wire.connect(bifrost.socks5Proxy())) {
            Wire.send(socket, Socks5Wire.greeting(0x02));
            assertThat(Wire.readExactly(socket, 2)).containsExactly(5, 2);
            Wire.send(socket, Socks5Wire.credentials("nobody-knows-me", "any password"));
            assertThat(Wire.readExactly(socket, 2)).containsExactly(1, 0);
            Wire.send(socket, Socks5Wire.connectLoopback(echo.get().port()));

            assertThat(Socks5Wire.readReply(socket).rep()).isZero();
            assertEchoes(socket, "anonymous after RFC 1929");
        }
    }

    @Test
    void greeting_methodsInAnyOrderWithNoAuth_selectsNoAuth() throws IOException {
        try (Socket socket = Wire.connect(bifrost.socks5Proxy())) {
            Wire.send(socket, Socks5Wire.greeting(0x01, 0x02, 0x80, 0x00)); // GSSAPI is never selected

            assertThat(Wire.readExactly(socket, 2)).containsExactly(NO_AUTH_SELECTED);
        }
    }

    // ---- helpers ----

    /** A connection that has offered only "no authentication" and had it selected. */
    private static Socket openNoAuth(InetSocketAddress socks) throws IOException {
        Socket socket = Wire.connect(socks);
        Wire.send(socket, Socks5Wire.greeting(0x00));
        assertThat(Wire.readExactly(socket, 2)).containsExactly(NO_AUTH_SELECTED);
        return socket;
    }

    /**
     * The finished origin connection whose peer port is {@code port}. Matched by port, not by position: a previous
     * test's tunnel may finish on the origin after the records were cleared.
     */
    private static RecordedConnection originConnectionFrom(int port) {
        Wire.awaitTrue("an origin connection from port " + port, 5_000, () -> echo.get().connections().stream()
                .anyMatch(c -> c.remoteAddress().getPort() == port));
        return echo.get().connections().stream().filter(c -> c.remoteAddress().getPort() == port).findFirst()
                .orElseThrow();
    }

    private static void assertEchoes(Socket socket, String text) throws IOException {
        byte[] bytes = ascii(text);
        Wire.send(socket, bytes);
        assertThat(Wire.readExactly(socket, bytes.length)).isEqualTo(bytes);
    }

    private static void writeThenHalfClose(Socket socket, byte[] payload) {
        try {
            socket.getOutputStream().write(payload);
            socket.shutdownOutput();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
