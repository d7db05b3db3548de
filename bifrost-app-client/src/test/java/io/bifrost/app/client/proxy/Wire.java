package io.bifrost.app.client.proxy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A raw client over one socket to a proxy listener, for asserting bytes on the wire: HTTP/1.1 requests and responses,
 * CONNECT, and the SOCKS5 handshake (RFC 1928). Not thread-safe.
 */
final class Wire implements AutoCloseable {
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    Wire(InetSocketAddress proxy) throws IOException {
        socket = new Socket();
        socket.connect(proxy, 5000);
        socket.setSoTimeout(10_000);
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    Wire send(String text) throws IOException {
        return send(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    Wire send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
        return this;
    }

    /** Sends {@code text} and reads back exactly as many bytes: what an echo origin returns. */
    String echo(String text) throws IOException {
        send(text);
        return new String(in.readNBytes(text.length()), StandardCharsets.ISO_8859_1);
    }

    /** Reads exactly {@code n} bytes (fewer at the end of the stream), unsigned. */
    int[] read(int n) throws IOException {
        byte[] bytes = in.readNBytes(n);
        int[] out = new int[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            out[i] = bytes[i] & 0xFF;
        }
        return out;
    }

    /** Whether the peer closed the connection: the next read sees the end of the stream (or a reset). */
    boolean closedByPeer() {
        try {
            return in.read() == -1;
        } catch (IOException e) {
            return true;
        }
    }

    /** Reads one response: head, then a body framed by Content-Length or the end of the stream. */
    Response response() throws IOException {
        String statusLine = line();
        Map<String, String> headers = new LinkedHashMap<>();
        for (String l = line(); !l.isEmpty(); l = line()) {
            int colon = l.indexOf(':');
            headers.merge(l.substring(0, colon).trim().toLowerCase(Locale.ROOT), l.substring(colon + 1).trim(),
                    (a, b) -> a + ", " + b);
        }
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        byte[] body;
        if (headers.containsKey("content-length")) {
            body = in.readNBytes(Integer.parseInt(headers.get("content-length")));
        } else if (status == 200 && statusLine.endsWith("Connection established")) {
            body = new byte[0];
        } else {
            body = in.readAllBytes();
        }
        return new Response(statusLine, status, headers, new String(body, StandardCharsets.UTF_8));
    }

    /** {@code CONNECT host:port} and its response. */
    Response connect(String authority, String... extraHeaders) throws IOException {
        StringBuilder request = new StringBuilder("CONNECT " + authority + " HTTP/1.1\r\nHost: " + authority + "\r\n");
        for (String h : extraHeaders) {
            request.append(h).append("\r\n");
        }
        send(request.append("\r\n").toString());
        return response();
    }

    /** RFC 1928 without authentication: greeting, then CONNECT to a name ({@code ATYP 03}) or IPv4 literal. */
    Socks5Reply socks5(String host, int port) throws IOException {
        send(new byte[] {5, 1, 0});
        byte[] method = in.readNBytes(2);
        if (method.length < 2 || method[0] != 5 || method[1] != 0) {
            throw new IOException("SOCKS5 method selection failed");
        }
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.writeBytes(new byte[] {5, 1, 0});
        if (host.matches("\\d+\\.\\d+\\.\\d+\\.\\d+")) {
            request.write(1);
            request.writeBytes(InetAddress.getByName(host).getAddress());
        } else {
            byte[] name = host.getBytes(StandardCharsets.US_ASCII);
            request.write(3);
            request.write(name.length);
            request.writeBytes(name);
        }
        request.write(port >> 8);
        request.write(port & 0xFF);
        send(request.toByteArray());
        byte[] head = in.readNBytes(4);
        if (head.length < 4) {
            throw new IOException("SOCKS5 reply cut short");
        }
        byte[] address = in.readNBytes(head[3] == 4 ? 16 : 4);
        byte[] portBytes = in.readNBytes(2);
        int boundPort = ((portBytes[0] & 0xFF) << 8) | (portBytes[1] & 0xFF);
        return new Socks5Reply(head[1] & 0xFF, new InetSocketAddress(InetAddress.getByAddress(address), boundPort));
    }

    int localPort() {
        return socket.getLocalPort();
    }

    void shutdownOutput() throws IOException {
        socket.shutdownOutput();
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
        return sb.toString();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    /** One HTTP response; header names lower-cased. */
    record Response(String statusLine, int status, Map<String, String> headers, String body) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /** A SOCKS5 reply: {@code REP} and {@code BND.ADDR:BND.PORT}. */
    record Socks5Reply(int rep, InetSocketAddress bound) {}
}
