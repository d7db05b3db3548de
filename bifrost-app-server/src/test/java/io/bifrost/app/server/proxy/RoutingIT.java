package io.bifrost.app.server.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.bifrost.core.backend.Backend;
import io.bifrost.core.event.RoutePanicChanged;
import io.bifrost.core.health.ProbeOutcome;
import io.bifrost.testkit.FakeServerExtension;
import io.bifrost.testkit.origin.FakeHttpOrigin;
import io.bifrost.testkit.server.BifrostServerExtension;
import io.bifrost.testkit.server.TestConfigs;
import io.bifrost.testkit.upstream.AddressType;
import io.bifrost.testkit.upstream.FakeHttpProxy;
import io.bifrost.testkit.upstream.FakeSocks5Proxy;
import io.bifrost.testkit.upstream.RecordedConnect;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Routes pick backends as configured ([RTE-030]-[RTE-060]): traffic really goes through upstream HTTP and SOCKS5
 * proxies with their credentials, round robin alternates, an unhealthy backend is skipped, and when all are
 * unhealthy the panic rule still selects.
 */
class RoutingIT {
    @RegisterExtension
    @Order(1)
    static final FakeServerExtension<FakeHttpOrigin> origin = FakeServerExtension.of(FakeHttpOrigin.http());

    @RegisterExtension
    @Order(1)
    static final FakeServerExtension<FakeHttpProxy> corp =
            FakeServerExtension.of(FakeHttpProxy.forwarding().requireCredentials("svc", "corp-pass"));

    @RegisterExtension
    @Order(1)
    static final FakeServerExtension<FakeSocks5Proxy> tunnel =
            FakeServerExtension.of(FakeSocks5Proxy.forwarding().requireCredentials("svc", "socks-pass"));

    @RegisterExtension
    @Order(1)
    static final FakeServerExtension<FakeHttpProxy> poolA = FakeServerExtension.of(FakeHttpProxy.forwarding());

    @RegisterExtension
    @Order(1)
    static final FakeServerExtension<FakeHttpProxy> poolB = FakeServerExtension.of(FakeHttpProxy.forwarding());

    @RegisterExtension
    @Order(2)
    static final BifrostServerExtension bifrost = BifrostServerExtension.withConfig(() -> TestConfigs.server("""
            backends:
              - name: corp
                type: httpproxy
                config:
                  address: "127.0.0.1:%d"
                  username: svc
                  password: corp-pass
              - name: tunnel
                type: socks5
                config:
                  address: "127.0.0.1:%d"
                  username: svc
                  password: socks-pass
              - name: a
                type: http_proxy
                config:
                  address: "127.0.0.1:%d"
              - name: b
                type: http_proxy
                config:
                  address: "127.0.0.1:%d"
            routes:
              - name: via-corp
                domains: ["corp.test"]
                backend: corp
              - name: via-socks
                domains: ["socks.test", "127.0.0.1"]
                backend: tunnel
              - name: pool
                domains: ["*.pool.test"]
                backends: [a, b]
                load_balance: round_robin
            """.formatted(corp.get().port(), tunnel.get().port(), poolA.get().port(), poolB.get().port())));

    @AfterEach
    void healAll() {
        for (Backend b : bifrost.server().backends().all()) {
            b.health().record(ProbeOutcome.success(Instant.now(), Duration.ZERO));
        }
    }

    @Test
    void httpProxyBackend_withCredentials_carriesTheTunnel() throws Exception {
        try (RawHttp client = new RawHttp(bifrost.httpProxy())) {
            client.send("CONNECT corp.test:" + origin.get().port() + " HTTP/1.1\r\n\r\n").read();
        }
        RecordedConnect seen = corp.get().awaitConnects(1, Duration.ofSeconds(5)).get(0);
        assertThat(seen.host()).isEqualTo("corp.test");
        assertThat(seen.username()).isEqualTo("svc");
        assertThat(seen.requestHead()).contains("CONNECT corp.test:" + origin.get().port() + " HTTP/1.1")
                .contains("User-Agent: bifrost/");
    }

    @Test
    void httpProxyBackend_plainHttpRequest_isCarriedThroughConnect() throws Exception {
        // the fake resolves corp.test by name at the upstream; point it at the origin with an IP-literal route
        try (RawHttp client = new RawHttp(bifrost.httpProxy())) {
            client.send("GET http://corp.test:" + origin.get().port() + "/hello HTTP/1.1\r\nHost: x\r\n\r\n");
            client.read();
        }
        assertThat(corp.get().awaitConnects(1, Duration.ofSeconds(5)).get(0).target())
                .isEqualTo("corp.test:" + origin.get().port());
    }

    @Test
    void socks5Backend_withCredentials_sendsTheNameForRemoteResolution() throws Exception {
        try (RawHttp client = new RawHttp(bifrost.httpProxy())) {
            client.send("CONNECT socks.test:" + origin.get().port() + " HTTP/1.1\r\n\r\n").read();
        }
        RecordedConnect seen = tunnel.get().awaitConnects(1, Duration.ofSeconds(5)).get(0);
        assertThat(seen.host()).isEqualTo("socks.test");
        assertThat(seen.addressType()).isEqualTo(AddressType.DOMAIN);
        assertThat(seen.username()).isEqualTo("svc");
    }

    @Test
    void roundRobin_alternatesBetweenPoolMembers() throws Exception {
        List<String> used = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            used.add(connectThroughPool());
        }
        // the route's counter is shared with the other tests of this class: assert alternation, not the phase
        assertThat(String.join(",", used)).isIn("a,b,a,b", "b,a,b,a");
    }

    @Test
    void unhealthyBackend_isSkipped() throws Exception {
        backend("a").health().record(ProbeOutcome.failure(Instant.now(), Duration.ZERO, "refused"));

        assertThat(List.of(connectThroughPool(), connectThroughPool(), connectThroughPool()))
                .containsExactly("b", "b", "b");
        assertThat(bifrost.events().ofType(RoutePanicChanged.class)).isEmpty();
    }

    @Test
    void allUnhealthy_panicRuleStillSelectsAndIsReportedOnce() throws Exception {
        backend("a").health().record(ProbeOutcome.failure(Instant.now(), Duration.ZERO, "refused"));
        backend("b").health().record(ProbeOutcome.failure(Instant.now(), Duration.ZERO, "refused"));

        List<String> used = List.of(connectThroughPool(), connectThroughPool());

        assertThat(used).containsExactlyInAnyOrder("a", "b");
        assertThat(bifrost.events().ofType(RoutePanicChanged.class)).singleElement()
                .satisfies(e -> {
                    assertThat(e.route()).isEqualTo("pool");
                    assertThat(e.panic()).isTrue();
                    assertThat(e.candidates()).isEqualTo(2);
                });
    }

    @Test
    void jdkClient_throughSocks5Backend_getsOriginBodyAndTheUpstreamSawIt() throws Exception {
        HttpClient client = HttpClient.newBuilder().proxy(ProxySelector.of(bifrost.httpProxy())).build();

        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(origin.get().url("/hello")))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.body()).isEqualTo("hello");
        RecordedConnect seen = tunnel.get().awaitConnects(1, Duration.ofSeconds(5)).get(0);
        assertThat(seen.host()).isEqualTo("127.0.0.1");
        assertThat(seen.addressType()).isEqualTo(AddressType.IPV4);
        assertThat(seen.username()).isEqualTo("svc");
    }

    private static Backend backend(String name) {
        return bifrost.server().backends().find(name).orElseThrow();
    }

    /** Opens a CONNECT through the pool route and reports which fake upstream saw it. */
    private static String connectThroughPool() throws Exception {
        int before = poolA.get().connects().size();
        try (RawHttp client = new RawHttp(bifrost.httpProxy())) {
            client.send("CONNECT x.pool.test:443 HTTP/1.1\r\n\r\n").read();
        }
        return poolA.get().connects().size() > before ? "a" : "b";
    }
}
