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

    // ---- DNS ----

    @Test
    void dns_nameThatDoesNotExist_answers502DnsErrorOnHttpAndConnect_andHostUnreachableOnSocks5() throws IOException {
        HttpReply forwarded = get("http://" + INVALID_NAME + "/hello");
        HttpReply tunnel = Refusals.connect(bifrost.httpProxy(), INVALID_NAME + ":443", "");
        byte[] socks = Refusals.socksConnect(bifrost.socks5Proxy(), Socks5Wire.connectDomain(INVALID_NAME, 443));

        assertRefusal(forwarded, "HTTP/1.1 502 Bad Gateway", "dns_error", "dns_error");
        assertThat(forwarded.bodyText()).contains("\"" + INVALID_NAME + "\""); // [PRX-048]: names the host
        assertRefusal(tunnel, "HTTP/1.1 502 Bad Gateway", "dns_error", "dns_error");
        assertThat(socks).containsExactly(Socks5Wire.failure(0x04));
    }

    // ---- upstream proxies that reject Bifrost's credentials ----

    @Test
    void httpUpstream_rejectsCredentials_answers502UpstreamAuthFailed() throws IOException {
        HttpReply tunnel = Refusals.connect(bifrost.httpProxy(), "via-http.example:443", "");
        HttpReply forwarded = get("http://via-http.example/hello");
        byte[] socks = Refusals.socksConnect(bifrost.socks5Proxy(), Socks5Wire.connectDomain("via-http.example", 443));

        // the upstream's 407 is addressed to Bifrost, not passed on: a configuration problem of the server
        assertRefusal(tunnel, "HTTP/1.1 502 Bad Gateway", "upstream_auth_failed", "proxy_configuration_error");
        assertThat(tunnel.header("Proxy-Authenticate")).isEmpty();
        assertRefusal(forwarded, "HTTP/1.1 502 Bad Gateway", "upstream_auth_failed", "proxy_configuration_error");
        assertThat(socks).containsExactly(Socks5Wire.failure(0x01));
        assertThat(httpUpstream.get().auths()).isNotEmpty(); // it really asked the upstream
    }

    @Test
    void socks5Upstream_rejectsCredentials_answers502UpstreamAuthFailed() throws IOException {
        HttpReply tunnel = Refusals.connect(bifrost.httpProxy(), "via-socks.example:443", "");
        byte[] socks = Refusals.socksConnect(bifrost.socks5Proxy(), Socks5Wire.connectDomain("via-socks.example", 443));

        assertRefusal(tunnel, "HTTP/1.1 502 Bad Gateway", "upstream_auth_failed", "proxy_configuration_error");
        assertThat(socks).containsExactly(Socks5Wire.failure(0x01)); // RFC 1929 01 01 from the upstream
        assertThat(socksUpstream.get().auths()).isNotEmpty();
    }

    // ---- no valid response head ([PRX-047]) ----

    @Test
    void origin_closesBeforeAResponseHead_answers502UpstreamResponseInvalid() throws IOException {
        try (HangUpOrigin hangUp = new HangUpOrigin()) {
            HttpReply reply = get("http://127.0.0.1:" + hangUp.port() + "/hello");

            assertRefusal(reply, "HTTP/1.1 502 Bad Gateway", "upstream_response_invalid", "http_protocol_error");
        }
    }

    @Test
    void origin_answersWithSomethingOtherThanHttp_answers502UpstreamResponseInvalid() throws IOException {
        HttpReply reply = get("http://127.0.0.1:" + sshLike.get().port() + "/hello");

        assertRefusal(reply, "HTTP/1.1 502 Bad Gateway", "upstream_response_invalid", "http_protocol_error");
    }

    // ---- direct backend: local_addr ([BKD-011]) ----

    @Test
    void direct_localAddr_upstreamSocketsAreBoundToIt() throws IOException {
        HttpReply forwarded = get("http://localhost:" + origin.get().port() + "/hello");
        Socks5Wire.Reply connected;
        try (Socket socket = Wire.connect(bifrost.socks5Proxy())) {
            Wire.send(socket, Socks5Wire.greeting(0x00));
            assertThat(Wire.readExactly(socket, 2)).containsExactly(5, 0);
            Wire.send(socket, Socks5Wire.connectDomain("localhost", echo.get().port()));
            connected = Socks5Wire.readReply(socket);
        }

        assertThat(forwarded.bodyText()).isEqualTo("hello");
        assertThat(origin.get().lastRequest().orElseThrow().remoteAddress().getAddress())
                .isEqualTo(InetAddress.getByName("127.0.0.2"));
        assertThat(connected.rep()).isZero();
        assertThat(InetAddress.getByAddress(connected.address())).isEqualTo(InetAddress.getByName("127.0.0.2"));
    }

    private static HttpReply get(String url) throws IOException {
        try (Socket socket = Wire.connect(bifrost.httpProxy())) {
            Wire.send(socket, "GET " + url + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
            return Wire.readReply(socket);
        }
    }
}
