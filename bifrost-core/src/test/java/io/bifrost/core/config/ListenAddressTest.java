package io.bifrost.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ListenAddressTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            // text,             host,        port,  all,   loopback
            "':7080',            '',          7080,  true,  false",
            "'0.0.0.0:7080',     0.0.0.0,     7080,  true,  false",
            "'[::]:7080',        ::,          7080,  true,  false",
            "'[::1]:7080',       ::1,         7080,  false, true",
            "'127.0.0.1:0',      127.0.0.1,   0,     false, true",
            "'127.0.0.2:80',     127.0.0.2,   80,    false, true",
            "'localhost:7080',   localhost,   7080,  false, true",
            "'10.0.0.5:65535',   10.0.0.5,    65535, false, false",
            "'proxy.lan:7080',   proxy.lan,   7080,  false, false",
    })
    void parse_specForms(String text, String host, int port, boolean all, boolean loopback) {
        ListenAddress a = ListenAddress.parse(text);

        assertThat(a.host()).isEqualTo(host);
        assertThat(a.port()).isEqualTo(port);
        assertThat(a.coversAllInterfaces()).isEqualTo(all);
        assertThat(a.isLoopback()).isEqualTo(loopback);
        assertThat(a.isDisabled()).isFalse();
        assertThat(a.toString()).isEqualTo(text);
    }

    @Test
    void parse_emptyString_disablesTheListener() {
        ListenAddress a = ListenAddress.parse("");

        assertThat(a.isDisabled()).isTrue();
        assertThat(a.coversAllInterfaces()).isFalse();
        assertThat(a.isLoopback()).isFalse();
        assertThat(a).hasToString("");
    }

    @ParameterizedTest
    @ValueSource(strings = {"7080", "localhost", ":", ":65536", ":-1", "::1:7080", "[::1]", "[10.0.0.1]:80",
            "a b:80", "999.1.1.1:80", "http://x:80", ":80x"})
    void parse_malformed_namesTheValue(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> ListenAddress.parse(text))
                .withMessage("invalid listen address \"" + text + "\" (expected host:port, :port, or \"\" to disable)");
    }

    @ParameterizedTest(name = "{0} vs {1} -> {2}")
    @CsvSource({
            "':7080',         '127.0.0.1:7080', true",
            "'0.0.0.0:7080',  ':7080',          true",
            "'127.0.0.1:7080','127.0.0.1:7080', true",
            "'127.0.0.1:7080','127.0.0.2:7080', false",
            "':7080',         ':7081',          false",
            "':0',            ':0',             false",
            "'',              '',               false",
    })
    void conflictsWith_sameSocketOrAllInterfaces(String a, String b, boolean expected) {
        assertThat(ListenAddress.parse(a).conflictsWith(ListenAddress.parse(b))).isEqualTo(expected);
        assertThat(ListenAddress.parse(b).conflictsWith(ListenAddress.parse(a))).isEqualTo(expected);
    }
}
