package io.bifrost.adapters.vertx.proxy.socks5;

import static io.bifrost.adapters.vertx.proxy.socks5.ServerExchange.hexOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.vertx.core.buffer.Buffer;
import java.net.Inet6Address;
import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class Socks5AddressTest {

    @ParameterizedTest(name = "{0} → {1} {2}")
    @CsvSource({
            "0.0.0.0,                                   Ipv4,       0.0.0.0",
            "255.255.255.255,                           Ipv4,       255.255.255.255",
            "010.001.0.9,                               Ipv4,       10.1.0.9",      // decimal, never octal
            "::,                                        Ipv6,       ::",
            "::1,                                       Ipv6,       ::1",
            "1::,                                       Ipv6,       1::",
            "2001:DB8:0:0:0:0:0:1,                      Ipv6,       2001:db8::1",
            "2001:db8:0:0:1:0:0:1,                      Ipv6,       2001:db8::1:0:0:1",  // first longest run
            "2001:db8:0:1:1:1:1:1,                      Ipv6,       2001:db8:0:1:1:1:1:1", // one zero group stays
            "fe80::0001:00ff,                           Ipv6,       fe80::1:ff",
            "::ffff:192.0.2.1,                          Ipv4,       192.0.2.1",
            "::FFFF:c000:0201,                          Ipv4,       192.0.2.1",
            "64:ff9b::192.0.2.33,                       Ipv6,       64:ff9b::c000:221",
            "1:2:3:4:5:6:1.2.3.4,                       Ipv6,       1:2:3:4:5:6:102:304",
            "example.com,                               DomainName, example.com",
            "1.2.3,                                     DomainName, 1.2.3",
            "1.2.3.256,                                 DomainName, 1.2.3.256",
            "0x7f.1,                                    DomainName, 0x7f.1",
    })
    void tryParseHost_classifiesWithoutResolving(String text, String kind, String host) {
        Socks5Address address = Socks5Address.parseHost(text);

        assertThat(address.getClass().getSimpleName()).isEqualTo(kind);
        assertThat(address.host()).isEqualTo(host);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ":", ":::", "1:2", "1::2::3", "1:2:3:4:5:6:7:8:9", "1::2:3:4:5:6:7:8", "12345::",
            "::1%eth0", "[::1]", "::1.2.3", "1:2:3:4:5:6:7:1.2.3.4", "::1.2.3.4.5", "g::1", "exa mple", "a..b",
            "example.com.", "\u0661.2.3.4", "\u0661::1"})
    void tryParseHost_neitherLiteralNorName_isEmpty(String text) {
        assertThat(Socks5Address.tryParseHost(text)).isEmpty();
        assertThatIllegalArgumentException().isThrownBy(() -> Socks5Address.parseHost(text))
                .withMessageContaining("host: '" + text + "'");
    }

    @Test
    void encodeTo_eachAddressType_followsRfc1928() {
        assertThat(encoded(Socks5Address.parseHost("192.0.2.1"))).isEqualTo("01c0000201");
        assertThat(encoded(Socks5Address.parseHost("2001:db8::1"))).isEqualTo("0420010db8000000000000000000000001");
        assertThat(encoded(Socks5Address.parseHost("ab.c"))).isEqualTo("030461622e63");
    }

    @Test
    void of_ipv4MappedInetAddress_becomesIpv4() throws Exception {
        byte[] mapped = ServerExchange.hex("00000000000000000000ffff0a000001");
        Inet6Address v6 = Inet6Address.getByAddress(null, mapped, -1);

        assertThat(Socks5Address.of(v6)).isEqualTo(Socks5Address.parseHost("10.0.0.1"));
        assertThatIllegalArgumentException().isThrownBy(() -> new Socks5Address.Ipv6(v6));
        assertThat(Socks5Address.of(InetAddress.getByAddress(new byte[16]))).isInstanceOf(Socks5Address.Ipv6.class);
    }

    @Test
    void domainName_tooLongOrBadLabel_isRejectedByConstructor() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Socks5Address.DomainName("a".repeat(256)));
        assertThatIllegalArgumentException().isThrownBy(() -> new Socks5Address.DomainName("a".repeat(64)));
        assertThat(new Socks5Address.DomainName("a".repeat(63)).host()).hasSize(63);
    }

    @Test
    void endpoint_toString_bracketsIpv6() {
        assertThat(new Socks5Endpoint(Socks5Address.parseHost("2001:db8::1"), 443)).hasToString("[2001:db8::1]:443");
        assertThat(new Socks5Endpoint(Socks5Address.parseHost("example.com"), 80)).hasToString("example.com:80");
        assertThatIllegalArgumentException().isThrownBy(() -> new Socks5Endpoint(Socks5Address.parseHost("a"), 65536));
    }

    private static String encoded(Socks5Address address) {
        Buffer buffer = Buffer.buffer();
        address.encodeTo(buffer);
        return hexOf(buffer);
    }
}
