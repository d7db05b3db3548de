package io.bifrost.adapters.vertx.proxy.http.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.bifrost.adapters.vertx.proxy.http.codec.RequestTarget.Absolute;
import io.bifrost.adapters.vertx.proxy.http.codec.RequestTarget.Authority;
import io.bifrost.adapters.vertx.proxy.http.codec.RequestTarget.Invalid;
import io.bifrost.adapters.vertx.proxy.http.codec.RequestTarget.Scheme;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Request-target forms of [PRX-020], destinations of [PRX-021] and [PRX-050]. */
class RequestTargetTest {

    @ParameterizedTest(name = "{0} → {1} {2} {3} {4} {5}")
    @CsvSource(delimiter = '|', textBlock = """
            http://example.com/a?b=1          | HTTP  | example.com    | false | 80    | /a?b=1
            HTTP://Example.COM                | HTTP  | Example.COM    | false | 80    | /
            https://example.com:8443          | HTTPS | example.com    | false | 8443  | /
            hTtPs://example.com/              | HTTPS | example.com    | false | 443   | /
            http://example.com?q              | HTTP  | example.com    | false | 80    | /?q
            http://example.com/p#frag         | HTTP  | example.com    | false | 80    | /p
            http://example.com#frag           | HTTP  | example.com    | false | 80    | /
            http://example.com./x             | HTTP  | example.com.   | false | 80    | /x
            http://10.0.0.1:65535/x/y?z=1&w=2 | HTTP  | 10.0.0.1       | false | 65535 | /x/y?z=1&w=2
            http://[2001:db8::10]/            | HTTP  | 2001:db8::10   | true  | 80    | /
            http://[::1]:8080/a               | HTTP  | ::1            | true  | 8080  | /a
            http://[::ffff:192.0.2.1]/        | HTTP  | ::ffff:192.0.2.1 | true | 80  | /
            http://under_score.example/a@b    | HTTP  | under_score.example | false | 80 | /a@b
            http://h:00080/                   | HTTP  | h              | false | 80    | /
            """)
    void parse_absoluteForm_extractsDestination(String target, Scheme scheme, String host, boolean ipv6, int port,
            String originForm) {
        assertThat(RequestTarget.parse("GET", target)).isEqualTo(new Absolute(scheme, host, ipv6, port, originForm));
    }

    @ParameterizedTest(name = "{0} → {1} {2} {3}")
    @CsvSource(delimiter = '|', textBlock = """
            example.com:443      | example.com   | false | 443
            Example.com:8080     | Example.com   | false | 8080
            example.com          | example.com   | false | 443
            192.0.2.7:22         | 192.0.2.7     | false | 22
            [2001:db8::10]:443   | 2001:db8::10  | true  | 443
            [2001:db8::10]       | 2001:db8::10  | true  | 443
            [1:2:3:4:5:6:7:8]:1  | 1:2:3:4:5:6:7:8 | true | 1
            """)
    void parse_connectAuthorityForm_extractsDestination(String target, String host, boolean ipv6, int port) {
        assertThat(RequestTarget.parse("CONNECT", target)).isEqualTo(new Authority(host, ipv6, port));
    }

    @ParameterizedTest(name = "{0} {1} → {2}")
    @CsvSource(delimiter = '|', textBlock = """
            GET     | /a                        | absolute URI or CONNECT required
            OPTIONS | *                         | absolute URI or CONNECT required
            GET     | example.com:80            | absolute URI or CONNECT required
            GET     | ftp://example.com/f       | unsupported scheme "ftp"
            GET     | ws://example.com/         | unsupported scheme "ws"
            GET     | mailto:user@example.com   | unsupported scheme "mailto"
            GET     | http://user:pw@host/      | user info in URI not allowed
            GET     | http://user@host/         | user info in URI not allowed
            GET     | http:/example.com/        | malformed URI
            GET     | http:example.com          | malformed URI
            GET     | example.com               | malformed request target
            GET     | 1http://h/                | malformed request target
            GET     | http:///a                 | empty host
            GET     | http://:80/               | empty host
            GET     | http://h:0/               | invalid port "0"
            GET     | http://h:65536/           | invalid port "65536"
            GET     | http://h:/                | invalid port ""
            GET     | http://h:8o/              | invalid port "8o"
            GET     | http://h:123456/          | invalid port "123456"
            GET     | http://exa$mple.com/      | invalid host "exa$mple.com"
            GET     | http://2001:db8::1/       | IPv6 address needs brackets
            GET     | http://[2001:db8::1/      | invalid IPv6 address "2001:db8::1"
            GET     | http://[1.2.3.4]/         | invalid IPv6 address "1.2.3.4"
            GET     | http://[fe80::1%25eth0]/  | invalid IPv6 address "fe80::1%25eth0"
            GET     | http://[::1]x/            | invalid host "[::1]x"
            CONNECT | example.com:0             | invalid port "0"
            CONNECT | example.com:99999         | invalid port "99999"
            CONNECT | example.com:              | invalid port ""
            CONNECT | :443                      | empty host
            CONNECT | http://example.com:443    | CONNECT requires host:port
            CONNECT | /path                     | CONNECT requires host:port
            CONNECT | user@example.com:443      | CONNECT requires host:port
            CONNECT | *                         | CONNECT requires host:port
            CONNECT | 2001:db8::10:443          | IPv6 address needs brackets
            CONNECT | host:80:90                | invalid port "80:90"
            CONNECT | [2001:db8::zz]:443        | invalid IPv6 address "2001:db8::zz"
            CONNECT | []:443                    | invalid IPv6 address ""
            CONNECT | [::1]:                    | invalid port ""
            CONNECT | exa%6dple.com:443         | invalid host "exa%6dple.com"
            """)
    void parse_refusedTargets_explainWhy(String method, String target, String message) {
        assertThat(RequestTarget.parse(method, target)).isEqualTo(new Invalid(message));
    }

    @Test
    void parse_longJunk_quotesItShortened() {
        RequestTarget parsed = RequestTarget.parse("CONNECT", "h:" + "9".repeat(500));

        assertThat(((Invalid) parsed).message()).hasSizeLessThan(100).endsWith("...\"");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            ::                                      | true
            ::1                                     | true
            1::                                     | true
            1:2:3:4:5:6:7:8                         | true
            1:2:3:4:5:6:7::                         | true
            ::2:3:4:5:6:7:8                         | true
            1:2:3:4:5:6:1.2.3.4                     | true
            ::ffff:1.2.3.4                          | true
            FE80::aBcD                              | true
            1:2:3:4:5:6:7:8:9                       | false
            1:2:3:4:5:6:7                           | false
            1::2::3                                 | false
            :::                                     | false
            :1                                      | false
            1:                                      | false
            12345::                                 | false
            1.2.3.4::                               | false
            ::1.2.3                                 | false
            ::256.1.1.1                             | false
            1:2:3:4:5:6:7:1.2.3.4                   | false
            g::                                     | false
            """)
    void ipv6Literal_followsRfc3986Grammar(String text, boolean valid) {
        assertThat(Ipv6Literal.isValid(text)).isEqualTo(valid);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            http://example.com/          | example.com
            http://example.com:80/       | example.com
            http://example.com:8080/     | example.com:8080
            https://example.com:443/     | example.com
            https://example.com:80/      | example.com:80
            http://[::1]/                | [::1]
            http://[::1]:81/             | [::1]:81
            """)
    void hostHeader_addsPortOnlyWhenNotTheSchemeDefault(String target, String hostHeader) {
        assertThat(((Absolute) RequestTarget.parse("GET", target)).hostHeader()).isEqualTo(hostHeader);
    }
}
