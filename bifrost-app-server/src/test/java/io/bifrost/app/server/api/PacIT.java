package io.bifrost.app.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.bifrost.testkit.server.BifrostServerExtension;
import io.bifrost.testkit.server.TestConfigs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code /proxy.pac} and {@code /wpad.dat} on the API listener ([SAPI-300], [SAPI-301]), open despite a token. */
class PacIT {
    @RegisterExtension
    static final BifrostServerExtension bifrost = BifrostServerExtension.withConfig(() -> TestConfigs.server("""
            backends:
              - name: direct
                type: direct
            routes:
              - name: lan
                domains: ["10.0.0.0/8", "2001:db8::10", "2001:db8:100::/48"]
                backend: direct
                priority: 50
              - name: corp
                domains: ["*.corp.example.com", "intranet.*"]
                backend: direct
                priority: 100
              - name: off
                domains: ["*.off.example"]
                backend: direct
                enabled: false
            """, "", "  token: \"your-token\"\n"));

    /** The spec's example with {@code «host»}, {@code «http»} and {@code «socks»} still to fill in. */
    private static final String TEMPLATE = """
            // Bifrost proxy auto-configuration. Generated from the route table; do not edit.
            function FindProxyForURL(url, host) {
              var h = String(host).toLowerCase();
              if (h.charAt(0) === "[") {
                h = h.substring(1, h.length - 1);
              }
              if (h.length > 1 && h.charAt(h.length - 1) === ".") {
                h = h.substring(0, h.length - 1);
              }
              var proxy = "PROXY «host»:«http»; SOCKS5 «host»:«socks»";
              // route "corp" (priority 100)
              if (/^(?:[^.]+\\.)*corp\\.example\\.com$/.test(h)) return proxy;
              if (/^intranet(?:\\.[^.]+)+$/.test(h)) return proxy;
              // route "lan" (priority 50)
              if (bifrostInNet4(h, "10.0.0.0", "255.0.0.0")) return proxy;
              if (h === "2001:db8::10") return proxy;
              // IPv6 range 2001:db8:100::/48 cannot be expressed in PAC; not included
              return "DIRECT";
            }

            function bifrostInNet4(h, net, mask) {
              return /^[0-9]{1,3}(\\.[0-9]{1,3}){3}$/.test(h) && isInNet(h, net, mask);
            }
            """;

    private static String expected(String host) {
        return TEMPLATE.replace("«host»", host).replace("«http»", String.valueOf(bifrost.httpProxy().getPort()))
                .replace("«socks»", String.valueOf(bifrost.socks5Proxy().getPort()));
    }

    private static String rawGet(String path, String headers) throws Exception {
        try (RawSocket socket = new RawSocket("127.0.0.1", bifrost.api().getPort())) {
            String response = socket.send("GET " + path + " " + headers + "\r\n").readToEnd();
            return response.substring(response.indexOf("\r\n\r\n") + 4);
        }
    }

    @Test
    void proxyPac_withoutToken_isTheSpecTextForTheRequestedHost() {
        var r = new ApiClient(bifrost.api(), null).get("/proxy.pac");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).isEqualTo("application/x-ns-proxy-autoconfig");
        assertThat(r.header("Content-Disposition")).isEqualTo("inline; filename=\"proxy.pac\"");
        assertThat(r.header("Cache-Control")).isEqualTo("max-age=60");
        assertThat(r.body()).isEqualTo(expected("127.0.0.1"));
    }

    @Test
    void proxyPac_hostHeaderNamesTheProxyHost_ipv6KeepsBrackets() throws Exception {
        String named = rawGet("/proxy.pac", "HTTP/1.1\r\nHost: proxy.example.net:7082\r\nConnection: close\r\n");
        String v6 = rawGet("/proxy.pac", "HTTP/1.1\r\nHost: [2001:db8::1]:7082\r\nConnection: close\r\n");
        String noHost = rawGet("/proxy.pac", "HTTP/1.0\r\n");

        assertThat(named).isEqualTo(expected("proxy.example.net"));
        assertThat(v6).contains("var proxy = \"PROXY [2001:db8::1]:" + bifrost.httpProxy().getPort()
                + "; SOCKS5 [2001:db8::1]:");
        assertThat(noHost).isEqualTo(expected("127.0.0.1"));
    }

    @Test
    void wpad_sameDocument_otherFilename() {
        ApiClient anonymous = new ApiClient(bifrost.api(), null);
        var wpad = anonymous.get("/wpad.dat/");

        assertThat(wpad.header("Content-Disposition")).isEqualTo("inline; filename=\"wpad.dat\"");
        assertThat(wpad.body()).isEqualTo(expected("127.0.0.1"));
        anonymous.request("POST", "/proxy.pac", "").assertError(401, "UNAUTHORIZED");
    }

    @Test
    void head_hasTheHeadersAndNoBody_theNextResponseFollowsAtOnce() throws Exception {
        try (RawSocket socket = new RawSocket("127.0.0.1", bifrost.api().getPort())) {
            socket.send("HEAD /proxy.pac HTTP/1.1\r\nHost: h\r\n\r\nGET /api/v1/health HTTP/1.1\r\nHost: h\r\n"
                    + "Connection: close\r\n\r\n");

            String head = socket.head();
            String next = socket.readToEnd();

            assertThat(head).startsWith("HTTP/1.1 200 OK\r\n")
                    .contains("Content-Type: application/x-ns-proxy-autoconfig")
                    .contains("Cache-Control: max-age=60");
            assertThat(next).startsWith("HTTP/1.1 200 OK\r\n").contains("\"status\":\"healthy\"");
        }
    }
}
