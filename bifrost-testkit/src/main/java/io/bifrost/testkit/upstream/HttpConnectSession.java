package io.bifrost.testkit.upstream;

import io.bifrost.testkit.internal.BlockingTcpServer;
import io.bifrost.testkit.internal.Relay;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/**
 * One client connection to a {@link FakeHttpProxy}: reads a {@code CONNECT} head (RFC 9110 §9.3.6), records it,
 * authenticates, then forwards or refuses according to the mode. Runs on its own thread and blocks.
 */
final class HttpConnectSession {

    private static final int MAX_HEAD_BYTES = 16 * 1024;

    private final ProxyCore core;
    private final int refusalStatus;
    private final Socket socket;
    private final BlockingTcpServer server;
    private final InputStream in;

    HttpConnectSession(ProxyCore core, int refusalStatus, Socket socket, BlockingTcpServer server) throws IOException {
        this.core = core;
        this.refusalStatus = refusalStatus;
        this.socket = socket;
        this.server = server;
        // Buffered: bytes the client sends right after the head (early data) must reach the tunnel, not be lost.
        this.in = new BufferedInputStream(socket.getInputStream());
    }

    void run() throws IOException {
        if (core.mode() == ProxyMode.UNRESPONSIVE) {
            ProxyCore.discardUntilClosed(in);
            return;
        }
        String head = readHead();
        if (head == null) {
            return;
        }
        String[] requestLine = head.substring(0, head.indexOf("\r\n")).split(" ");
        InetSocketAddress target = requestLine.length == 3 ? parseTarget(requestLine[1]) : null;
        if (requestLine.length == 3 && !requestLine[0].equals("CONNECT")) {
            answer(405, "Allow: CONNECT\r\n"); // e.g. absolute-form GET: Bifrost tunnels plain HTTP too [BKD-032]
        } else if (target == null) {
            answer(400, "");
        } else {
            serve(head, target);
        }
    }

    private void serve(String head, InetSocketAddress target) throws IOException {
        BasicCredentials credentials = basicCredentials(head);
        String username = credentials == null ? null : credentials.username();
        String host = target.getHostString();
        core.record(new RecordedConnect((InetSocketAddress) socket.getRemoteSocketAddress(), host, target.getPort(),
                AddressType.ofHost(host), username, head));
        core.awaitRelease();
        boolean authenticated = credentials == null
                ? core.credentials() == null
                : core.authenticate(credentials.username(), credentials.password());
        if (!authenticated) {
            answer(407, "Proxy-Authenticate: Basic realm=\"fake\"\r\n");
        } else if (core.mode() == ProxyMode.REFUSING) {
            answer(refusalStatus, "");
        } else {
            forward(host, target.getPort());
        }
    }

    private void forward(String host, int port) throws IOException {
        Socket upstream;
        try {
            upstream = server.track(Dialer.dial(host, port));
        } catch (IOException e) {
            answer(502, "");
            return;
        }
        try {
            socket.getOutputStream().write(
                    "HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            Relay.run(socket, in, upstream, upstream.getInputStream(), server);
        } finally {
            server.release(upstream);
        }
    }

    /** The head up to and including the blank line, or null if the client left first or sent too much. */
    private String readHead() throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0; // how much of "\r\n\r\n" the last bytes match
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            head.write(b);
            matched = b == "\r\n\r\n".charAt(matched) ? matched + 1 : (b == '\r' ? 1 : 0);
            if (head.size() > MAX_HEAD_BYTES) {
                answer(431, "");
                return null;
            }
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    /** {@code host:port} or {@code [v6]:port}; null if malformed. Never resolves the host. */
    private static InetSocketAddress parseTarget(String authority) {
        boolean bracketed = authority.startsWith("[");
        int colon = bracketed ? authority.indexOf("]:") + 1 : authority.lastIndexOf(':');
        if (colon <= 0) {
            return null;
        }
        String host = bracketed ? authority.substring(1, colon - 1) : authority.substring(0, colon);
        try {
            int port = Integer.parseInt(authority.substring(colon + 1));
            return port < 1 || port > 65_535 || host.isEmpty() ? null : InetSocketAddress.createUnresolved(host, port);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Credentials from {@code Proxy-Authorization: Basic ...} (RFC 7617), or null if absent or garbled. */
    private static BasicCredentials basicCredentials(String head) {
        for (String line : head.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase("Proxy-Authorization")) {
                return BasicCredentials.parse(line.substring(colon + 1).trim());
            }
        }
        return null;
    }

    /** The decoded {@code user-id:password} of a Basic credential. */
    private record BasicCredentials(String username, String password) {

        static BasicCredentials parse(String headerValue) {
            if (!headerValue.toLowerCase(Locale.ROOT).startsWith("basic ")) {
                return null;
            }
            try {
                byte[] decoded = Base64.getDecoder().decode(headerValue.substring("basic ".length()).trim());
                String pair = new String(decoded, StandardCharsets.UTF_8);
                int separator = pair.indexOf(':');
                return separator < 0
                        ? null
                        : new BasicCredentials(pair.substring(0, separator), pair.substring(separator + 1));
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
    }

    private void answer(int status, String extraHeaders) throws IOException {
        String response = "HTTP/1.1 " + status + " " + reason(status) + "\r\n" + extraHeaders
                + "Content-Length: 0\r\nConnection: close\r\n\r\n";
        socket.getOutputStream().write(response.getBytes(StandardCharsets.US_ASCII));
        ProxyCore.finish(socket, in);
    }

    private static String reason(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 407 -> "Proxy Authentication Required";
            case 429 -> "Too Many Requests";
            case 431 -> "Request Header Fields Too Large";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "Refused";
        };
    }
}
