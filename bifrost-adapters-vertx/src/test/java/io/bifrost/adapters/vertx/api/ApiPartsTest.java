package io.bifrost.adapters.vertx.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bifrost.adapters.vertx.runtime.BuildInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The small pure pieces of the API: value formats, Host parsing, origin rule, domain input, platform names. */
class ApiPartsTest {

    @Test
    void time_isUtcWithExactlyMilliseconds() {
        assertThat(ApiJson.time(Instant.parse("2025-03-14T09:26:53Z"))).isEqualTo("2025-03-14T09:26:53.000Z");
        assertThat(ApiJson.time(Instant.parse("2025-03-14T09:26:53.589912Z"))).isEqualTo("2025-03-14T09:26:53.589Z");
    }

    @Test
    void uptime_usesDurationSyntax() {
        assertThat(ApiJson.uptime(93792)).isEqualTo("26h3m12s");
        assertThat(ApiJson.uptime(3600)).isEqualTo("1h");
        assertThat(ApiJson.uptime(0)).isEqualTo("0s");
    }

    @Test
    void millis_keepsAtMostThreeDecimals() {
        assertThat(ApiJson.millis(Duration.ofNanos(45_123_456))).isEqualTo(45.123);
        assertThat(ApiJson.millis(Duration.ofMillis(5003))).isEqualTo(5003.0);
    }

    @ParameterizedTest(name = "{0} → {1} {2}")
    @CsvSource({
            "proxy.example.net:7082, proxy.example.net, 7082",
            "proxy.example.net, proxy.example.net, -1",
            "[2001:db8::1]:7082, [2001:db8::1], 7082",
            "[::1], [::1], -1",
            "127.0.0.1:x, 127.0.0.1, -1",
    })
    void hostHeader_splitsHostAndPort_keepingIpv6Brackets(String header, String host, int port) {
        assertThat(HostHeader.parse(header)).isEqualTo(new HostHeader(host, port));
    }

    @ParameterizedTest(name = "Origin {0}, Host {1} → {2}")
    @CsvSource({
            "http://127.0.0.1:7082, 127.0.0.1:7082, true",
            "http://LOCALHOST:7082, localhost:7082, true",
            "http://proxy.example.net, proxy.example.net, true",
            "http://proxy.example.net, proxy.example.net:80, true",
            "https://proxy.example.net, proxy.example.net, false",
            "http://evil.example, 127.0.0.1:7082, false",
            "http://127.0.0.1:9999, 127.0.0.1:7082, false",
            "http://[::1]:7082, [::1]:7082, true",
            "null, 127.0.0.1:7082, false",
    })
    void sameOrigin_comparesHostAndPort(String origin, String host, boolean same) {
        assertThat(ApiSecurity.sameOrigin(origin, host)).isEqualTo(same);
    }

    @Test
    void sameOrigin_withoutOrigin_isAllowed() {
        assertThat(ApiSecurity.sameOrigin(null, "127.0.0.1:1")).isTrue();
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "video.example.net:443, video.example.net",
            "video.example.net, video.example.net",
            "[2001:db8::1]:443, [2001:db8::1]",
            "2001:db8::1, 2001:db8::1",
            "192.0.2.1:80, 192.0.2.1",
    })
    void routeTestHost_dropsPortAndKeepsBrackets(String domain, String host) {
        assertThat(QueryParams.hostOf(domain)).contains(host);
    }

    @Test
    void routeTestHost_badPort_isRefused() {
        assertThat(QueryParams.hostOf("example.com:http")).isEqualTo(Optional.empty());
        assertThat(QueryParams.hostOf("example.com:70000")).isEqualTo(Optional.empty());
        assertThat(QueryParams.hostOf("[2001:db8::1")).isEqualTo(Optional.empty());
    }

    @Test
    void eventFilter_unknownType_isInvalidParameter() {
        assertThat(EventsResource.types("stats.update, backend.health")).containsExactly("stats.update",
                "backend.health");
        assertThat(EventsResource.types(null)).isEmpty();
        assertThatThrownBy(() -> EventsResource.types("stats.update,nope"))
                .isInstanceOfSatisfying(ApiException.class,
                        e -> assertThat(e.code()).isEqualTo(ApiErrorCode.INVALID_PARAMETER))
                .hasMessageContaining("\"nope\"");
    }

    @Test
    void mediaTypes_acceptJsonOnly() {
        assertThat(MediaTypes.isJson("application/json")).isTrue();
        assertThat(MediaTypes.isJson("Application/JSON; charset=utf-8")).isTrue();
        assertThat(MediaTypes.isJson("application/merge-patch+json")).isTrue();
        assertThat(MediaTypes.isJson("text/plain")).isFalse();
        assertThat(MediaTypes.isJson("application/x-yaml")).isFalse();
    }

    @Test
    void buildInfo_withoutResource_isUnknown() {
        BuildInfo unknown = BuildInfo.unknown();

        assertThat(unknown.gitCommit()).isEqualTo("unknown");
        assertThat(unknown.buildTime()).isEqualTo(Instant.EPOCH);
    }
}
