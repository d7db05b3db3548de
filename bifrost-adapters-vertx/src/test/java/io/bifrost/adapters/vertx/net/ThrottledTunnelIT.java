package io.bifrost.adapters.vertx.net;

import static org.assertj.core.api.Assertions.assertThat;

import io.bifrost.core.policy.BandwidthBudget;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetServer;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.InstantSource;
import java.util.HexFormat;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Bandwidth limits on a bare tunnel ([SEC-052]): a JDK client sends 2 MiB through the tunnel to a JDK echo origin.
 * 2 MiB at 512 KiB/s are 4 s of sustained rate, but the budget starts full with one second's worth of bytes (the
 * burst [SEC-052] allows), so the transfer takes (2 MiB - 512 KiB) / 512 KiB/s = 3 s from its first byte, and its
 * second MiB alone 2 s.
 */
class ThrottledTunnelIT {
    private static final int SIZE = 2 * 1024 * 1024;
    private static final int MIB = 1024 * 1024;
    private static final long RATE = 512 * 1024;

    private Vertx vertx;
    private NetServer front;
    private NetClient dialer;
    private ServerSocket origin;
    private volatile Supplier<Throttle> upload = Throttle::unlimited;
    private volatile Supplier<Throttle> download = Throttle::unlimited;
    private volatile boolean sinkOrigin;

    @BeforeEach
    void start() throws Exception {
        vertx = io.bifrost.adapters.vertx.server.BifrostVertx.create(); // epoll, as in production
        origin = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread echo = new Thread(this::echoOrigin, "echo-origin");
        echo.setDaemon(true);
        echo.start();
        dialer = vertx.createNetClient();
        front = vertx.createNetServer().connectHandler(client -> {
            StreamSocket c = StreamSocket.wrap(client).pause();
            dialer.connect(origin.getLocalPort(), "127.0.0.1").onSuccess(up -> {
                StreamSocket u = StreamSocket.wrap(up).pause();
                Tunnel.start(c, u, Buffer.buffer(), Buffer.buffer(), upload.get(), download.get());
            }).onFailure(e -> client.close());
        });
        front.listen(0, "127.0.0.1").await();
    }

    private void echoOrigin() {
        while (!origin.isClosed()) {
            try (Socket s = origin.accept()) {
                InputStream in = s.getInputStream();
                OutputStream out = s.getOutputStream();
                if (sinkOrigin) { // counts until the client's FIN, then answers the count
                    long n = in.transferTo(OutputStream.nullOutputStream());
                    out.write((n + "\n").getBytes(StandardCharsets.US_ASCII));
                } else {
                    in.transferTo(out);
                }
                s.shutdownOutput();
            } catch (Exception e) {
                // the client side of the test fails on its own if the exchange breaks
            }
        }
    }

    @AfterEach
    void stop() throws Exception {
        origin.close();
        vertx.close().await();
    }

    private Throttle limited() {
        return Throttle.of(BandwidthBudget.create(RATE, InstantSource.system()), vertx);
    }

    @Test
    void start_uploadLimitedTo512KiBps_twoMebibytesTakeThreeSecondsAndArriveIntact() throws Exception {
        upload = this::limited;

        Transfer t = echoThroughTunnel();

        assertThat(t.sha256()).isEqualTo(t.expectedSha256());
        assertThat(t.totalSeconds()).isBetween(2.4, 3.6);
        assertThat(t.secondMebibyteSeconds()).isBetween(1.6, 2.4);
    }

    @Test
    void start_downloadLimitedTo512KiBps_twoMebibytesTakeThreeSecondsAndArriveIntact() throws Exception {
        download = this::limited;

        Transfer t = echoThroughTunnel();

        assertThat(t.sha256()).isEqualTo(t.expectedSha256());
        assertThat(t.totalSeconds()).isBetween(2.4, 3.6);
        assertThat(t.secondMebibyteSeconds()).isBetween(1.6, 2.4);
    }

    /**
     * The client's FIN is read while its socket is paused by the budget; the origin answers only after that FIN
     * reaches it. Resuming the paused, half-closed socket must neither fail nor close it (see InputShutdownRelay).
     */
    @Test
    void start_uploadPausedAtTheClientsFin_halfClosedTunnelStillCarriesTheAnswer() throws Exception {
        upload = () -> Throttle.of(BandwidthBudget.create(2 * RATE, InstantSource.system()), vertx);
        sinkOrigin = true;
        int size = 3 * MIB;
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", front.actualPort()));
            s.setSoTimeout(20_000);
            s.getOutputStream().write(new byte[size]);
            s.shutdownOutput();

            String answer = new String(s.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);

            assertThat(answer).isEqualTo(size + "\n");
        }
    }

    @Test
    void start_unlimited_isNotPaced() throws Exception {
        Transfer t = echoThroughTunnel();

        assertThat(t.sha256()).isEqualTo(t.expectedSha256());
        assertThat(t.totalSeconds()).isLessThan(1.0);
    }

    private Transfer echoThroughTunnel() throws Exception {
        byte[] payload = new byte[SIZE];
        new Random(7).nextBytes(payload);
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", front.actualPort()));
            s.setSoTimeout(20_000);
            CompletableFuture<Transfer> reading = CompletableFuture.supplyAsync(() -> read(s, payload));
            s.getOutputStream().write(payload);
            s.shutdownOutput();
            return reading.get(20, TimeUnit.SECONDS);
        }
    }

    /** Times from the first byte received, so that connection set-up does not count. */
    private static Transfer read(Socket s, byte[] payload) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[64 * 1024];
            long received = 0;
            long start = 0;
            long firstMebibyteAt = 0;
            for (int n; (n = s.getInputStream().read(buf)) > 0; ) {
                if (start == 0) {
                    start = System.nanoTime();
                }
                sha.update(buf, 0, n);
                received += n;
                if (firstMebibyteAt == 0 && received >= MIB) {
                    firstMebibyteAt = System.nanoTime();
                }
            }
            long end = System.nanoTime();
            return new Transfer(received, HexFormat.of().formatHex(sha.digest()),
                    HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(payload)),
                    (end - start) / 1e9, (end - firstMebibyteAt) / 1e9);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private record Transfer(long bytes, String sha256, String expectedSha256, double totalSeconds,
            double secondMebibyteSeconds) {}
}
