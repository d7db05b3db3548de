package io.bifrost.adapters.vertx.dial.handshake;

import static io.bifrost.adapters.vertx.dial.handshake.ClientExchange.hex;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.bifrost.adapters.vertx.dial.handshake.ScriptedUpstream.Turn;
import io.bifrost.adapters.vertx.proxy.socks5.Socks5Reply;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UpstreamHandshakeDriverIT {

    private static final TunnelTarget TARGET = new TunnelTarget("example.com", 443);
    private static final String CONNECT_REQUEST = "CONNECT example.com:443 HTTP/1.1\r\n"
            + "Host: example.com:443\r\n"
            + "User-Agent: bifrost/1.4.0\r\n"
            + "\r\n";

    private Vertx vertx;
    private NetClient client;                          // a field: Vert.x 5 closes unreferenced clients
    private final AtomicReference<NetSocket> socket = new AtomicReference<>();
    private final StringBuffer relayed = new StringBuffer();

    @BeforeEach
    void startVertx() {
        vertx = Vertx.vertx();
        client = vertx.createNetClient();
    }

    @AfterEach
    void stopVertx() {
        vertx.close().await();
    }

    @Test
    void httpConnect_200WithEarlyBytesInTheSamePacket_returnsThemAsLeftoverAndLosesNothingLater() throws Exception {
        ScriptedUpstream upstream = new ScriptedUpstream(vertx, List.of(Turn.of(Buffer.buffer(CONNECT_REQUEST),
                Buffer.buffer("HTTP/1.1 200 Connection established\r\n\r\nSSH-2.0-early\r\n"))),
                Buffer.buffer("later bytes"));

        HandshakeResult result =
                dial(upstream, address -> new HttpConnectClientHandshake(address, TARGET, "1.4.0", null))
                        .await(5, SECONDS);

        assertThat(result).isInstanceOf(HandshakeResult.HttpTunnel.class);
        assertThat(result.leftover().toString()).isEqualTo("SSH-2.0-early\r\n");
        assertThat(upstream.receivedText()).isEqualTo(CONNECT_REQUEST);
        assertBytesSentWhilePausedAreStillDelivered("later bytes");
    }

    @Test
    void httpConnect_407_failsAsAuthFailedAndClosesTheSocket() throws Exception {
        ScriptedUpstream upstream = new ScriptedUpstream(vertx, List.of(Turn.of(Buffer.buffer(CONNECT_REQUEST),
                Buffer.buffer("HTTP/1.1 407 Proxy Authentication Required\r\nContent-Length: 0\r\n\r\n"))),
                Buffer.buffer());

        Future<HandshakeResult> dial =
                dial(upstream, address -> new HttpConnectClientHandshake(address, TARGET, "1.4.0", null));

        assertThatThrownBy(() -> dial.await(5, SECONDS))
                .isInstanceOfSatisfying(UpstreamHandshakeException.class, failure -> {
                    assertThat(failure.errorCode()).isEqualTo("upstream_auth_failed");
                    assertThat(failure.getMessage()).matches("upstream proxy 127\\.0\\.0\\.1:\\d+ answered 407 .*");
                });
        upstream.peerClosed().await(5, SECONDS);
    }

    @Test
    void socks5_withCredentials_authenticatesConnectsAndReturnsBoundAddressAndLeftover() throws Exception {
        ScriptedUpstream upstream = new ScriptedUpstream(vertx, List.of(
                Turn.of(Buffer.buffer(hex("05020002")), Buffer.buffer(hex("0502"))),
                Turn.of(Buffer.buffer(hex("0105616c69636506733363726574")), Buffer.buffer(hex("0100"))),
                Turn.of(Buffer.buffer(hex("05010003 0b 6578616d706c652e636f6d 01bb")),
                        Buffer.buffer(hex("05000001 c0000207 9c40")).appendString("220 smtp ready\r\n"))),
                Buffer.buffer("later bytes"));

        HandshakeResult result = dial(upstream, address -> new Socks5ClientHandshake(address, TARGET,
                new UpstreamCredentials("alice", "s3cret"))).await(5, SECONDS);

        assertThat(result).isInstanceOfSatisfying(HandshakeResult.Socks5Tunnel.class,
                tunnel -> assertThat(tunnel.bound()).hasToString("192.0.2.7:40000"));
        assertThat(result.leftover().toString()).isEqualTo("220 smtp ready\r\n");
        assertBytesSentWhilePausedAreStillDelivered("later bytes");
    }

    @Test
    void socks5_failureReply_failsCarryingRepAndClosesTheSocket() throws Exception {
        ScriptedUpstream upstream = new ScriptedUpstream(vertx, List.of(
                Turn.of(Buffer.buffer(hex("050100")), Buffer.buffer(hex("0500"))),
                Turn.of(Buffer.buffer(hex("05010003 0b 6578616d706c652e636f6d 01bb")),
                        Buffer.buffer(hex("05040001 00000000 0000")))),
                Buffer.buffer());

        Future<HandshakeResult> dial = dial(upstream, address -> new Socks5ClientHandshake(address, TARGET, null));

        assertThatThrownBy(() -> dial.await(5, SECONDS))
                .isInstanceOfSatisfying(UpstreamHandshakeException.class, failure -> {
                    assertThat(failure.kind()).isEqualTo(HandshakeFailureKind.PROXY_ERROR);
                    assertThat(failure.replyForSocks5Client()).isEqualTo(Socks5Reply.HOST_UNREACHABLE);
                });
        upstream.peerClosed().await(5, SECONDS);
    }

    @Test
    void socks5_upstreamClosesMidHandshake_failsAsConnectionLost() throws Exception {
        ScriptedUpstream upstream = new ScriptedUpstream(vertx, List.of(
                new Turn(Buffer.buffer(hex("050100")), Buffer.buffer(), true)), Buffer.buffer());

        Future<HandshakeResult> dial = dial(upstream, address -> new Socks5ClientHandshake(address, TARGET, null));

        assertThatThrownBy(() -> dial.await(5, SECONDS))
                .isInstanceOfSatisfying(UpstreamHandshakeException.class, failure -> {
                    assertThat(failure.kind()).isEqualTo(HandshakeFailureKind.CONNECTION_LOST);
                    assertThat(failure.errorCode()).isEqualTo("upstream_proxy_error");
                });
    }

    /** Connects to the fake, then runs the driver on the socket's event loop. */
    private Future<HandshakeResult> dial(ScriptedUpstream upstream, Function<String, UpstreamHandshake> handshakes)
            throws Exception {
        int port = upstream.start().await(5, SECONDS);
        UpstreamHandshake handshake = handshakes.apply("127.0.0.1:" + port);
        return client.connect(port, "127.0.0.1").compose(connected -> {
            socket.set(connected);
            return UpstreamHandshakeDriver.run(connected, handshake);
        });
    }

    /**
     * The fake writes {@code later} 200 ms after its answer, while the socket is paused with no handler. Had the driver
     * not paused it, those bytes would have met no handler and been dropped.
     */
    private void assertBytesSentWhilePausedAreStillDelivered(String later) throws InterruptedException {
        Thread.sleep(600);
        NetSocket tunnel = socket.get();
        tunnel.handler(data -> relayed.append(data.toString()));
        tunnel.resume();
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(relayed.toString()).isEqualTo(later));
    }
}
