package io.bifrost.testkit.origin;

import static io.bifrost.testkit.support.Sockets.connect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bifrost.testkit.FakeServerExtension;
import io.bifrost.testkit.clients.ClientVertx;
import io.bifrost.testkit.support.RawHttp;
import io.bifrost.testkit.support.Sockets;
import io.bifrost.testkit.support.Threads;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetSocket;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class FakeTcpOriginIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @RegisterExtension
    static final FakeServerExtension<FakeTcpOrigin> ECHO = FakeServerExtension.of(FakeTcpOrigin.echo());

    @RegisterExtension
    static final FakeServerExtension<FakeTcpOrigin> SINK = FakeServerExtension.of(FakeTcpOrigin.sinkAndReport());

    @RegisterExtension
    static final FakeServerExtension<FakeTcpOrigin> DISCARD = FakeServerExtension.of(FakeTcpOrigin.discard());

    @Test
    void echo_clientHalfCloses_receivesTheWholeEchoThenEndOfStream() throws Exception {
        byte[] payload = BytePattern.bytes(2_000_000);

        try (Socket socket = connect(ECHO.get().port())) {
            CompletableFuture<Void> writer =
                    CompletableFuture.runAsync(() -> Sockets.writeThenHalfClose(socket, payload));
            byte[] echoed = RawHttp.readToEnd(socket.getInputStream());
            writer.join();

            assertThat(echoed).isEqualTo(payload);
        }
        RecordedConnection recorded = ECHO.get().awaitConnections(1, TIMEOUT).get(0);
        assertThat(recorded.clientSentFin()).isTrue();
        assertThat(recorded.bytesReceived()).isEqualTo(payload.length);
        assertThat(recorded.bytesSent()).isEqualTo(payload.length);
        assertThat(recorded.remoteAddress().getAddress().getHostAddress()).isEqualTo("127.0.0.1");
    }

    @Test
    void echo_clientResets_isRecordedWithoutFin() throws Exception {
        try (Socket socket = connect(ECHO.get().port())) {
            socket.getOutputStream().write(1);
            socket.getInputStream().read();
            socket.setSoLinger(true, 0); // close() now sends RST instead of FIN
        }

        assertThat(ECHO.get().awaitConnections(1, TIMEOUT).get(0).clientSentFin()).isFalse();
    }

    @Test
    void greeting_vertxClientConnects_receivesTheBannerFirstThenAnEcho() {
        try (ClientVertx clientVertx = new ClientVertx();
                FakeTcpOrigin origin = FakeTcpOrigin.greeting("SSH-2.0-fake\r\n")) {
            origin.startAndAwait();
            NetClient client = clientVertx.vertx().createNetClient();
            Promise<String> banner = Promise.promise();
            Promise<String> echo = Promise.promise();

            NetSocket socket = clientVertx.await(() -> client.connect(origin.port(), "127.0.0.1")
                    .onSuccess(connected -> connected.handler(received -> {
                        if (!banner.tryComplete(received.toString())) {
                            echo.tryComplete(received.toString());
                        }
                    })));

            assertThat(banner.future().await()).isEqualTo("SSH-2.0-fake\r\n");
            socket.write(Buffer.buffer("ping")).await();
            assertThat(echo.future().await()).isEqualTo("ping");
        }
    }

    @Test
    void sinkAndReport_uploadThenFin_answersTheByteCountAndCloses() throws Exception {
        try (Socket socket = connect(SINK.get().port())) {
            Sockets.writeThenHalfClose(socket, BytePattern.bytes(3_000_000));

            String report = new String(RawHttp.readToEnd(socket.getInputStream()), StandardCharsets.US_ASCII);

            assertThat(report).isEqualTo("3000000\n");
        }
    }

    @Test
    void discard_uploadThenFin_sendsNothingAndCloses() throws Exception {
        try (Socket socket = connect(DISCARD.get().port())) {
            Sockets.writeThenHalfClose(socket, BytePattern.bytes(100_000));

            assertThat(socket.getInputStream().read()).isEqualTo(-1);
        }
        RecordedConnection recorded = DISCARD.get().awaitConnections(1, TIMEOUT).get(0);
        assertThat(recorded.bytesReceived()).isEqualTo(100_000);
        assertThat(recorded.bytesSent()).isZero();
    }

    @Test
    void stop_withAnOpenConnection_closesItRefusesNewOnesAndEndsItsThreads() throws Exception {
        Set<Thread> before = Threads.liveThreadsNamed("fake-tcp-origin");
        FakeTcpOrigin origin = FakeTcpOrigin.echo();
        origin.startAndAwait();
        int port = origin.port();
        try (Socket open = connect(port)) {
            InputStream in = open.getInputStream();
            open.getOutputStream().write(7);
            assertThat(in.read()).isEqualTo(7);

            origin.close();

            assertThat(in.read()).isEqualTo(-1);
        }
        assertThatThrownBy(() -> connect(port)).isInstanceOf(ConnectException.class);
        Set<Thread> started = Threads.liveThreadsNamed("fake-tcp-origin");
        started.removeAll(before);
        assertThat(started).isEmpty();
    }
}
