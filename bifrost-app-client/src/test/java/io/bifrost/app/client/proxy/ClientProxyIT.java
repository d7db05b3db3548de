package io.bifrost.app.client.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.bifrost.core.client.DebugEntry;
import io.bifrost.core.config.ClientRouteConfig.Action;
import io.bifrost.core.event.ConnectionOpened;
import io.bifrost.core.traffic.Protocol;
import io.bifrost.testkit.FakeServerExtension;
import io.bifrost.testkit.client.BifrostClientExtension;
import io.bifrost.testkit.client.ClientTestConfigs;
import io.bifrost.testkit.origin.FakeHttpOrigin;
import io.bifrost.testkit.origin.FakeTcpOrigin;
import io.bifrost.testkit.origin.RecordedRequest;
import io.bifrost.testkit.server.BifrostServerExtension;
import io.bifrost.testkit.server.TestConfigs;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Local client → bifrost-client → (bifrost-server →) origin over the client's three entries (HTTP forward, CONNECT,
 * SOCKS5), for {@code server} routes ([PRX-122], [PRX-125]) and {@code direct} routes ([PRX-121]). Which proxy
 * reached the origin is read twice: from the server's own records (a {@code server} request shows up there as a
 * tunnel, a {@code direct} one never does) and from the source address the origin saw.
 */
class ClientProxyIT {
    @RegisterExtension
    @Order(1)
    static final FakeServerExtension<FakeHttpOrigin> origin = FakeServerExtension.of(FakeHttpOrigin.http());

    @RegisterExtension
    @Order(1)
    static final FakeServerExtension<FakeTcpOrigin> echo = FakeServerExtension.of(FakeTcpOrigin.echo());

    /**
     * The server dials from {@code 127.0.0.3} ([BKD-031] {@code local_addr}; all of {@code 127.0.0.0/8} is bindable
     * on Linux), the client from {@code 127.0.0.1}: the origin's view of the source tells which of them reached it.
     */
    static final String SERVER_SOURCE = "127.0.0.3";
    static final String CLIENT_SOURCE = "127.0.0.1";

    @RegisterExtension
    @Order(2)
    static final BifrostServerExtension server = BifrostServerExtension.withConfig(() -> TestConfigs.server("""
            backends:
              - name: direct
                type: direct
                config:
                  local_addr: "%s"
            routes:
              - domains: ["*"]
                backend: direct
            """.formatted(SERVER_SOURCE)));

    @RegisterExtension
    @Order(3)
    static final BifrostClientExtension client = BifrostClientExtension.withConfig(() -> ClientTestConfigs.client(
            ClientTestConfigs.server(server.httpProxy(), "http") + """
            routes:
              - name: local
                domains: ["localhost"]
                action: direct
                priority: 10
              - name: through-server
                domains: ["127.0.0.1"]
                action: server
                priority: 5
            """));

    private final HttpClient http = HttpClient.newBuilder().proxy(ProxySelector.of(client.httpProxy()))
            .connectTimeout(Duration.ofSeconds(5)).build();

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private List<ConnectionOpened> serverConnections() {
        return server.events().ofType(ConnectionOpened.class);
    }


    @Test
    void httpForward_serverRoute_isTunnelledThroughTheServerAndForwardedByTheClient() throws Exception {
        HttpResponse<String> response = get(origin.get().url("/hello"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("hello");
        // [PRX-125]: the server sees a CONNECT tunnel to the origin, not the HTTP request
        assertThat(serverConnections()).singleElement().satisfies(c -> {
            assertThat(c.connection().protocol()).isEqualTo(Protocol.CONNECT);
            assertThat(c.connection().host()).isEqualTo("127.0.0.1");
            assertThat(c.connection().port()).isEqualTo(origin.get().port());
        });
        RecordedRequest seen = origin.get().lastRequest().orElseThrow();
        assertThat(seen.uri()).isEqualTo("/hello");
        assertThat(seen.headerValues("via")).containsExactly("1.1 bifrost");
        assertThat(source(seen)).isEqualTo(SERVER_SOURCE); // the server's outbound socket, not the client's
        DebugEntry entry = DebugEntries.awaitEntry(client, origin.get().url("/hello"), DebugEntry.Type.REQUEST);
        assertThat(entry.action()).isEqualTo(Action.SERVER);
        assertThat(entry.server()).isEqualTo("default");
        assertThat(entry.record().route()).isEqualTo("through-server");
        assertThat(entry.record().url()).isEqualTo(origin.get().url("/hello"));
        assertThat(entry.record().statusCode()).isEqualTo(200);
        assertThat(entry.error()).isNull();
    }

    @Test
    void httpForward_directRoute_reachesTheOriginWithoutTheServer() throws Exception {
        HttpResponse<String> response = get("http://localhost:" + origin.get().port() + "/hello");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("hello");
        assertThat(serverConnections()).isEmpty();
        assertThat(source(origin.get().lastRequest().orElseThrow())).isEqualTo(CLIENT_SOURCE); // the client's socket
        DebugEntry entry = DebugEntries.awaitEntry(client, "http://localhost:" + origin.get().port() + "/hello",
                DebugEntry.Type.REQUEST);
        assertThat(entry.action()).isEqualTo(Action.DIRECT);
        assertThat(entry.server()).isNull();
        assertThat(entry.record().route()).isEqualTo("local");
    }

    @Test
    void httpForward_proxyAuthorization_isIgnoredAndNotPassedOn() throws Exception {
        try (Wire wire = new Wire(client.httpProxy())) {
            wire.send("GET " + origin.get().url("/hello") + " HTTP/1.1\r\nHost: x\r\n"
                    + "Proxy-Authorization: Basic dXNlcjpwYXNz\r\nConnection: close\r\n\r\n");

            assertThat(wire.response().status()).isEqualTo(200);
        }
        assertThat(origin.get().lastRequest().orElseThrow().header("proxy-authorization")).isEmpty();
    }

    @Test
    void connect_serverRoute_tunnelsThroughTheServer() throws Exception {
        String authority = "127.0.0.1:" + echo.get().port();
        try (Wire wire = new Wire(client.httpProxy())) {
            Wire.Response established = wire.connect(authority, "Proxy-Authorization: Basic dXNlcjpwYXNz");

            assertThat(established.statusLine()).isEqualTo("HTTP/1.1 200 Connection established");
            assertThat(wire.echo("ping through the server")).isEqualTo("ping through the server");
        }
        assertThat(serverConnections()).singleElement().satisfies(c -> {
            assertThat(c.connection().protocol()).isEqualTo(Protocol.CONNECT);
            assertThat(c.connection().port()).isEqualTo(echo.get().port());
        });
        DebugEntry tunnel = DebugEntries.awaitEntry(client, authority, DebugEntry.Type.TUNNEL);
        assertThat(tunnel.action()).isEqualTo(Action.SERVER);
        assertThat(tunnel.server()).isEqualTo("default");
    }

    @Test
    void connect_directRoute_tunnelsFromTheClient() throws Exception {
        try (Wire wire = new Wire(client.httpProxy())) {
            assertThat(wire.connect("localhost:" + echo.get().port()).status()).isEqualTo(200);
            assertThat(wire.echo("direct")).isEqualTo("direct");
        }
        assertThat(serverConnections()).isEmpty();
    }

    @Test
    void socks5_serverRoute_repliesUnspecifiedBoundAddressAndTunnels() throws Exception {
        try (Wire wire = new Wire(client.socks5Proxy())) {
            Wire.Socks5Reply reply = wire.socks5("127.0.0.1", echo.get().port());

            assertThat(reply.rep()).isZero();
            // [PRX-076]: through an upstream proxy the bound address is 0.0.0.0:0
            assertThat(reply.bound().getPort()).isZero();
            assertThat(wire.echo("socks through the server")).isEqualTo("socks through the server");
        }
        assertThat(serverConnections()).singleElement().satisfies(c ->
                assertThat(c.connection().port()).isEqualTo(echo.get().port()));
    }

    @Test
    void socks5_directRoute_originSeesTheClientsOwnSocket() throws Exception {
        echo.get().clearRecords();
        int boundPort;
        try (Wire wire = new Wire(client.socks5Proxy())) {
            Wire.Socks5Reply reply = wire.socks5("localhost", echo.get().port());

            assertThat(reply.rep()).isZero();
            boundPort = reply.bound().getPort();
            assertThat(wire.echo("direct socks")).isEqualTo("direct socks");
        }
        // [PRX-076]: a direct dial reports the client's upstream socket, which is the peer the origin saw
        assertThat(echo.get().awaitConnections(1, Duration.ofSeconds(5)).get(0).remoteAddress().getPort())
                .isEqualTo(boundPort);
        assertThat(serverConnections()).isEmpty();
    }

    @Test
    void socks5_clientOffersOnlyUsernamePassword_anyCredentialsAreAccepted() throws Exception {
        try (Wire wire = new Wire(client.socks5Proxy())) {
            wire.send(new byte[] {5, 1, 2});
            assertThat(wire.read(2)).containsExactly(5, 2); // [PRX-072] "not required" rows, [PRX-120]
            wire.send(new byte[] {1, 3, 'a', 'n', 'y', 0});
            assertThat(wire.read(2)).containsExactly(1, 0);
        }
    }

    @Test
    void curl_serverAndDirectRoutesOverEachEntry_reachTheOriginFromTheRightSocket() throws Exception {
        Path curl = Path.of("/usr/bin/curl");
        assumeThat(Files.isExecutable(curl)).as("curl is installed").isTrue();
        String proxy = "http://127.0.0.1:" + client.httpProxy().getPort();
        String socks = "127.0.0.1:" + client.socks5Proxy().getPort();
        String viaServer = origin.get().url("/hello"); // 127.0.0.1: route through-server
        String direct = "http://localhost:" + origin.get().port() + "/hello"; // route local

        for (String url : List.of(viaServer, direct)) {
            origin.get().clearRecords();
            assertThat(run(curl.toString(), "-sS", "-x", proxy, url)).isEqualTo("hello"); // HTTP forward
            assertThat(run(curl.toString(), "-sS", "-p", "-x", proxy, url)).isEqualTo("hello"); // CONNECT
            assertThat(run(curl.toString(), "-sS", "--socks5-hostname", socks, url)).isEqualTo("hello");

            String expected = url.equals(viaServer) ? SERVER_SOURCE : CLIENT_SOURCE;
            assertThat(origin.get().requests()).as(url).hasSize(3).allSatisfy(r -> assertThat(source(r))
                    .isEqualTo(expected));
        }
        assertThat(serverConnections()).hasSize(3); // the three through-server requests only
    }

    /** The address the origin saw the request come from. */
    private static String source(RecordedRequest request) {
        return request.remoteAddress().getAddress().getHostAddress();
    }

    private static String run(String... command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        // a NO_PROXY from the environment would send localhost past the -x proxy
        builder.environment().keySet().removeIf(k -> k.toLowerCase(Locale.ROOT).endsWith("_proxy"));
        Process p = builder.start();
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
}
