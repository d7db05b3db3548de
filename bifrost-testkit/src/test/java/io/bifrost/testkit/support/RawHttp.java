package io.bifrost.testkit.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Sends hand-written HTTP/1.1 bytes and reads the raw answer, for assertions on framing and header case. */
public final class RawHttp {

    private RawHttp() {}

    /** A response split at the blank line: the head as text, the rest as bytes. */
    public record RawResponse(String head, byte[] body) {}

    /** Writes {@code request} and reads until the server closes the connection. */
    public static RawResponse exchangeUntilClose(int port, String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            byte[] all = readToEnd(socket.getInputStream());
            int split = indexOf(all, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            String head = new String(all, 0, split + 4, StandardCharsets.ISO_8859_1);
            byte[] body = Arrays.copyOfRange(all, split + 4, all.length);
            return new RawResponse(head, body);
        }
    }

    public static byte[] readToEnd(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.transferTo(out);
        return out.toByteArray();
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("no end of head in " + new String(haystack, StandardCharsets.ISO_8859_1));
    }
}
