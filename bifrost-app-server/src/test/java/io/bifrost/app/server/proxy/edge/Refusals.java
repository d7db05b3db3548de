package io.bifrost.app.server.proxy.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/** Expected shapes of Bifrost's own refusals ([PRX-048], [PRX-091], [PRX-100]) and the requests that provoke them. */
final class Refusals {
    private Refusals() {}

    /** [PRX-091], byte for byte, with {@code X-Bifrost-Error: <code>}. */
    static String authChallenge(String code) {
        return "HTTP/1.1 407 Proxy Authentication Required\r\n"
                + "Proxy-Authenticate: Basic realm=\"Bifrost\", charset=\"UTF-8\"\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\n"
                + "Content-Length: 39\r\n"
                + "X-Bifrost-Error: " + code + "\r\n"
                + "Connection: keep-alive\r\n"
                + "\r\n"
                + "Bifrost: proxy authentication required\n";
    }

    /**
     * Asserts a [PRX-048] error response: status line, Bifrost's code, the RFC 9209 error type, and a one-line
     * plain-text body.
     *
     * @param proxyStatusError the {@code error} parameter of {@code Proxy-Status} ([PRX-100])
     */
    static void assertRefusal(HttpReply reply, String statusLine, String code, String proxyStatusError) {
        assertThat(reply.statusLine()).isEqualTo(statusLine);
        assertThat(reply.header("X-Bifrost-Error")).hasValue(code);
        assertThat(reply.header("Proxy-Status")).hasValueSatisfying(v -> assertThat(v)
                .startsWith("bifrost; error=" + proxyStatusError + "; details=\""));
        assertThat(reply.header("Content-Type")).hasValue("text/plain; charset=utf-8");
        assertThat(reply.bodyText()).startsWith("Bifrost: ").endsWith("\n");
        assertThat(reply.bodyText().strip()).doesNotContain("\n");
    }

    /** Sends {@code CONNECT authority} (plus {@code extraFields}) on a fresh connection and reads the answer. */
    static HttpReply connect(InetSocketAddress proxy, String authority, String extraFields) throws IOException {
        try (Socket socket = Wire.connect(proxy)) {
            Wire.send(socket, "CONNECT " + authority + " HTTP/1.1\r\nHost: " + authority + "\r\n" + extraFields
                    + "\r\n");
            HttpReply reply = Wire.readReply(socket);
            // [PRX-051]: every CONNECT failure but 407 closes the connection
            if (reply.status() != 407) {
                assertThat(reply.header("Connection")).hasValue("close");
                Wire.assertClosedSilently(socket);
            }
            return reply;
        }
    }

    /**
     * Opens a SOCKS5 connection offering "no authentication", sends a CONNECT and returns everything the proxy sends
     * after the method selection until it closes.
     */
    static byte[] socksConnect(InetSocketAddress socks, byte[] request) throws IOException {
        try (Socket socket = Wire.connect(socks)) {
            Wire.send(socket, Socks5Wire.greeting(0x00));
            assertThat(Wire.readExactly(socket, 2)).containsExactly(5, 0);
            Wire.send(socket, request);
            return Wire.readUntilClosed(socket);
        }
    }
}
