package io.bifrost.core.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CidrBlockTest {

    @ParameterizedTest(name = "{0} contains {1} → {2}")
    @CsvSource({
            "10.0.0.0/8,        10.200.3.4,       true",
            "10.0.0.0/8,        11.0.0.1,         false",
            "192.168.1.0/23,    192.168.0.77,     true",
            "192.168.1.0/23,    192.168.2.1,      false",
            "0.0.0.0/0,         203.0.113.9,      true",
            "0.0.0.0/0,         2001:db8::1,      false",
            "2001:db8::/32,     2001:db8:ffff::1, true",
            "2001:db8::/32,     2001:db9::1,      false",
            "2001:db8::/32,     10.0.0.1,         false",
            "192.0.2.7,         192.0.2.7,        true",
            "192.0.2.7,         192.0.2.8,        false",
            "10.0.0.0/8,        ::ffff:10.1.1.1,  true",
    })
    void contains_followsPrefix(String block, String address, boolean expected) {
        assertThat(CidrBlock.parse(block).contains(IpAddress.parse(address).orElseThrow())).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"10.1.2.3/8, 10.0.0.0/8, true", "10.0.0.0/8, 10.0.0.0/8, false", "2001:db8::1/32, 2001:db8::/32, true"})
    void parse_hostBits_areMaskedAndRemembered(String text, String canonical, boolean hostBits) {
        CidrBlock block = CidrBlock.parse(text);

        assertThat(block).hasToString(canonical);
        assertThat(block.hadHostBits()).isEqualTo(hostBits);
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.0/33", "2001:db8::/129", "10.0.0.0/", "10.0.0.0/x", "example.com/8", "10.0.0/8"})
    void parse_malformed_namesTheProblem(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> CidrBlock.parse(text));
    }
}
