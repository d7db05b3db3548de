package io.bifrost.app.server.proxy.edge;

import static io.bifrost.app.server.proxy.edge.PolicyConfigs.ALICE_PASSWORD;
import static io.bifrost.app.server.proxy.edge.PolicyConfigs.BOB_PASSWORD;
import static io.bifrost.app.server.proxy.edge.PolicyConfigs.authRequired;
import static io.bifrost.app.server.proxy.edge.Refusals.assertRefusal;
import static org.assertj.core.api.Assertions.assertThat;

import io.bifrost.core.event.RequestCompleted;
import io.bifrost.core.traffic.ErrorCode;
import io.bifrost.core.traffic.RequestRecord;
import io.bifrost.testkit.FakePorts;
import io.bifrost.testkit.FakeServerExtension;
import io.bifrost.testkit.origin.FakeHttpOrigin;
import io.bifrost.testkit.origin.FakeTcpOrigin;
import io.bifrost.testkit.server.BifrostServerExtension;
import io.bifrost.testkit.upstream.FakeHttpProxy;
import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The checks of [PRX-010] steps 2-9 as a client sees them on both listeners ([PRX-048], [PRX-083], [PRX-091],
 * [PRX-100], [SEC-030]-[SEC-060], [RTE-032], [RTE-055]): authentication, client access control, rate limits,
 * destination policy, routing, backend selection and dial failures. One server, restarted with the configuration
 * each group of tests needs.
 */
class PolicyIT {
    private static final String ALICE = "Proxy-Authorization: " + Wire.basic("alice", ALICE_PASSWORD) + "\r\n";
    private static final String ESTABLISHED = "HTTP/1.1 200 Connection established\r\n\r\n";

    @RegisterExtension
    @Order(1)
    static final FakeServerExtension<FakeHttpOrigin> origin = FakeServerExtension.of(FakeHttpOrigin.http());

    @RegisterExtension
    @Order(2)
    static final FakeServerExtension<FakeTcpOrigin> echo = FakeServerExtension.of(FakeTcpOrigin.echo());

    @RegisterExtension
    @Order(3)
    static final FakeServerExtension<FakeHttpProxy> stalledProxy =
            FakeServerExtension.of(FakeHttpProxy.unresponsive());

    @RegisterExtension
    @Order(4)
    static final BifrostServerExtension bifrost = BifrostServerExtension.withConfig(() -> running = authRequired());

    /** The configuration the server runs now; {@link #use} restarts it only for a different one. */
    private static String running;

    // ---- proxy authentication: HTTP ([PRX-090]-[PRX-092]) ----

    @Test
    void http_noCredentials_answers407ExactlyAndTheRetryOnTheSameConnectionSucceeds() throws IOException {
        use(authRequired());
        try (Socket socket = Wire.connect(bifrost.httpProxy())) {
            Wire.send(socket, Probes.get(origin.get(), "/hello", ""));
            assertThat(Wire.readReply(socket).wire()).isEqualTo(Refusals.authChallenge("auth_required"));

            Wire.send(socket, Probes.get(origin.get(), "/hello", ALICE));
            HttpReply retried = Wire.readReply(socket);

            assertThat(retried.statusLine()).isEqualTo("HTTP/1.1 200 OK");
            assertThat(retried.bodyText()).isEqualTo("hello");
        }
        // Proxy-Authorization is addressed to the proxy and never forwarded ([PRX-040])
        assertThat(origin.get().lastRequest().orElseThrow().header("Proxy-Authorization")).isEmpty();
    }

    @Test
    void connect_noCredentials_answers407AndTheRetryOnTheSameConnectionTunnels() throws IOException {
        use(authRequired());
        try (Socket socket = Wire.connect(bifrost.httpProxy())) {
            String connect = "CONNECT " + echo.get().authority() + " HTTP/1.1\r\nHost: " + echo.get().authority()
                    + "\r\n";
            Wire.send(socket, connect + "\r\n");
            assertThat(Wire.readReply(socket).wire()).isEqualTo(Refusals.authChallenge("auth_required"));

            Wire.send(socket, connect + ALICE + "\r\n");
            assertThat(Wire.ascii(Wire.readExactly(socket, ESTABLISHED.length()))).isEqualTo(ESTABLISHED);
            Wire.send(socket, "ping");
            assertThat(Wire.ascii(Wire.readExactly(socket, 4))).isEqualTo("ping");
        }
    }

    @Test
    void http_wrongPassword_answers407AuthFailedAndKeepsTheConnection() throws IOException {
        use(authRequired());
        try (Socket socket = Wire.connect(bifrost.httpProxy())) {
            String wrong = "Proxy-Authorization: " + Wire.basic("alice", "not-her-password") + "\r\n";
            Wire.send(socket, Probes.get(origin.get(), "/hello", wrong));
            assertThat(Wire.readReply(socket).wire()).isEqualTo(Refusals.authChallenge("auth_failed"));

            Wire.send(socket, Probes.get(origin.get(), "/hello", ALICE));
            assertThat(Wire.readReply(socket).bodyText()).isEqualTo("hello");
        }
    }

    @Test
    void http_disabledUserWithHerRightPassword_answers407AuthFailed() throws IOException {
        use(authRequired());
        try (Socket socket = Wire.connect(bifrost.httpProxy())) {
            String bob = "Proxy-Authorization: " + Wire.basic("bob", BOB_PASSWORD) + "\r\n";
            Wire.send(socket, Probes.get(origin.get(), "/hello", bob));

            assertThat(Wire.readReply(socket).wire()).isEqualTo(Refusals.authChallenge("auth_failed"));
        }
        assertThat(origin.get().requests()).isEmpty();
    }

    @Test
    void http_bearerCredentials_treatedAsMissing() throws IOException {
        use(authRequired());
        try (Socket socket = Wire.connect(bifrost.httpProxy())) {
            Wire.send(socket, Probes.get(origin.get(), "/hello", "Proxy-Authorization: Bearer abc.def\r\n"));

            assertThat(Wire.readReply(socket).wire()).isEqualTo(Refusals.authChallenge("auth_required"));
        }
    }

    // ---- proxy authentication: SOCKS5 ([PRX-072], [PRX-073]) ----

    @Test
    void socks5_usernamePasswordNotOffered_answersNoAcceptableMethodAndCloses() throws IOException {
        use(authRequired());
        try (Socket socket = Wire.connect(bifrost.socks5Proxy())) {
            Wire.send(socket, Socks5Wire.greeting(0x00));

            assertThat(Wire.readUntilClosed(socket)).containsExactly(0x05, 0xFF);
        }
    }

    @Test
    void socks5_wrongPassword_answers0101AndCloses() throws IOException {
        use(authRequired());
        assertThat(socksLogin("alice", "not-her-password")).containsExactly(1, 1);
        assertThat(socksLogin("bob", BOB_PASSWORD)).as("disabled user").containsExactly(1, 1);
    }

    @Test
    void socks5_rightPassword_tunnels() throws IOException {
        use(authRequired());
        try (Socket socket = Wire.connect(bifrost.socks5Proxy())) {
            Wire.send(socket, Socks5Wire.greeting(0x00, 0x02));
            assertThat(Wire.readExactly(socket, 2)).containsExactly(5, 2);
            Wire.send(socket, Socks5Wire.credentials("alice", ALICE_PASSWORD));
            assertThat(Wire.readExactly(socket, 2)).containsExactly(1, 0);
            Wire.send(socket, Socks5Wire.connectLoopback(echo.get().port()));
            assertThat(Socks5Wire.readReply(socket).rep()).isZero();

            Wire.send(socket, "ping");
            assertThat(Wire.ascii(Wire.readExactly(socket, 4))).isEqualTo("ping");
        }
    }

    // ---- client access control ([SEC-040], [PRX-083]) ----

    @Test
    void http_blacklistedClient_answers403AccessDeniedBeforeAskingForCredentials() throws IOException {
        use(PolicyConfigs.authRequiredAndBlacklisted("127.0.0.1"));

        try (Socket socket = Wire.connect(bifrost.httpProxy())) {
            Wire.send(socket, Probes.get(origin.get(), "/hello", ALICE));
            assertRefusal(Wire.readReply(socket), "HTTP/1.1 403 Forbidden", "access_denied", "http_request_denied");
        }
        assertRefusal(Refusals.connect(bifrost.httpProxy(), echo.get().authority(), ""), "HTTP/1.1 403 Forbidden",
                "access_denied", "http_request_denied");
        assertThat(origin.get().requests()).isEmpty();
    }

    @Test
    void http_traceFromBlacklistedClient_answers403AccessDeniedRatherThan405() throws IOException {
        use(PolicyConfigs.authRequiredAndBlacklisted("127.0.0.1"));

        try (Socket socket = Wire.connect(bifrost.httpProxy())) {
            // [PRX-010]: access control (step 2) decides before anything about the method
            Wire.send(socket, "TRACE " + origin.get().url("/hello") + " HTTP/1.1\r\nHost: x\r\n" + ALICE + "\r\n");
            assertRefusal(Wire.readReply(socket), "HTTP/1.1 403 Forbidden", "access_denied", "http_request_denied");
        }
        assertThat(origin.get().requests()).isEmpty();
    }

    @Test
    void socks5_blacklistedClient_negotiatesThenRepliesNotAllowedByRuleset() throws IOException {
        use(PolicyConfigs.authRequiredAndBlacklisted("127.0.0.0/8"));

        // "no authentication" is selected for a refused client even though authentication is required
        assertThat(Refusals.socksConnect(bifrost.socks5Proxy(), Socks5Wire.connectLoopback(echo.get().port())))
                .containsExactly(Socks5Wire.failure(0x02));
        // offering only 0x02: any credentials get 01 00, unchecked, and the request is refused
        try (Socket socket = Wire.connect(bifrost.socks5Proxy())) {
            Wire.send(socket, Socks5Wire.greeting(0x02));
            assertThat(Wire.readExactly(socket, 2)).containsExactly(5, 2);
            Wire.send(socket, Socks5Wire.credentials("mallory", "guess"));
            assertThat(Wire.readExactly(socket, 2)).containsExactly(1, 0);
            Wire.send(socket, Socks5Wire.connectLoopback(echo.get().port()));

            assertThat(Wire.readUntilClosed(socket)).containsExactly(Socks5Wire.failure(0x02));
        }
        assertThat(echo.get().connectionsAccepted()).isZero();
    }

    @Test
    void socks5_blacklistedClient_anyRequestOrNoMethodIsRefusedAndRecordedAsAccessDenied() throws IOException {
        use(PolicyConfigs.authRequiredAndBlacklisted("127.0.0.0/8"));

        // [PRX-083]: the refusal was decided before the request was known, so neither an unsupported command nor an
        // invalid name changes the answer
        byte[] bind = Socks5Wire.request(Socks5Wire.CMD_BIND, Socks5Wire.ATYP_IPV4, new byte[] {127, 0, 0, 1},
                echo.get().port());
        assertThat(Refusals.socksConnect(bifrost.socks5Proxy(), bind)).containsExactly(Socks5Wire.failure(0x02));
        assertThat(Refusals.socksConnect(bifrost.socks5Proxy(), Socks5Wire.connectDomain("a..b", 443)))
                .containsExactly(Socks5Wire.failure(0x02));
        try (Socket socket = Wire.connect(bifrost.socks5Proxy())) {
            Wire.send(socket, Socks5Wire.greeting(0x01)); // GSSAPI only: nothing Bifrost selects
            assertThat(Wire.readUntilClosed(socket)).containsExactly(5, 0xFF);
        }

        var records = bifrost.events().await(RequestCompleted.class, e -> true, 3, Duration.ofSeconds(5)).stream()
                .map(RequestCompleted::record).toList();
        assertThat(records).extracting(RequestRecord::method).containsExactlyInAnyOrder("BIND", "CONNECT", "AUTH");
        assertThat(records).extracting(RequestRecord::error).containsOnly(ErrorCode.ACCESS_DENIED); // "in every case"
        assertThat(echo.get().connectionsAccepted()).isZero();
    }

    @Test
    void accessControl_clientNotInWhitelist_refusedOnBothListeners() throws IOException {
        use(PolicyConfigs.whitelistWithoutTheClient());

        try (Socket socket = Wire.connect(bifrost.httpProxy())) {
            Wire.send(socket, Probes.get(origin.get(), "/hello", ""));
            assertRefusal(Wire.readReply(socket), "HTTP/1.1 403 Forbidden", "access_denied", "http_request_denied");
        }
        assertThat(Refusals.socksConnect(bifrost.socks5Proxy(), Socks5Wire.connectLoopback(echo.get().port())))
                .containsExactly(Socks5Wire.failure(0x02));
    }

    // ---- routing and backends ([RTE-032], [RTE-055]) ----

    @Test
    void connect_noRoute_answersExactlyAsPrx048() throws IOException {
        use(routed());

        HttpReply reply = Refusals.connect(bifrost.httpProxy(), "files.example.org:443", "");

        assertThat(reply.wire()).isEqualTo("HTTP/1.1 403 Forbidden\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\n"
                + "Content-Length: 47\r\n"
                + "Proxy-Status: bifrost; error=http_request_denied; details=\"no route for host\"\r\n"
                + "X-Bifrost-Error: no_route\r\n"
                + "Connection: close\r\n"
                + "\r\n"
                + "Bifrost: no route for host \"files.example.org\"\n");
        assertThat(Refusals.socksConnect(bifrost.socks5Proxy(), Socks5Wire.connectDomain("files.example.org", 443)))
                .containsExactly(Socks5Wire.failure(0x02));
    }

    @Test
    void http_noRoute_answers403AndKeepsTheConnectionForTheNextRequest() throws IOException {
        use(routed());
        try (Socket socket = Wire.connect(bifrost.httpProxy())) {
            Wire.send(socket, "GET http://files.example.org/a HTTP/1.1\r\nHost: files.example.org\r\n\r\n");
            HttpReply refused = Wire.readReply(socket);
            assertRefusal(refused, "HTTP/1.1 403 Forbidden", "no_route", "http_request_denied");
            assertThat(refused.header("Connection")).isEmpty(); // [PRX-048]: refused before any upstream

            Wire.send(socket, Probes.get(origin.get(), "/hello", ""));
            assertThat(Wire.readReply(socket).bodyText()).isEqualTo("hello");
        }
    }

    @Test
    void http_traceToHostWithoutRoute_answers403NoRoute() throws IOException {
        use(routed());
        try (Socket socket = Wire.connect(bifrost.httpProxy())) {
            Wire.send(socket, "TRACE http://files.example.org/a HTTP/1.1\r\nHost: files.example.org\r\n\r\n");

            assertRefusal(Wire.readReply(socket), "HTTP/1.1 403 Forbidden", "no_route", "http_request_denied");
        }
    }

    @Test
    void connect_routeWithEveryBackendDisabled_answers503NoBackend() throws IOException {
        use(routed());

        HttpReply reply = Refusals.connect(bifrost.httpProxy(), "video.example.com:443", "");

        assertRefusal(reply, "HTTP/1.1 503 Service Unavailable", "no_backend", "proxy_configuration_error");
        assertThat(reply.bodyText())
                .isEqualTo("Bifrost: route \"media\" has no usable backend for host \"video.example.com\"\n");
        assertThat(Refusals.socksConnect(bifrost.socks5Proxy(), Socks5Wire.connectDomain("video.example.com", 443)))
                .containsExactly(Socks5Wire.failure(0x01));
    }

    // ---- destination policy ([SEC-060]) ----

    @Test
    void destination_loopbackNotAllowed_refusedAsDestinationProhibited() throws IOException {
        use(PolicyConfigs.loopbackRefused());

        assertRefusal(Refusals.connect(bifrost.httpProxy(), echo.get().authority(), ""), "HTTP/1.1 403 Forbidden",
                "destination_prohibited", "destination_ip_prohibited");
        try (Socket socket = Wire.connect(bifrost.httpProxy())) {
            Wire.send(socket, "GET http://localhost:" + origin.get().port() + "/hello HTTP/1.1\r\nHost: x\r\n\r\n");
            assertRefusal(Wire.readReply(socket), "HTTP/1.1 403 Forbidden", "destination_prohibited",
                    "destination_ip_prohibited");
        }
        assertThat(Refusals.socksConnect(bifrost.socks5Proxy(), Socks5Wire.connectLoopback(echo.get().port())))
                .containsExactly(Socks5Wire.failure(0x02));
        assertThat(Refusals.socksConnect(bifrost.socks5Proxy(), Socks5Wire.connectDomain("localhost",
                echo.get().port()))).containsExactly(Socks5Wire.failure(0x02));
        assertThat(echo.get().connectionsAccepted()).isZero();
        assertThat(origin.get().requests()).isEmpty();
    }

    @Test
    void destination_ownListenerPort_refusedEvenWithLoopbackAllowed() throws IOException {
        use(routed());
        int httpPort = bifrost.httpProxy().getPort();
        int socksPort = bifrost.socks5Proxy().getPort();

        assertRefusal(Refusals.connect(bifrost.httpProxy(), "127.0.0.1:" + socksPort, ""), "HTTP/1.1 403 Forbidden",
                "destination_prohibited", "destination_ip_prohibited");
        try (Socket socket = Wire.connect(bifrost.httpProxy())) {
            Wire.send(socket, "GET http://127.0.0.1:" + httpPort + "/ HTTP/1.1\r\nHost: x\r\n\r\n");
            assertRefusal(Wire.readReply(socket), "HTTP/1.1 403 Forbidden", "destination_prohibited",
                    "destination_ip_prohibited");
        }
        assertThat(Refusals.socksConnect(bifrost.socks5Proxy(), Socks5Wire.connectDomain("localhost", httpPort)))
                .containsExactly(Socks5Wire.failure(0x02));
    }

    // ---- dial failures ([PRX-100], [PRX-105]) ----

    @Test
    void dial_closedDestinationPort_answers502ConnectionRefused() throws IOException {
        use(routed());
        int closed = FakePorts.closedPort();

        HttpReply reply = Refusals.connect(bifrost.httpProxy(), "127.0.0.1:" + closed, "");

        assertRefusal(reply, "HTTP/1.1 502 Bad Gateway", "connection_refused", "connection_refused");
        assertThat(reply.bodyText()).contains("\"127.0.0.1"); // [PRX-048]: names the destination in quotes
        assertThat(Refusals.socksConnect(bifrost.socks5Proxy(), Socks5Wire.connectLoopback(closed)))
                .containsExactly(Socks5Wire.failure(0x05));
    }

    @Test
    void dial_unresponsiveUpstreamProxy_answers504AfterConnectTimeout() throws IOException {
        use(routed());

        long start = System.nanoTime();
        HttpReply reply = Refusals.connect(bifrost.httpProxy(), "slow.example:443", "");
        long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertRefusal(reply, "HTTP/1.1 504 Gateway Timeout", "connection_timeout", "connection_timeout");
        assertThat(reply.bodyText()).contains("\"slow.example");
        assertThat(elapsed).isBetween(900L, 4_000L); // connect_timeout: 1s
        assertThat(Refusals.socksConnect(bifrost.socks5Proxy(), Socks5Wire.connectDomain("slow.example", 443)))
                .containsExactly(Socks5Wire.failure(0x04));
        assertThat(stalledProxy.get().connectionsAccepted()).isEqualTo(2);
    }

    // ---- rate limit ([SEC-050], [SEC-051]) ----

    @Test
    void rateLimit_thirdRequestOverTheBurst_answers429WithRetryAfter() throws IOException {
        restart(PolicyConfigs.rateLimited()); // a fresh bucket, whatever ran before
        try (Socket socket = Wire.connect(bifrost.httpProxy())) {
            for (int i = 0; i < 2; i++) {
                Wire.send(socket, Probes.get(origin.get(), "/hello", ""));
                assertThat(Wire.readReply(socket).status()).isEqualTo(200);
            }
            Wire.send(socket, Probes.get(origin.get(), "/hello", ""));
            HttpReply limited = Wire.readReply(socket);

            assertRefusal(limited, "HTTP/1.1 429 Too Many Requests", "rate_limited", "http_request_denied");
            assertThat(limited.header("Retry-After")).hasValueSatisfying(
                    v -> assertThat(Long.parseLong(v)).isGreaterThanOrEqualTo(1));
        }
        assertThat(Refusals.socksConnect(bifrost.socks5Proxy(), Socks5Wire.connectLoopback(echo.get().port())))
                .containsExactly(Socks5Wire.failure(0x02));
        assertThat(origin.get().requests()).hasSize(2);
    }

    // ---- helpers ----

    private static String routed() {
        return PolicyConfigs.routed(stalledProxy.get().authority());
    }

    private static void use(String yaml) {
        if (!yaml.equals(running)) {
            restart(yaml);
        }
    }

    private static void restart(String yaml) {
        running = null;
        bifrost.restart(yaml);
        running = yaml;
    }

    /** A SOCKS5 login offering only 0x02; returns everything after the method selection until the close. */
    private static byte[] socksLogin(String user, String password) throws IOException {
        try (Socket socket = Wire.connect(bifrost.socks5Proxy())) {
            Wire.send(socket, Socks5Wire.greeting(0x02));
            assertThat(Wire.readExactly(socket, 2)).containsExactly(5, 2);
            Wire.send(socket, Socks5Wire.credentials(user, password));
            return Wire.readUntilClosed(socket);
        }
    }
}
