package io.bifrost.core.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HostPatternTest {

    /** The normative examples of [RTE-014], one row per pattern: matches | does not match. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "*                         | example.com 10.1.2.3 2001:db8::5                          | ",
            "example.com               | example.com EXAMPLE.com.                                  | www.example.com example.com.evil.test",
            "*.example.com             | example.com www.example.com a.b.example.com               | badexample.com example.org",
            ".example.com              | example.com www.example.com a.b.example.com               | badexample.com example.org",
            "intranet.*                | intranet.corp intranet.corp.example.com                   | intranet myintranet.corp",
            "*.corp.*                  | corp.lan build.corp.example.net                           | corp corporate.lan",
            "content*.steampowered.com | content.steampowered.com content12.steampowered.com       | cdn.content12.steampowered.com steampowered.com",
            "*-api.example.com         | eu-api.example.com                                        | api.example.com x.eu-api.example.com",
            "api.*.example.com         | api.eu.example.com                                        | api.example.com api.a.b.example.com",
            "192.168.*                 | 192.168.0.7 192.168.lan                                   | 10.192.168.1",
            "10.0.0.1                  | 10.0.0.1 ::ffff:10.0.0.1                                  | 10.0.0.10",
            "10.0.0.0/8                | 10.200.3.4                                                | 11.0.0.1 intranet.corp",
            "2001:db8::/32             | 2001:db8:ffff::1                                          | 2001:db9::1 10.0.0.1",
            "[2001:db8::1]             | 2001:db8:0:0::1                                           | 2001:db8::2",
            "bücher.example            | xn--bcher-kva.example bücher.example                      | bucher.example",
    })
    void matches_followsTheNormativeExamples(String pattern, String matching, String notMatching) {
        HostPattern parsed = HostPattern.parse(pattern);

        for (String host : words(matching)) {
            assertThat(parsed.matches(key(host))).as("%s matches %s", pattern, host).isTrue();
        }
        for (String host : words(notMatching)) {
            assertThat(parsed.matches(key(host))).as("%s does not match %s", pattern, host).isFalse();
        }
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "'  Example.COM. ', example.com,     EXACT",
            ".example.com,      *.example.com,   SUFFIX",
            "intranet.*,        intranet.*,      PREFIX",
            "*.corp.*,          *.corp.*,        GLOB",
            "a*b.example.com,   a*b.example.com, GLOB",
    })
    void parse_domain_normalisesAndPicksFastPath(String raw, String text, HostPattern.Domain.Kind kind) {
        HostPattern parsed = HostPattern.parse(raw);

        assertThat(parsed).isInstanceOfSatisfying(HostPattern.Domain.class, d -> {
            assertThat(d.text()).isEqualTo(text);
            assertThat(d.kind()).isEqualTo(kind);
        });
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "*.example.com             | ^(?:[^.]+\\.)*example\\.com$",
            "intranet.*                | ^intranet(?:\\.[^.]+)+$",
            "content*.steampowered.com | ^content[^.]*\\.steampowered\\.com$",
            "*-api.example.com         | ^[^.]*-api\\.example\\.com$",
    })
    void regexSource_isTheExpressionOfRte012(String pattern, String regex) {
        assertThat(((HostPattern.Domain) HostPattern.parse(pattern)).regexSource()).isEqualTo(regex);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "a..b             | empty label",
            "''               | empty pattern",
            "'   '            | empty pattern",
            "a b.com          | whitespace inside",
            "*.*              | wildcards only",
            "ex!ample.com     | '!' is not allowed",
            "10.0.0.0/33      | out of range",
            "10.0.0.300/8     | malformed address",
            "2001:db8::g      | malformed IP address",
    })
    void parse_invalid_namesPatternAndReason(String raw, String reason) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> HostPattern.parse(raw))
                .withMessageStartingWith("invalid pattern \"" + raw + "\"")
                .withMessageContaining(reason);
    }

    @org.junit.jupiter.api.Test
    void parse_overlongLabelOrPattern_isRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> HostPattern.parse("a".repeat(64) + ".com"))
                .withMessageContaining("63");
        assertThatIllegalArgumentException().isThrownBy(() -> HostPattern.parse(("a".repeat(60) + ".").repeat(5) + "com"))
                .withMessageContaining("253");
    }

    @org.junit.jupiter.api.Test
    void parse_cidrWithHostBits_isMaskedAndFlagged() {
        HostPattern parsed = HostPattern.parse("10.1.2.3/8");

        assertThat(parsed).isInstanceOfSatisfying(HostPattern.Cidr.class, c -> {
            assertThat(c.text()).isEqualTo("10.0.0.0/8");
            assertThat(c.block().hadHostBits()).isTrue();
        });
    }

    private static String[] words(String list) {
        return list == null ? new String[0] : Arrays.stream(list.trim().split("\\s+")).filter(s -> !s.isEmpty())
                .toArray(String[]::new);
    }

    private static RoutingKey key(String host) {
        return RoutingKey.parse(host).orElseThrow(() -> new AssertionError("not a host: " + host));
    }
}
