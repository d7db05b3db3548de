package io.bifrost.app.server.observability;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** Client ends for the observability ITs: a CONNECT tunnel, a SOCKS5 connection, a metrics scrape. */
final class Wire {
    private static final HttpClient SCRAPER = HttpClient.newHttpClient();

    private Wire() {}

    /** A socket through a CONNECT tunnel, positioned after the {@code 200} head. */
    static Socket connectTunnel(InetSocketAddress proxy, int port) throws IOException {
        Socket s = new Socket();
        s.connect(proxy, 5000);
        s.setSoTimeout(20_000);
        s.getOutputStream().write(("CONNECT 127.0.0.1:" + port + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
                + "\r\nUser-Agent: wire/1\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        String head = head(s.getInputStream());
        if (!head.startsWith("HTTP/1.1 200 ")) {
            s.close();
            throw new IOException("CONNECT refused: " + head);
        }
        return s;
    }

    /** A socket through the SOCKS5 listener (no authentication), by the JDK's own SOCKS client. */
    static Socket socks5(InetSocketAddress proxy, int port) throws IOException {
        Socket s = new Socket(new Proxy(Proxy.Type.SOCKS, proxy));
        s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        s.setSoTimeout(20_000);
        return s;
    }

    private static String head(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int c = in.read();
            if (c < 0) {
                throw new IOException("connection closed in the response head");
            }
            head.write(c);
            matched = (c == '\r' && matched % 2 == 0) || (c == '\n' && matched % 2 == 1) ? matched + 1 : 0;
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    static HttpResponse<String> get(InetSocketAddress server, String path) throws Exception {
        return SCRAPER.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getPort() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
