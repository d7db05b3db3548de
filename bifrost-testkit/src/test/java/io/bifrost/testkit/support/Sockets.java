package io.bifrost.testkit.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** Blocking socket helpers for byte-level tests. */
public final class Sockets {

    private Sockets() {}

    /** A connection to {@code 127.0.0.1:port} whose reads time out after 5 s, so a broken fake fails the test. */
    public static Socket connect(int port) throws IOException {
        Socket socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(5_000);
        return socket;
    }

    /** Reads an HTTP response head, up to and including the blank line, and nothing more. */
    public static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("end of stream inside the head: " + head.toString(StandardCharsets.ISO_8859_1));
            }
            head.write(b);
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    /** Reads exactly {@code length} bytes. */
    public static byte[] readExactly(InputStream in, int length) throws IOException {
        byte[] bytes = in.readNBytes(length);
        if (bytes.length != length) {
            throw new IOException("expected " + length + " bytes, got " + bytes.length);
        }
        return bytes;
    }

    /** Writes {@code payload} then half-closes; for a writer thread. */
    public static void writeThenHalfClose(Socket socket, byte[] payload) {
        try {
            socket.getOutputStream().write(payload);
            socket.shutdownOutput();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
