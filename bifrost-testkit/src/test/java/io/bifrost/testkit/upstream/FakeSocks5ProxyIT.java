package io.bifrost.testkit.upstream;

import static io.bifrost.testkit.support.Sockets.connect;
import static io.bifrost.testkit.support.Sockets.readExactly;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bifrost.testkit.FakePorts;
import io.bifrost.testkit.FakeServerExtension;
import io.bifrost.testkit.clients.ClientVertx;
import io.bifrost.testkit.origin.BytePattern;
import io.bifrost.testkit.origin.FakeTcpOrigin;
import io.bifrost.testkit.support.RawHttp;
import io.bifrost.testkit.support.Sockets;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.NetSocket;
import io.vertx.core.net.ProxyOptions;
import io.vertx.core.net.ProxyType;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class FakeSocks5ProxyIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final byte[] LOOPBACK = {127, 0, 0, 1};

    @RegisterExtension
    static final FakeServerExtension<FakeTcpOrigin> ECHO = FakeServerExtension.of(FakeTcpOrigin.echo());

    @RegisterExtension
    static final FakeServerExtension<FakeSocks5Proxy> FORWARDING = FakeServerExtension.of(FakeSocks5Proxy.forwarding());

    @RegisterExtension
    static final FakeServerExtension<FakeSocks5Proxy> GUARDED = FakeServerExtension.of(
            FakeSocks5Proxy.forwarding().requireCredentials("alice", "s3cret"));

    @Test
    void forwarding_rawIpv4Connect_repliesSuccessAndRelaysWithHalfClose() throws Exception {
        byte[] payload = BytePattern.bytes(1_500_000);
        try (Socket socket = connect(FORWARDING.get().port())) {
            InputStream in = socket.getInputStream();
            socket.getOutputStream().write(bytes(0x05, 0x01, 0x00));
            assertThat(readExactly(in, 2)).containsExactly(bytes(0x05, 0x00));
            socket.getOutputStream().write(connectIpv4(ECHO.get().port()));

            byte[] reply = readExactly(in, 10);
            assertThat(reply[1]).as("REP").isEqualTo((byte) 0x00);
            assertThat(reply[3]).as("ATYP of BND").isEqualTo((byte) 0x01);
            CompletableFuture<Void> writer =
                    CompletableFuture.runAsync(() -> Sockets.writeThenHalfClose(socket, payload));
            assertThat(RawHttp.readToEnd(in)).isEqualTo(payload);
            writer.join();
        }
        assertThat(ECHO.get().awaitConnections(1, TIMEOUT).get(0).clientSentFin()).isTrue();
        RecordedConnect connect = FORWARDING.get().connects().get(0);
        assertThat(connect.addressType()).isEqualTo(AddressType.IPV4);
        assertThat(connect.target()).isEqualTo(ECHO.get().authority());
        assertThat(connect.requestHead()).isEqualTo(HexFormat.of().formatHex(connectIpv4(ECHO.get().port())));
    }

    @Test
    void requireCredentials_vertxClientWithProxyOptions_sendsTheNameAndIsRelayed() {
        try (ClientVertx clientVertx = new ClientVertx()) {
            NetClient client = clientVertx.vertx().createNetClient(new NetClientOptions().setProxyOptions(
                    new ProxyOptions().setType(ProxyType.SOCKS5).setHost("127.0.0.1").setPort(GUARDED.get().port())
                            .setUsername("alice").setPassword("s3cret")));
            Promise<String> echo = Promise.promise();

            NetSocket socket = clientVertx.await(() -> client.connect(ECHO.get().port(), "localhost")
                    .onSuccess(connected -> connected.handler(received -> echo.tryComplete(received.toString()))));
            socket.write(Buffer.buffer("ping")).await();

            assertThat(echo.future().await()).isEqualTo("ping");
        }
        RecordedConnect connect = GUARDED.get().connects().get(0);
        assertThat(connect.addressType()).isEqualTo(AddressType.DOMAIN);
        assertThat(connect.host()).isEqualTo("localhost");
        assertThat(connect.username()).isEqualTo("alice");
        assertThat(GUARDED.get().auths()).containsExactly(new RecordedAuth("alice", true));
    }

    @Test
    void requireCredentials_clientOffersNoPasswordMethod_answersNoAcceptableMethod() throws Exception {
        try (Socket socket = connect(GUARDED.get().port())) {
            socket.getOutputStream().write(bytes(0x05, 0x01, 0x00));

            assertThat(readExactly(socket.getInputStream(), 2)).containsExactly(bytes(0x05, 0xFF));
            assertThat(socket.getInputStream().read()).isEqualTo(-1);
        }
    }

    @Test
    void requireCredentials_wrongPassword_answersFailureStatusAndRecordsTheUser() throws Exception {
        try (Socket socket = connect(GUARDED.get().port())) {
            InputStream in = socket.getInputStream();
            socket.getOutputStream().write(bytes(0x05, 0x02, 0x00, 0x02));
            assertThat(readExactly(in, 2)).containsExactly(bytes(0x05, 0x02));

            socket.getOutputStream().write(usernamePassword("alice", "wrong"));

            assertThat(readExactly(in, 2)).containsExactly(bytes(0x01, 0x01));
            assertThat(in.read()).isEqualTo(-1);
        }
        assertThat(GUARDED.get().auths()).containsExactly(new RecordedAuth("alice", false));
        assertThat(GUARDED.get().connects()).isEmpty();
    }

    @Test
    void refusing_defaultAndConfigured_replyWithThatRep() throws Exception {
        try (FakeSocks5Proxy notAllowed = FakeSocks5Proxy.refusing();
                FakeSocks5Proxy refused = FakeSocks5Proxy.refusing().refuseWith(0x05)) {
            notAllowed.startAndAwait();
            refused.startAndAwait();

            assertThat(replyTo(notAllowed, connectIpv4(443))).isEqualTo(0x02);
            assertThat(replyTo(refused, connectIpv4(443))).isEqualTo(0x05);
        }
    }

    @Test
    void refusing_ipv6Destination_isRecordedWithItsAddressType() throws Exception {
        try (FakeSocks5Proxy proxy = FakeSocks5Proxy.refusing()) {
            proxy.startAndAwait();
            byte[] ipv6Loopback = new byte[16];
            ipv6Loopback[15] = 1;

            replyTo(proxy, request(0x01, 0x04, ipv6Loopback, 8443));

            RecordedConnect connect = proxy.connects().get(0);
            assertThat(connect.addressType()).isEqualTo(AddressType.IPV6);
            assertThat(connect.host()).isEqualTo("0:0:0:0:0:0:0:1");
            assertThat(connect.target()).isEqualTo("[0:0:0:0:0:0:0:1]:8443");
        }
    }

    @Test
    void forwarding_destinationRefuses_repliesConnectionRefused() throws Exception {
        assertThat(replyTo(FORWARDING.get(), connectIpv4(FakePorts.closedPort()))).isEqualTo(0x05);
    }

    @Test
    void forwarding_unsupportedCommandOrAddressType_repliesTheMatchingCode() throws Exception {
        assertThat(replyTo(FORWARDING.get(), request(0x02, 0x01, LOOPBACK, 80))).as("BIND").isEqualTo(0x07);
        assertThat(replyTo(FORWARDING.get(), bytes(0x05, 0x01, 0x00, 0x09))).as("ATYP 0x09").isEqualTo(0x08);
    }

    @Test
    void unresponsive_greeting_isNeverAnswered() throws Exception {
        try (FakeSocks5Proxy proxy = FakeSocks5Proxy.unresponsive();
                Socket socket = new Socket()) {
            proxy.startAndAwait();
            socket.connect(proxy.address());
            socket.setSoTimeout(300);
            socket.getOutputStream().write(bytes(0x05, 0x01, 0x00));

            assertThatThrownBy(() -> socket.getInputStream().read()).isInstanceOf(SocketTimeoutException.class);
            assertThat(proxy.connectionsAccepted()).isEqualTo(1);
        }
    }

    /** Greets without authentication, sends {@code request}, returns the REP byte. */
    private static int replyTo(FakeSocks5Proxy proxy, byte[] request) throws Exception {
        try (Socket socket = connect(proxy.port())) {
            InputStream in = socket.getInputStream();
            socket.getOutputStream().write(bytes(0x05, 0x01, 0x00));
            assertThat(readExactly(in, 2)).containsExactly(bytes(0x05, 0x00));
            socket.getOutputStream().write(request);
            byte[] reply = readExactly(in, 10);
            assertThat(in.read()).as("connection closed after a failure reply").isEqualTo(-1);
            return reply[1] & 0xFF;
        }
    }

    private static byte[] connectIpv4(int port) {
        return request(0x01, 0x01, LOOPBACK, port);
    }

    private static byte[] request(int command, int addressType, byte[] address, int port) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(bytes(0x05, command, 0x00, addressType));
        out.writeBytes(address);
        out.writeBytes(bytes(port >> 8, port & 0xFF));
        return out.toByteArray();
    }

    private static byte[] usernamePassword(String username, String password) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x01);
        out.write(username.length());
        out.writeBytes(username.getBytes(StandardCharsets.US_ASCII));
        out.write(password.length());
        out.writeBytes(password.getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    private static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }
}
