package io.bifrost.core.net;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IpAddressTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "10.0.0.1,                 10.0.0.1",
            "255.255.255.255,          255.255.255.255",
            "2001:db8::1,              2001:db8::1",
            "2001:DB8:0:0::1,          2001:db8::1",
            "[2001:db8::1],            2001:db8::1",
            "::,                       ::",
            "::1,                      ::1",
            "::ffff:192.0.2.1,         192.0.2.1",
            "::ffff:c000:0201,         192.0.2.1",
            "2001:db8:0:0:1:0:0:1,     2001:db8::1:0:0:1",
            "2001:0:0:1:0:0:0:1,       2001:0:0:1::1",
            "fe80:0:0:0:0:0:0:0,       fe80::",
            "1:2:3:4:5:6:7:8,          1:2:3:4:5:6:7:8",
            "1:2:3:4:5:6:7::,          1:2:3:4:5:6:7:0",
            "64:ff9b::192.0.2.33,      64:ff9b::c000:221",
    })
    void parse_validLiteral_formatsCanonically(String text, String canonical) {
        assertThat(IpAddress.parse(text)).get().hasToString(canonical);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1.2.3", "1.2.3.4.5", "256.1.1.1", "01.2.3.4", "1.2.3.-4", "a.b.c.d", "1..2.3",
            "example.com", ":::", "1:2:3:4:5:6:7:8:9", "2001:db8::1::2", "12345::", "::g", "fe80::1%eth0", "1:2",
            ":1:2:3:4:5:6:7", "1:2:3:4:5:6:7:", "[::1", "::1.2.3"})
    void parse_notALiteral_isEmpty(String text) {
        assertThat(IpAddress.parse(text)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"127.0.0.1, true", "127.255.0.3, true", "::1, true", "128.0.0.1, false", "::2, false"})
    void isLoopback_followsRanges(String text, boolean expected) {
        assertThat(IpAddress.parse(text).orElseThrow().isLoopback()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"0.0.0.0, true", "0.1.2.3, true", "::, true", "::1, false", "1.0.0.0, false"})
    void isUnspecified_followsRanges(String text, boolean expected) {
        assertThat(IpAddress.parse(text).orElseThrow().isUnspecified()).isEqualTo(expected);
    }
}
