package io.bifrost.core.policy;

import static io.bifrost.core.policy.AccessControlTest.ip;
import static org.assertj.core.api.Assertions.assertThat;

import io.bifrost.core.net.CidrBlock;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AddressScopeTest {

    @ParameterizedTest(name = "{0} public: {1}")
    @CsvSource({
            "8.8.8.8,           true",
            "203.0.113.7,       true",
            "172.32.0.1,        true",
            "100.128.0.1,       true",
            "2001:db8::1,       true",
            "10.1.1.1,          false",
            "172.31.255.255,    false",
            "192.168.0.1,       false",
            "100.127.255.255,   false",
            "169.254.1.1,       false",
            "127.0.0.1,         false",
            "0.0.0.0,           false",
            "224.0.0.1,         false",
            "255.255.255.255,   false",
            "::1,               false",
            "::,                false",
            "fe80::1,           false",
            "fd12::1,           false",
            "fc00::1,           false",
            "ff02::1,           false",
            "::ffff:10.0.0.1,   false",
    })
    void isPublic_followsSec090(String address, boolean expected) {
        assertThat(AddressScope.isPublic(ip(address))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} non-public: {1}")
    @CsvSource({
            "10.0.0.0/8,        true",
            "10.20.0.0/16,      true",
            "172.16.0.0/12,     true",
            "192.168.1.0/24,    true",
            "100.64.0.0/10,     true",
            "169.254.0.0/16,    true",
            "127.0.0.1,         true",
            "::1,               true",
            "fd00::/8,          true",
            "fe80::/10,         true",
            "10.0.0.0/7,        false",
            "172.0.0.0/8,       false",
            "100.0.0.0/8,       false",
            "fc00::/6,          false",
            "0.0.0.0/0,         false",
            "203.0.113.7,       false",
    })
    void isNonPublic_wholeBlockInsideTheRanges(String block, boolean expected) {
        assertThat(AddressScope.isNonPublic(CidrBlock.parse(block))).isEqualTo(expected);
    }
}
