package io.bifrost.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HostPortTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "proxy.example.com:7080, proxy.example.com, 7080, proxy.example.com:7080",
            "198.51.100.20:3128,     198.51.100.20,     3128, 198.51.100.20:3128",
            "'[2001:DB8::1]:1080',   2001:db8::1,       1080, '[2001:db8::1]:1080'",
            "bifrost-server:7080,    bifrost-server,    7080, bifrost-server:7080",
            "localhost:1,            localhost,         1,    localhost:1",
    })
    void parse_hostAndPort(String text, String host, int port, String formatted) {
        HostPort hp = HostPort.parse(text);

        assertThat(hp.host()).isEqualTo(host);
        assertThat(hp.port()).isEqualTo(port);
        assertThat(hp).hasToString(formatted);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "http://proxy:3128  | invalid address \"http://proxy:3128\": a scheme is not allowed (expected host:port)",
            "proxy              | invalid address \"proxy\": missing port (expected host:port)",
            "proxy:0            | invalid address \"proxy:0\": port \"0\" out of range (expected 1-65535)",
            "proxy:65536        | invalid address \"proxy:65536\": port \"65536\" out of range (expected 1-65535)",
            ":3128              | invalid address \":3128\": malformed host (expected host:port)",
            "2001:db8::1:3128   | invalid address \"2001:db8::1:3128\": an IPv6 address needs brackets (expected [address]:port)",
            "[zz::1]:3128       | invalid address \"[zz::1]:3128\": malformed IPv6 address (expected [address]:port)",
    })
    void parse_malformed_explainsWhy(String text, String message) {
        assertThatIllegalArgumentException().isThrownBy(() -> HostPort.parse(text)).withMessage(message);
    }
}
