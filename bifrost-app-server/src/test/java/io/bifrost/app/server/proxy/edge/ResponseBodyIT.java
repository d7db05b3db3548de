package io.bifrost.app.server.proxy.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bifrost.app.server.proxy.ThreadPerConnectionServer;
import io.bifrost.testkit.FakeServerExtension;
import io.bifrost.testkit.origin.FakeHttpOrigin;
import io.bifrost.testkit.server.BifrostServerExtension;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A {@code Content-Length} response body arriving after its head is moved from socket to socket without decoding
 * ([PRX-042]): it must still end exactly where the upstream said, never be made whole when the upstream cuts it
 * ([PRX-047]), and leave a reusable upstream only when nothing followed it ([PRX-033]).
 */
class ResponseBodyIT {
    private static final int MIB = 1024 * 1024;

    @RegisterExtension
    @Order(1)
    static final FakeServerExtension<FakeHttpOrigin> origin = FakeServerExtension.of(FakeHttpOrigin.http());

    @RegisterExtension
    @Order(2)
    static final BifrostServerExtension bifrost =
            BifrostServerExtension.withConfig(() -> EdgeConfigs.server(EdgeConfigs.directEverywhere()));

    @AfterEach
    void everyoneElseIsStillServed() throws IOException {
        Probes.assertHttpServes(bifrost.httpProxy(), origin.get());
    }

    @Test
    void bodyAfterTheHead_twoResponsesOnOneConnection_areIntact_andTheUpstreamIsReused() throws IOException {
        byte[] body = randomBytes(3 * MIB);
        try (SlowBodyOrigin slow = new SlowBodyOrigin(body, new byte[0], false);
                Socket client = Wire.connect(bifrost.httpProxy())) {
            assertTwoIntactResponses(client, slow.port(), body);
            assertThat(slow.connections()).as("upstream connections").isEqualTo(1);
        }
    }

    @Test
    void bytesAfterTheBody_areNotRelayed_andTheUpstreamIsNotReused() throws IOException {
        byte[] body = randomBytes(2 * MIB);
        byte[] extra = "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nextra".getBytes(StandardCharsets.ISO_8859_1);
        try (SlowBodyOrigin slow = new SlowBodyOrigin(body, extra, false);
                Socket client = Wire.connect(bifrost.httpProxy())) {
            assertTwoIntactResponses(client, slow.port(), body);
            client.setSoTimeout(300);
            assertThatThrownBy(() -> client.getInputStream().read()).as("a byte after the second response")
                    .isInstanceOf(SocketTimeoutException.class);
            assertThat(slow.connections()).as("upstream connections: one per response").isEqualTo(2);
        }
    }

    @Test
    void bodyCutByTheOrigin_reachesTheClientCut_andTheConnectionCloses() throws IOException {
        byte[] body = randomBytes(4 * MIB);
        try (SlowBodyOrigin cutting = new SlowBodyOrigin(body, new byte[0], true);
                Socket client = Wire.connect(bifrost.httpProxy())) {
            Wire.send(client, "GET http://127.0.0.1:" + cutting.port() + "/ HTTP/1.1\r\nHost: x\r\n\r\n");
            String head = Wire.readHead(client.getInputStream());
            byte[] received = Wire.readUntilClosed(client);

            assertThat(head).startsWith("HTTP/1.1 200 ").contains("Content-Length: " + body.length);
            assertThat(received.length).as("bytes before the close").isEqualTo(body.length / 2);
            assertThat(Arrays.equals(received, Arrays.copyOf(body, body.length / 2))).isTrue();
        }
    }

    /** Two GETs one after the other on {@code client}; each response must be a 200 carrying exactly {@code body}. */
    private static void assertTwoIntactResponses(Socket client, int originPort, byte[] body) throws IOException {
        for (int i = 0; i < 2; i++) {
            Wire.send(client, "GET http://127.0.0.1:" + originPort + "/" + i + " HTTP/1.1\r\nHost: x\r\n\r\n");
            HttpReply reply = Wire.readReply(client);

            assertThat(reply.head()).startsWith("HTTP/1.1 200 ");
            assertThat(Arrays.equals(reply.body(), body)).as("body %d is byte-exact", i).isTrue();
        }
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        new Random(n).nextBytes(bytes);
        return bytes;
    }

    /**
     * An origin that sends each response head on its own, waits, then the body (and {@code after}) in one write, so
     * that the body reaches Bifrost after the head; {@code cut} sends half the body and closes instead.
     */
    private static final class SlowBodyOrigin implements AutoCloseable {
        private final byte[] body;
        private final byte[] after;
        private final boolean cut;
        private final AtomicInteger connections = new AtomicInteger();
        private final ThreadPerConnectionServer server;

        SlowBodyOrigin(byte[] body, byte[] after, boolean cut) throws IOException {
            this.body = body;
            this.after = after;
            this.cut = cut;
            this.server = ThreadPerConnectionServer.start("slow-body-origin", this::serve);
        }

        int port() {
            return server.port();
        }

        int connections() {
            return connections.get();
        }

        private void serve(Socket socket) {
            connections.incrementAndGet();
            try (socket) {
                InputStream in = socket.getInputStream();
                OutputStream out = socket.getOutputStream();
                while (true) {
                    Wire.readHead(in); // a GET: its head is the whole request
                    out.write(("HTTP/1.1 200 OK\r\nContent-Length: " + body.length + "\r\n\r\n")
                            .getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                    Thread.sleep(50);
                    if (cut) {
                        out.write(body, 0, body.length / 2);
                        out.flush();
                        return;
                    }
                    byte[] all = Arrays.copyOf(body, body.length + after.length);
                    System.arraycopy(after, 0, all, body.length, after.length);
                    out.write(all);
                    out.flush();
                }
            } catch (IOException e) {
                // the proxy closed the connection: the end of this upstream
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }
}
