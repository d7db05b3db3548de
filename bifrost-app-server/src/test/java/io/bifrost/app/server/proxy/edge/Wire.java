package io.bifrost.app.server.proxy.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.function.BooleanSupplier;

/**
 * Blocking raw-socket helpers: hand-written requests, answers read byte by byte. Every socket made here times out
 * reads after {@link #READ_TIMEOUT_MS}, so a proxy that never answers fails the test instead of hanging it.
 */
final class Wire {
    static final int READ_TIMEOUT_MS = 5_000;
    private static final int MAX_HEAD_BYTES = 64 * 1024;

    private Wire() {}

    /** A connection to {@code address} with a read timeout and {@code TCP_NODELAY}. */
    static Socket connect(InetSocketAddress address) {
        try {
            Socket socket = new Socket(address.getAddress(), address.getPort());
            socket.setSoTimeout(READ_TIMEOUT_MS);
            socket.setTcpNoDelay(true);
            return socket;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot connect to " + address, e);
        }
    }

    static void send(Socket socket, String text) throws IOException {
        send(socket, text.getBytes(StandardCharsets.ISO_8859_1));
    }

    static void send(Socket socket, byte[] bytes) throws IOException {
        socket.getOutputStream().write(bytes);
        socket.getOutputStream().flush();
    }

    /**
     * Writes {@code bytes} and ignores a write failure: a proxy that refuses an oversized request may close while the
     * client is still sending; what matters is the answer it wrote before.
     */
    static void sendIgnoringClose(Socket socket, byte[] bytes) {
        try {
            send(socket, bytes);
        } catch (IOException e) {
            // the server closed first: expected for oversized input; the reply is read next
        }
    }

    /** Reads one response: the head up to the empty line, then exactly {@code Content-Length} body bytes. */
    static HttpReply readReply(InputStream in) throws IOException {
        String head = readHead(in);
        HttpReply headOnly = new HttpReply(head, new byte[0]);
        int length = headOnly.header("Content-Length").map(Integer::parseInt).orElse(0);
        byte[] body = in.readNBytes(length);
        if (body.length != length) {
            throw new IOException("body: " + body.length + " bytes (expected: Content-Length " + length + ")");
        }
        return new HttpReply(head, body);
    }

    static HttpReply readReply(Socket socket) throws IOException {
        return readReply(socket.getInputStream());
    }

    /** Reads a response head, up to and including the empty line, and nothing more. */
    static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0; // how much of "\r\n\r\n" has been seen
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("end of stream inside the head: " + head.toString(StandardCharsets.ISO_8859_1));
            }
            head.write(b);
            matched = b == (matched % 2 == 0 ? '\r' : '\n') ? matched + 1 : (b == '\r' ? 1 : 0);
            if (head.size() > MAX_HEAD_BYTES) {
                throw new IOException("head longer than " + MAX_HEAD_BYTES + " bytes");
            }
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    /** Reads exactly {@code length} bytes. */
    static byte[] readExactly(Socket socket, int length) throws IOException {
        byte[] bytes = socket.getInputStream().readNBytes(length);
        if (bytes.length != length) {
            throw new IOException("expected " + length + " bytes, got " + bytes.length + " before end of stream");
        }
        return bytes;
    }

    /**
     * Reads until the peer closes, treating a reset as a close (a server that closes with unread input sends RST).
     * Fails the test if the connection is still open after the read timeout.
     */
    static byte[] readUntilClosed(Socket socket) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] chunk = new byte[8192];
        InputStream in = socket.getInputStream();
        try {
            for (int n = in.read(chunk); n >= 0; n = in.read(chunk)) {
                all.write(chunk, 0, n);
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("connection still open after " + READ_TIMEOUT_MS + " ms; read so far: "
                    + all.toString(StandardCharsets.ISO_8859_1), e);
        } catch (SocketException e) {
            // reset by the peer: it closed the connection
        }
        return all.toByteArray();
    }

    /** Asserts that the peer closes the connection without sending another byte. */
    static void assertClosedSilently(Socket socket) throws IOException {
        assertThat(readUntilClosed(socket)).as("bytes after the expected end").isEmpty();
    }

    /** Polls {@code condition} every 20 ms until it holds; fails with {@code what} after {@code timeoutMs}. */
    static void awaitTrue(String what, long timeoutMs, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeoutMs * 1_000_000;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + timeoutMs + " ms: " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for: " + what, e);
            }
        }
    }

    /** {@code Basic base64(user:password)} (RFC 7617, UTF-8). */
    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    static String ascii(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }
}
