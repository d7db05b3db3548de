package io.bifrost.adapters.vertx.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.bifrost.core.config.HostPort;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProbeTargetsTest {

    @ParameterizedTest(name = "{0} ({1}) → {2}:{3}")
    @CsvSource({
            "health.example,        http,  health.example, 80",
            "health.example,        https, health.example, 443",
            "health.example:8080,   https, health.example, 8080",
            "[2001:db8::1],         https, 2001:db8::1,    443",
            "[2001:db8::1]:8443,    http,  2001:db8::1,    8443",
    })
    void http_portDefaultsFromScheme(String target, String scheme, String host, int port) {
        assertThat(ProbeTargets.http(target, scheme)).isEqualTo(new HostPort(host, port));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "198.51.100.20,       198.51.100.20",
            "198.51.100.20:3128,  198.51.100.20", // a proxy backend's address is the default target ([BKD-061])
            "[2001:db8::1]:1080,  2001:db8::1",
            "[2001:db8::1],       2001:db8::1",
            "proxy.example,       proxy.example",
    })
    void ping_dropsAnyPort(String target, String host) {
        assertThat(ProbeTargets.ping(target)).isEqualTo(host);
    }

    @Test
    void tcp_withoutPort_isRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> ProbeTargets.tcp("proxy.example"))
                .withMessageContaining("missing port");
    }
}
