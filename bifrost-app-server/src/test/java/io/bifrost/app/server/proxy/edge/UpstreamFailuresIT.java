package io.bifrost.app.server.proxy.edge;

import static io.bifrost.app.server.proxy.edge.Refusals.assertRefusal;
import static org.assertj.core.api.Assertions.assertThat;

import io.bifrost.testkit.FakeServerExtension;
import io.bifrost.testkit.origin.FakeHttpOrigin;
import io.bifrost.testkit.origin.FakeTcpOrigin;
import io.bifrost.testkit.server.BifrostServerExtension;
import io.bifrost.testkit.upstream.FakeHttpProxy;
import io.bifrost.testkit.upstream.FakeSocks5Proxy;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The rows of [PRX-100] about what lies beyond Bifrost, as clients of both listeners see them: TLS to the origin
 * ([PRX-022]), DNS, upstream proxies that reject Bifrost's credentials, origins that send no valid response head
 * ([PRX-047]); and the source address of the {@code direct} backend ([BKD-011] {@code local_addr}).
 */
class UpstreamFailuresIT {
    private static final String INVALID_NAME = "no-such-host.invalid"; // RFC 6761 §6.4: never resolves

    @RegisterExtension
    @Order(1)
    static final FakeServerExtension<FakeHttpOrigin> origin = FakeServerExtension.of(FakeHttpOrigin.http());

    @RegisterExtension
    @Order(1)
    static final FakeServerExtension<FakeHttpOrigin> httpsOrigin = FakeServerExtension.of(FakeHttpOrigin.https());

    @RegisterExtension
    @Order(1)
    static final FakeServerExtension<FakeTcpOrigin> echo = FakeServerExtension.of(FakeTcpOrigin.echo());

    @RegisterExtension
    @Order(1)
    static final FakeServerExtension<FakeTcpOrigin> sshLike =
            FakeServerExtension.of(FakeTcpOrigin.greeting("SSH-2.0-OpenSSH_9.6\r\n"));

    @RegisterExtension
    @Order(1)
    static final FakeServerExtension<FakeHttpProxy> httpUpstream =
            FakeServerExtension.of(FakeHttpProxy.forwarding().requireCredentials("bifrost", "right"));

    @RegisterExtension
    @Order(1)
    static final FakeServerExtension<FakeSocks5Proxy> socksUpstream =
            FakeServerExtension.of(FakeSocks5Proxy.forwarding().requireCredentials("bifrost", "right"));

    @RegisterExtension
    @Order(2)
    static final BifrostServerExtension bifrost = BifrostServerExtension.withConfig(() -> EdgeConfigs.server("""
            backends:
              - name: direct
                type: direct
              - name: pinned
                type: direct
                config:
                  local_addr: "127.0.0.2"
              - name: http-wrong-login
                type: http_proxy
                config:
                  address: "%s"
                  username: "bifrost"
                  password: "wrong"
              - name: socks-wrong-login
                type: socks5_proxy
                config:
                  address: "%s"
                  username: "bifrost"
                  password: "wrong"
            routes:
              - name: via-http
                domains: ["via-http.example"]
                backend: http-wrong-login
              - name: via-socks
                domains: ["via-socks.example"]
                backend: socks-wrong-login
              - name: pinned
                domains: ["localhost"]
                backend: pinned
              - name: everything
                domains: ["*"]
                backend: direct
            """.formatted(httpUpstream.get().authority(), socksUpstream.get().authority())));

    @AfterEach
    void everyoneElseIsStillServed() throws IOException {
        Probes.assertHttpServes(bifrost.httpProxy(), origin.get());
        Probes.assertSocksEchoes(bifrost.socks5Proxy(), echo.get().port());
    }

    // ---- TLS to the origin ([PRX-022]) ----

    @Test
    void https_originCertificateNotTrusted_answers502TlsCertificateError() throws IOException {
        HttpReply reply = get(httpsOrigin.get().url("/hello")); // a self-signed certificate, not in the trust store

        assertRefusal(reply, "HTTP/1.1 502 Bad Gateway", "tls_error", "tls_certificate_error");
        assertThat(reply.bodyText()).contains("\"127.0.0.1:" + httpsOrigin.get().port() + "\"");
        assertThat(httpsOrigin.get().requests()).isEmpty();
    }

    @Test
    void https_originSpeaksPlainHttp_answers502TlsProtocolError() throws IOException {
        HttpReply reply = get("https://127.0.0.1:" + origin.get().port() + "/hello");

        assertRefusal(reply, "HTTP/1.1 502 Bad Gateway", "tls_error", "tls_protocol_error");
    }

    private static HttpReply get(String url) throws IOException {
        try (Socket socket = Wire.connect(bifrost.httpProxy())) {
            Wire.send(socket, "GET " + url + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
            return Wire.readReply(socket);
        }
    }
}
