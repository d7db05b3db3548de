package io.bifrost.app.server.proxy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * An upstream HTTP proxy on {@code 127.0.0.1}, port 0, that holds every {@code CONNECT} until the test calls
 * {@link #release()}, then answers {@code 200} and echoes the tunnel's bytes: a dial that stays in progress as long
 * as the test needs. One daemon thread per connection; thread-safe.
 */
final class HeldHttpProxy implements AutoCloseable {
    private final ThreadPerConnectionServer server;
    private final CountDownLatch requested = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);

    HeldHttpProxy() throws IOException {
        this.server = ThreadPerConnectionServer.start("held-proxy", this::serve);
    }

    String authority() {
        return "127.0.0.1:" + server.port();
    }

    /** Waits until a {@code CONNECT} head has arrived. */
    void awaitConnectRequest() throws InterruptedException {
        if (!requested.await(5, TimeUnit.SECONDS)) {
            throw new AssertionError("no CONNECT reached the upstream proxy within 5 s");
        }
    }

    /** Lets every held {@code CONNECT} (and later ones) succeed. */
    void release() {
        released.countDown();
    }

    private void serve(Socket socket) {
        try (socket) {
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            skipHead(in);
            requested.countDown();
            released.await();
            out.write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            in.transferTo(out); // echo until the client half-closes
        } catch (IOException e) {
            // the proxy went away
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void skipHead(InputStream in) throws IOException {
        int matched = 0; // of "\r\n\r\n"
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed inside the CONNECT head");
            }
            matched = b == (matched % 2 == 0 ? '\r' : '\n') ? matched + 1 : (b == '\r' ? 1 : 0);
        }
    }

    @Override
    public void close() throws IOException {
        released.countDown();
        server.close();
    }
}
