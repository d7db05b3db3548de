package io.bifrost.core.policy;

import static io.bifrost.core.policy.AccessControlTest.ip;
import static org.assertj.core.api.Assertions.assertThat;

import io.bifrost.core.net.IpAddress;
import io.bifrost.core.policy.DestinationDecision.Prohibited;
import io.bifrost.core.routing.RoutingKey;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DestinationPolicyTest {
    /** The host: one private and one public interface address. HTTP and SOCKS5 on all interfaces, API on loopback. */
    private static final List<ListenerSocket> LISTENERS = List.of(
            ListenerSocket.allInterfaces("server.http.listen", 7080),
            new ListenerSocket("server.socks5.listen", ip("::"), 7180),
            new ListenerSocket("api.listen", ip("127.0.0.1"), 7082),
            new ListenerSocket("metrics.listen", ip("10.0.0.5"), 7090),
            ListenerSocket.allInterfaces("unbound.listen", 0));

    private static final List<IpAddress> HOST = List.of(ip("10.0.0.5"), ip("203.0.113.7"));

    @ParameterizedTest(name = "{0}:{1} allowLoopback={2} → {3}")
    @CsvSource({
            // loopback / unspecified literals and localhost names: refused unless allowed
            "127.0.0.1,          80,   false, LOOPBACK",
            "127.8.9.10,         80,   false, LOOPBACK",
            "::1,                80,   false, LOOPBACK",
            "::ffff:127.0.0.1,   80,   false, LOOPBACK",
            "0.0.0.0,            80,   false, LOOPBACK",
            "0.1.2.3,            80,   false, LOOPBACK",
            "::,                 80,   false, LOOPBACK",
            "localhost,          80,   false, LOOPBACK",
            "LocalHost.,         80,   false, LOOPBACK",
            "app.localhost,      80,   false, LOOPBACK",
            "127.0.0.1,          80,   true,  ALLOWED",
            "::1,                80,   true,  ALLOWED",
            "localhost,          80,   true,  ALLOWED",
            "app.localhost,      443,  true,  ALLOWED",
            // ordinary destinations, including the host's own addresses on other ports
            "example.com,        443,  false, ALLOWED",
            "localhost.example,  80,   false, ALLOWED",
            "notlocalhost,       80,   false, ALLOWED",
            "203.0.113.7,        443,  false, ALLOWED",
            "10.0.0.5,           22,   false, ALLOWED",
            "128.0.0.1,          80,   false, ALLOWED",
            "::2,                80,   false, ALLOWED",
            // own listeners: refused whatever allowLoopback says
            "203.0.113.7,        7080, true,  OWN_LISTENER",
            "10.0.0.5,           7080, true,  OWN_LISTENER",
            "127.0.0.1,          7080, true,  OWN_LISTENER",
            "127.1.2.3,          7080, true,  OWN_LISTENER",
            "localhost,          7080, true,  OWN_LISTENER",
            "0.0.0.0,            7080, true,  OWN_LISTENER",
            "203.0.113.7,        7180, true,  OWN_LISTENER",
            "127.0.0.1,          7082, true,  OWN_LISTENER",
            "localhost,          7082, true,  OWN_LISTENER",
            "0.0.0.0,            7082, true,  OWN_LISTENER",
            "10.0.0.5,           7090, true,  OWN_LISTENER",
            "127.0.0.1,          7080, false, OWN_LISTENER",
            // ... but only where that listener is actually bound
            "10.0.0.5,           7082, true,  ALLOWED",
            "127.0.0.2,          7082, true,  ALLOWED",
            "127.0.0.1,          7090, true,  ALLOWED",
            "203.0.113.7,        7090, true,  ALLOWED",
            "198.51.100.1,       7080, true,  ALLOWED",
            "example.com,        7080, false, ALLOWED",
            "127.0.0.1,          0,    true,  ALLOWED",
    })
    void check_requestedHost_decides(String host, int port, boolean allowLoopback, String expected) {
        DestinationPolicy policy = DestinationPolicy.of(allowLoopback, HOST, LISTENERS);

        DestinationDecision decision = policy.check(RoutingKey.parse(host).orElseThrow(), port);

        assertThat(reasonOf(decision)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "resolved {0}:{1} allowLoopback={2} → {3}")
    @CsvSource({
            "127.0.0.1,    443,  false, LOOPBACK",
            "::1,          443,  false, LOOPBACK",
            "0.0.0.0,      443,  false, LOOPBACK",
            "127.0.0.1,    443,  true,  ALLOWED",
            "93.184.216.34, 443, false, ALLOWED",
            "203.0.113.7,  7080, true,  OWN_LISTENER",
            "203.0.113.7,  7080, false, OWN_LISTENER",
            "10.0.0.5,     7090, false, OWN_LISTENER",
            "203.0.113.7,  7081, false, ALLOWED",
    })
    void checkResolved_addressOfANamedDestination_decides(String address, int port, boolean allow, String expected) {
        DestinationPolicy policy = DestinationPolicy.of(allow, HOST, LISTENERS);

        assertThat(reasonOf(policy.checkResolved(ip(address), port))).isEqualTo(expected);
    }

    @Test
    void check_ownListener_detailNamesTheListener() {
        DestinationPolicy policy = DestinationPolicy.of(true, HOST, LISTENERS);

        DestinationDecision decision = policy.check(RoutingKey.parse("localhost").orElseThrow(), 7082);

        assertThat(decision).isInstanceOf(Prohibited.class);
        assertThat(((Prohibited) decision).detail())
                .startsWith("localhost: ")
                .contains("api.listen")
                .contains("127.0.0.1:7082");
    }

    @Test
    void check_withoutHostAddresses_stillKnowsLoopbackIsLocal() {
        ListenerSocket http = ListenerSocket.allInterfaces("server.http.listen", 7080);
        DestinationPolicy policy = DestinationPolicy.of(true, List.of(), List.of(http));

        assertThat(reasonOf(policy.checkResolved(ip("127.0.0.1"), 7080))).isEqualTo("OWN_LISTENER");
        assertThat(reasonOf(policy.checkResolved(ip("10.0.0.5"), 7080))).isEqualTo("ALLOWED");
    }

    private static String reasonOf(DestinationDecision decision) {
        if (decision instanceof Prohibited p) {
            assertThat(p.detail()).isNotBlank();
            return p.reason().name();
        }
        assertThat(decision.isAllowed()).isTrue();
        return "ALLOWED";
    }
}
