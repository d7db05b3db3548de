package io.bifrost.adapters.vertx.accesslog;

import static org.assertj.core.api.Assertions.assertThat;

import io.bifrost.core.config.AccessLogConfig;
import io.bifrost.core.traffic.ErrorCode;
import io.bifrost.core.traffic.Protocol;
import io.bifrost.core.traffic.RequestRecord;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Lines byte for byte as [SEC-071]-[SEC-073] show them. */
class AccessLogFormatTest {
    private static final AccessLogFormat JSON = AccessLogFormat.of(AccessLogConfig.Format.JSON);
    private static final AccessLogFormat COMBINED = AccessLogFormat.of(AccessLogConfig.Format.COMBINED);
    private static final AccessLogFormat APACHE = AccessLogFormat.of(AccessLogConfig.Format.APACHE);
    private static final AccessLogFormat COMMON = AccessLogFormat.of(AccessLogConfig.Format.COMMON);

    /** The record behind the [SEC-071] example. */
    private static final RequestRecord SPEC_CONNECT = new RequestRecord(Instant.parse("2025-03-14T09:26:53.589Z"),
            "20250314092653-4127/1", "192.0.2.44", 51820, "alice", Protocol.CONNECT, "CONNECT", "api.example.com", 443,
            null, "api.example.com:443", 200, 48213, 3310, 15032.4, "default", "direct", null, "curl/8.5.0",
            null);

    /** The first [SEC-072] example. */
    private static final RequestRecord SPEC_GET = new RequestRecord(Instant.parse("2025-03-14T09:26:53.120Z"),
            "20250314092653-4128/1", "192.0.2.44", 51822, "alice", Protocol.HTTP, "GET", "example.com", 80,
            "/index.html", "http://example.com/index.html", 200, 5120, 96, 12.5, "default", "direct", null,
            "curl/8.5.0", null);

    /** The second [SEC-072] example: a refused CONNECT of an anonymous client. */
    private static final RequestRecord SPEC_REFUSED = new RequestRecord(Instant.parse("2025-03-14T09:27:01.999Z"),
            "20250314092701-4129/1", "192.0.2.44", 51830, null, Protocol.CONNECT, "CONNECT", "files.example.org", 443,
            null, "files.example.org:443", 403, 259, 61, 0.8, null, null, ErrorCode.NO_ROUTE, "curl/8.5.0", null);

    private static String line(AccessLogFormat format, RequestRecord r) {
        StringBuilder out = new StringBuilder();
        format.append(r, out);
        return out.toString();
    }

    @Test
    void json_specExample_matchesByteForByte() {
        assertThat(line(JSON, SPEC_CONNECT)).isEqualTo("{\"timestamp\":\"2025-03-14T09:26:53.589Z\","
                + "\"request_id\":\"20250314092653-4127/1\",\"client_ip\":\"192.0.2.44\",\"client_port\":51820,"
                + "\"username\":\"alice\",\"protocol\":\"CONNECT\",\"method\":\"CONNECT\",\"host\":\"api.example.com\","
                + "\"port\":443,\"status_code\":200,\"bytes_sent\":48213,\"bytes_received\":3310,"
                + "\"duration_ms\":15032.4,\"route\":\"default\",\"backend\":\"direct\",\"user_agent\":\"curl/8.5.0\"}");
    }

    @Test
    void json_absentOptionalMembers_areOmitted() {
        RequestRecord socksAuth = new RequestRecord(Instant.parse("2025-03-14T09:26:53Z"), "20250314092653-1/1",
                "2001:db8::7", 40000, null, Protocol.SOCKS5, "AUTH", "", 0, null, "", 1, 2, 3, 0.0, null, null,
                ErrorCode.AUTH_FAILED, null, null);

        assertThat(line(JSON, socksAuth)).isEqualTo("{\"timestamp\":\"2025-03-14T09:26:53.000Z\","
                + "\"request_id\":\"20250314092653-1/1\",\"client_ip\":\"2001:db8::7\",\"client_port\":40000,"
                + "\"protocol\":\"SOCKS5\",\"method\":\"AUTH\",\"host\":\"\",\"port\":0,\"status_code\":1,"
                + "\"bytes_sent\":2,\"bytes_received\":3,\"duration_ms\":0,\"error\":\"auth_failed\"}");
    }

    @Test
    void json_referer_isNoMember() { // [SEC-071] has none; only the combined line shows it
        assertThat(line(JSON, with(SPEC_GET, "curl/8.5.0", "http://example.com/"))).isEqualTo(line(JSON, SPEC_GET));
    }

    @Test
    void json_forwardedRequest_hasPathWithoutQueryBetweenPortAndStatus() {
        assertThat(line(JSON, SPEC_GET)).contains("\"port\":80,\"path\":\"/index.html\",\"status_code\":200,");
    }

    @Test
    void json_quotesBackslashesAndControls_areEscaped() {
        RequestRecord r = withUserAgent(SPEC_GET, "a\"b\\c\nd\te\u0001f\u007fé");

        assertThat(line(JSON, r)).endsWith(",\"user_agent\":\"a\\\"b\\\\c\\nd\\te\\u0001f\u007fé\"}");
    }

    @ParameterizedTest(name = "{0} ms → {1}")
    @CsvSource({"15032.4, 15032.4", "12.0, 12", "0.5, 0.5", "1.234, 1.234", "1.2346, 1.235", "0.0004, 0",
            "0.01, 0.01", "100.1, 100.1", "-3.0, 0"})
    void json_durations_haveUpToThreeDecimals(double ms, String expected) {
        StringBuilder out = new StringBuilder();
        LogText.millis(ms, out);
        assertThat(out).hasToString(expected);
    }

    @Test
    void combined_specExamples_matchByteForByte() {
        assertThat(line(COMBINED, SPEC_GET)).isEqualTo("192.0.2.44 - alice [14/Mar/2025:09:26:53 +0000] "
                + "\"GET http://example.com/index.html HTTP/1.1\" 200 5120 \"-\" \"curl/8.5.0\"");
        assertThat(line(COMBINED, SPEC_REFUSED)).isEqualTo("192.0.2.44 - - [14/Mar/2025:09:27:01 +0000] "
                + "\"CONNECT files.example.org:443 HTTP/1.1\" 403 259 \"-\" \"curl/8.5.0\"");
    }

    @Test
    void combined_referer_isTheFirstQuotedField_escaped() {
        RequestRecord r = with(SPEC_GET, "curl/8.5.0", "http://example.com/search?q=\"a b\"\\");

        assertThat(line(COMBINED, r)).isEqualTo("192.0.2.44 - alice [14/Mar/2025:09:26:53 +0000] "
                + "\"GET http://example.com/index.html HTTP/1.1\" 200 5120 "
                + "\"http://example.com/search?q=\\\"a b\\\"\\\\\" \"curl/8.5.0\"");
    }

    @Test
    void apache_isCombined() {
        RequestRecord withReferer = with(SPEC_GET, "curl/8.5.0", "http://example.com/");

        assertThat(line(APACHE, SPEC_GET)).isEqualTo(line(COMBINED, SPEC_GET));
        assertThat(line(APACHE, withReferer)).isEqualTo(line(COMBINED, withReferer));
    }

    @Test
    void common_isCombinedWithoutRefererAndUserAgent() {
        assertThat(line(COMMON, with(SPEC_GET, "curl/8.5.0", "http://example.com/")))
                .isEqualTo("192.0.2.44 - alice [14/Mar/2025:09:26:53 +0000] "
                + "\"GET http://example.com/index.html HTTP/1.1\" 200 5120");
        assertThat(line(COMMON, SPEC_REFUSED)).isEqualTo("192.0.2.44 - - [14/Mar/2025:09:27:01 +0000] "
                + "\"CONNECT files.example.org:443 HTTP/1.1\" 403 259");
    }

    @Test
    void combined_socks5_hasSocks5RequestLineAndReplyCodeAsStatus() {
        RequestRecord socks = new RequestRecord(Instant.parse("2025-12-01T23:59:59.999Z"), "x/1", "192.0.2.9",
                1000, null, Protocol.SOCKS5, "CONNECT", "db.internal", 5432, null, "db.internal:5432", 0, 0, 40,
                3.5, "lan", "direct", null, null, null);

        assertThat(line(COMBINED, socks)).isEqualTo("192.0.2.9 - - [01/Dec/2025:23:59:59 +0000] "
                + "\"CONNECT db.internal:5432 SOCKS5\" 0 - \"-\" \"-\"");
    }

    @Test
    void combined_socks5NegotiationFailure_hasDashForTheMissingTarget() {
        RequestRecord auth = new RequestRecord(Instant.parse("2025-01-05T01:02:03Z"), "x/1", "192.0.2.9", 1000, null,
                Protocol.SOCKS5, "AUTH", "", 0, null, "", 1, 2, 3, 0.1, null, null, ErrorCode.AUTH_FAILED, null,
                null);

        assertThat(line(COMMON, auth)).isEqualTo("192.0.2.9 - - [05/Jan/2025:01:02:03 +0000] \"AUTH - SOCKS5\" 1 2");
    }

    @Test
    void combined_quotesBackslashesAndControlsInQuotedFields_areEscaped() {
        RequestRecord r = withUserAgent(SPEC_GET, "evil\" \"x\\y\r\n192.0.2.1 - - [forged]\u0000");

        assertThat(line(COMBINED, r)).endsWith(
                "\"-\" \"evil\\\" \\\"x\\\\y\\r\\n192.0.2.1 - - [forged]\\x00\"");
    }

    @Test
    void combined_emptyUserAgentAndNoBytesSent_areDashes() {
        RequestRecord r = new RequestRecord(SPEC_GET.start(), "x/1", "192.0.2.44", 1, "", Protocol.HTTP, "GET",
                "example.com", 80, "/", "http://example.com/", 502, 0, 10, 1.0, null, null,
                ErrorCode.CONNECTION_REFUSED, "", null);

        assertThat(line(COMBINED, r)).isEqualTo("192.0.2.44 - - [14/Mar/2025:09:26:53 +0000] "
                + "\"GET http://example.com/ HTTP/1.1\" 502 - \"-\" \"-\"");
    }

    private static RequestRecord withUserAgent(RequestRecord r, String userAgent) {
        return with(r, userAgent, r.referer());
    }

    private static RequestRecord with(RequestRecord r, String userAgent, String referer) {
        return new RequestRecord(r.start(), r.requestId(), r.clientIp(), r.clientPort(), r.username(), r.protocol(),
                r.method(), r.host(), r.port(), r.path(), r.url(), r.statusCode(), r.bytesSent(), r.bytesReceived(),
                r.durationMs(), r.route(), r.backend(), r.error(), userAgent, referer);
    }
}
