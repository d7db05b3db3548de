package io.bifrost.adapters.vertx.net;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetServer;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A bare tunnel between a JDK client and a JDK echo origin, through Vert.x sockets on port 0. */
class TunnelIT {
    private Vertx vertx;
    private NetServer front;
    private NetClient dialer;
    private ServerSocket origin;

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        origin = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
        daemon(this::echoOrigin);
        dialer = vertx.createNetClient();
        front = vertx.createNetServer().connectHandler(client -> {
            StreamSocket c = StreamSocket.wrap(client).pause();
            dialer.connect(origin.getLocalPort(), "127.0.0.1").onSuccess(up -> {
                StreamSocket u = StreamSocket.wrap(up).pause();
                Tunnel.start(c, u, Buffer.buffer(), Buffer.buffer("hi:"));
            }).onFailure(e -> client.close());
        });
        front.listen(0, "127.0.0.1").await();
    }

    /** Echoes until the client's FIN, then sends "bye" and half-closes. */
    private void echoOrigin() {
        while (!origin.isClosed()) {
            try {
                Socket s = origin.accept();
                daemon(() -> {
                    try (s) {
                        InputStream in = s.getInputStream();
                        OutputStream out = s.getOutputStream();
                        byte[] buf = new byte[65536];
                        for (int n; (n = in.read(buf)) > 0; ) {
                            out.write(buf, 0, n);
                        }
                        out.write("bye".getBytes(StandardCharsets.US_ASCII));
                        s.shutdownOutput();
                        in.read();
                    } catch (Exception ignored) {
                        // the test fails on its own side if the exchange breaks
                    }
                });
            } catch (Exception e) {
                return;
            }
        }
    }

    private static void daemon(Runnable r) {
        Thread t = new Thread(r, "echo-origin");
        t.setDaemon(true);
        t.start();
    }

    @AfterEach
    void stop() throws Exception {
        origin.close();
        vertx.close().await();
    }

    @Test
    void start_halfClose_propagatesFinAndKeepsTheOtherDirection() throws Exception {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", front.actualPort()));
            s.setSoTimeout(5000);
            s.getOutputStream().write("ping".getBytes(StandardCharsets.US_ASCII));
            s.shutdownOutput();

            String received = new String(s.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);

            assertThat(received).isEqualTo("hi:pingbye");
        }
    }

    @Test
    void start_largeTransferBothWays_isIntact() throws Exception {
        byte[] payload = new byte[48 * 1024 * 1024];
        new Random(1).nextBytes(payload);
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", front.actualPort()));
            s.setSoTimeout(20000);
            CompletableFuture<byte[]> reading = CompletableFuture.supplyAsync(() -> {
                try {
                    return s.getInputStream().readAllBytes();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            s.getOutputStream().write(payload);
            s.shutdownOutput();

            byte[] received = reading.get(30, TimeUnit.SECONDS);

            ByteArrayOutputStream expected = new ByteArrayOutputStream();
            expected.write("hi:".getBytes(StandardCharsets.US_ASCII));
            expected.write(payload);
            expected.write("bye".getBytes(StandardCharsets.US_ASCII));
            assertThat(sha256(received)).isEqualTo(sha256(expected.toByteArray()));
        }
    }

    private static String sha256(byte[] data) throws Exception {
        return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }
}
