package io.bifrost.core.routing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RoutingKeyTest {

    /** [RTE-001] and [RTE-002]. */
    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "Www.Example.com,   www.example.com, NAME",
            "example.com.,      example.com,     NAME",
            "[2001:DB8::1],     2001:db8::1,     IPV6",
            "2001:DB8::1,       2001:db8::1,     IPV6",
            "intranet.corp,     intranet.corp,   NAME",
            "10.0.0.1,          10.0.0.1,        IPV4",
            "::ffff:192.0.2.1,  192.0.2.1,       IPV4",
            "bücher.example,    xn--bcher-kva.example, NAME",
            "under_score.test,  under_score.test, NAME",
    })
    void parse_normalises(String host, String text, String kind) {
        RoutingKey key = RoutingKey.parse(host).orElseThrow();

        assertThat(key.text()).isEqualTo(text);
        assertThat(key.isIpv4() ? "IPV4" : key.isIpv6() ? "IPV6" : "NAME").isEqualTo(kind);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".", "a..b", "exa mple.com", "ex!ample.com", "[not-ip]", "1:2", "a/b"})
    void parse_impossibleHost_isEmpty(String host) {
        assertThat(RoutingKey.parse(host)).isEmpty();
    }
}
