package io.bifrost.app.server.proxy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** A raw HTTP/1.x client over one socket, for asserting exact bytes on the wire. Not thread-safe. */
final class RawHttp implements AutoCloseable {
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    RawHttp(InetSocketAddress proxy) throws IOException {
        socket = new Socket();
        socket.connect(proxy, 5000);
        socket.setSoTimeout(10_000);
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    RawHttp send(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        return this;
    }

    RawHttp send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
        return this;
    }

    void shutdownOutput() throws IOException {
        socket.shutdownOutput();
    }

    /** Reads one response: head, then a body framed by Content-Length, chunked, or the end of the stream. */
    Response read(boolean headRequest) throws IOException {
        String statusLine = line();
        Map<String, String> headers = new LinkedHashMap<>();
        StringBuilder rawHead = new StringBuilder(statusLine).append("\r\n");
        for (String l = line(); !l.isEmpty(); l = line()) {
            rawHead.append(l).append("\r\n");
            int colon = l.indexOf(':');
            headers.merge(l.substring(0, colon).trim().toLowerCase(Locale.ROOT), l.substring(colon + 1).trim(),
                    (a, b) -> a + ", " + b);
        }
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        byte[] body;
        if (headRequest || status == 204 || status == 304 || (status >= 100 && status < 200)) {
            body = new byte[0];
        } else if (headers.containsKey("content-length")) {
            body = in.readNBytes(Integer.parseInt(headers.get("content-length")));
        } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = chunked();
        } else {
            body = in.readAllBytes();
        }
        return new Response(statusLine, status, headers, body, rawHead.toString());
    }

    Response read() throws IOException {
        return read(false);
    }

    private byte[] chunked() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            int size = Integer.parseInt(line().split(";")[0].trim(), 16);
            if (size == 0) {
                while (!line().isEmpty()) {
                    // trailers
                }
                return body.toByteArray();
            }
            body.write(in.readNBytes(size));
            line();
        }
    }

    /** Reads a response head, status line to empty line, and nothing of the body. */
    String readHead() throws IOException {
        StringBuilder head = new StringBuilder();
        for (String l = line(); !l.isEmpty(); l = line()) {
            head.append(l).append("\r\n");
        }
        return head.toString();
    }

    /** Reads a chunked body whose head {@link #readHead()} consumed. */
    byte[] readChunkedBody() throws IOException {
        return chunked();
    }

    /** Reads everything until the peer closes; empty when it closed right away. */
    byte[] readToEnd() throws IOException {
        return in.readAllBytes();
    }

    /** True when the server closed the connection (EOF without further bytes). */
    boolean closedByPeer() throws IOException {
        return in.read() == -1;
    }

    private String line() throws IOException {
        StringBuilder sb = new StringBuilder();
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                break;
            }
            if (c != '\r') {
                sb.append((char) c);
            }
        }
        if (c == -1 && sb.length() == 0) {
            throw new IOException("connection closed");
        }
        return sb.toString();
    }

    InputStream input() {
        return in;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    record Response(String statusLine, int status, Map<String, String> headers, byte[] body, String rawHead) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }
}
