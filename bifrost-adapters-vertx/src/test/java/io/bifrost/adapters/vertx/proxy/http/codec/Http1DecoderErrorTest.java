package io.bifrost.adapters.vertx.proxy.http.codec;

import static io.bifrost.adapters.vertx.proxy.http.codec.Http1Error.Kind.HEADER_FIELDS_TOO_LARGE;
import static io.bifrost.adapters.vertx.proxy.http.codec.Http1Error.Kind.MALFORMED;
import static io.bifrost.adapters.vertx.proxy.http.codec.Http1Error.Kind.URI_TOO_LONG;
import static io.bifrost.adapters.vertx.proxy.http.codec.Http1Error.Kind.VERSION_NOT_SUPPORTED;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every refusal of [PRX-003], [PRX-023] and [PRX-024], with the kind the proxy maps to a status. */
class Http1DecoderErrorTest {

    private static final String REQUEST_LINE = "POST http://h/ HTTP/1.1\r\n";

    static Stream<Arguments> malformedRequests() {
        return Stream.of(
                // [PRX-024] framing
                bad("both Content-Length and Transfer-Encoding",
                        "Content-Length: 3\r\nTransfer-Encoding: chunked\r\n"),
                bad("Transfer-Encoding must end with chunked", "Transfer-Encoding: chunked, gzip\r\n"),
                bad("Transfer-Encoding must end with chunked", "Transfer-Encoding: gzip\r\n"),
                bad("chunked applied more than once", "Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n"),
                bad("invalid Transfer-Encoding", "Transfer-Encoding: \r\n"),
                bad("conflicting Content-Length values", "Content-Length: 3\r\nContent-Length: 4\r\n"),
                bad("conflicting Content-Length values", "Content-Length: 3, 4\r\n"),
                bad("invalid Content-Length", "Content-Length: abc\r\n"),
                bad("invalid Content-Length", "Content-Length: -1\r\n"),
                bad("invalid Content-Length", "Content-Length: +1\r\n"),
                bad("invalid Content-Length", "Content-Length: 0x10\r\n"),
                bad("invalid Content-Length", "Content-Length:\r\n"),
                bad("invalid Content-Length", "Content-Length: 1,,1\r\n"),
                bad("Content-Length too large", "Content-Length: 99999999999999999999\r\n"),
                bad("obsolete line folding", "X-A: 1\r\n continued\r\n"),
                bad("obsolete line folding", "X-A: 1\r\n\tcontinued\r\n"),
                bad("whitespace before the first header field", " X-A: 1\r\n"),
                bad("whitespace before colon in header field", "Content-Length : 3\r\n"),
                bad("whitespace before colon in header field", "Host\t: h\r\n"),
                bad("invalid header field name", "X A: 1\r\n"),
                bad("invalid header field name", "X(A): 1\r\n"),
                bad("invalid header field name", "Caf\u00e9: 1\r\n"),
                bad("empty header field name", ": 1\r\n"),
                bad("header field without colon", "NoColon\r\n"),
                bad("invalid header field value", "X-A: a\u0000b\r\n"),
                bad("invalid header field value", "X-A: a\rb\r\n"),
                bad("invalid header field value", "X-A: a\u007fb\r\n"));
    }

    private static Arguments bad(String message, String fields) {
        return Arguments.of(message, fields);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("malformedRequests")
    void feed_badHeaderSection_reportsMalformed(String message, String fields) {
        Recorder<RequestHead> r = Recorder.requests().feed(REQUEST_LINE + fields + "\r\nabc");

        assertThat(r.singleError()).isEqualTo(new Http1Error(MALFORMED, message, REQUEST_LINE.strip()));
        assertThat(r.heads).isEmpty();
    }

    static Stream<Arguments> malformedChunks() {
        return Stream.of(
                Arguments.of("malformed chunk size", "\r\n"),
                Arguments.of("malformed chunk size", "x\r\n"),
                Arguments.of("malformed chunk size", "-1\r\n"),
                Arguments.of("malformed chunk size", "5 5\r\nhello\r\n"),
                Arguments.of("malformed chunk size", " 5\r\nhello\r\n"),
                Arguments.of("chunk size too large", "10000000000000000\r\n"),
                Arguments.of("malformed chunk extension", "5;\r\nhello\r\n"),
                Arguments.of("malformed chunk extension", "5;a=\r\nhello\r\n"),
                Arguments.of("malformed chunk extension", "5;a=\"open\r\nhello\r\n"),
                Arguments.of("malformed chunk extension", "5;a b\r\nhello\r\n"),
                Arguments.of("malformed chunk extension", "5;a=b\u0000\r\nhello\r\n"),
                Arguments.of("missing CRLF after chunk data", "5\r\nhelloXY"),
                Arguments.of("missing CRLF after chunk data", "5\r\nhello\n0\r\n\r\n"),
                Arguments.of("missing CRLF after chunk data", "3\r\nhello\r\n"),
                Arguments.of("chunk size line too long", "5;" + "a".repeat(5000) + "\r\n"),
                Arguments.of("obsolete line folding", "0\r\nX-T: 1\r\n more\r\n\r\n"),
                Arguments.of("whitespace before colon in trailer field", "0\r\nX-T : 1\r\n\r\n"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("malformedChunks")
    void feed_badChunkedBody_reportsMalformed(String message, String body) {
        Recorder<RequestHead> r = Recorder.requests().feed(REQUEST_LINE + "Transfer-Encoding: chunked\r\n\r\n" + body);

        assertThat(r.singleError().kind()).isEqualTo(MALFORMED);
        assertThat(r.singleError().message()).isEqualTo(message);
    }

    static Stream<Arguments> badRequestLines() {
        return Stream.of(
                Arguments.of(MALFORMED, "malformed request line", "GET\r\n"),
                Arguments.of(MALFORMED, "malformed request line", "GET http://h/\r\n"),
                Arguments.of(MALFORMED, "malformed request line", "GET http://h/ HTTP/1.1 \r\n"),
                Arguments.of(MALFORMED, "malformed request line", " GET http://h/ HTTP/1.1\r\n"),
                Arguments.of(MALFORMED, "malformed request line", "GET http://h/ http/1.1\r\n"),
                Arguments.of(MALFORMED, "malformed request line", "GET http://h/ HTTP/1\r\n"),
                Arguments.of(MALFORMED, "malformed request line", "GET http://h/ HTTP/11.1\r\n"),
                Arguments.of(MALFORMED, "malformed request line", "GET http://h/ HTTP/1.1\r\r\n"),
                Arguments.of(MALFORMED, "invalid request target", "GET  http://h/ HTTP/1.1\r\n"),
                Arguments.of(MALFORMED, "invalid request target", "GET http://h/\u00e9 HTTP/1.1\r\n"),
                Arguments.of(MALFORMED, "invalid request target", "GET http://h/\ta HTTP/1.1\r\n"),
                Arguments.of(MALFORMED, "invalid method", "G(T http://h/ HTTP/1.1\r\n"),
                Arguments.of(MALFORMED, "invalid method", "GET\u0000 http://h/ HTTP/1.1\r\n"),
                Arguments.of(VERSION_NOT_SUPPORTED, "HTTP/2 is not supported", "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"),
                Arguments.of(VERSION_NOT_SUPPORTED, "HTTP version not supported", "GET http://h/ HTTP/3.0\r\n"),
                Arguments.of(VERSION_NOT_SUPPORTED, "HTTP version not supported", "GET http://h/ HTTP/0.9\r\n"));
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource("badRequestLines")
    void feed_badRequestLine_reportsKindAndKeepsTheLine(Http1Error.Kind kind, String message, String input) {
        Recorder<RequestHead> r = Recorder.requests().feed(input + "Host: h\r\n\r\n");

        assertThat(r.singleError().kind()).isEqualTo(kind);
        assertThat(r.singleError().message()).isEqualTo(message);
        String line = input.substring(0, input.indexOf('\n'));
        assertThat(r.singleError().startLine()).isEqualTo(line.endsWith("\r") ? line.substring(0, line.length() - 1)
                : line);
    }

    @Test
    void feed_http2Preface_reportsVersionNotSupportedBeforeReadingFurther() {
        Recorder<RequestHead> r = Recorder.requests().feed("PRI * HTTP/2.0\r\n");

        assertThat(r.singleError().kind()).isEqualTo(VERSION_NOT_SUPPORTED);
    }

    @Test
    void feed_requestLineOfExactlyTheLimit_isAccepted() {
        String target = "http://h/" + "a".repeat(8192 - "GET  HTTP/1.1".length() - "http://h/".length());
        String line = "GET " + target + " HTTP/1.1";
        assertThat(line).hasSize(8192);

        Recorder<RequestHead> r = Recorder.requests().feed(line + "\r\n\r\n");

        assertThat(r.heads).singleElement().extracting(RequestHead::target).isEqualTo(target);
    }

    @Test
    void feed_requestLineOverTheLimit_reportsUriTooLongWithoutWaitingForItsEnd() {
        Recorder<RequestHead> r = Recorder.requests().feed("GET http://h/" + "a".repeat(8192));

        assertThat(r.singleError()).isEqualTo(new Http1Error(URI_TOO_LONG, "request line too long", null));
        assertThat(r.decoder.bufferedBytes()).isZero();
    }

    @Test
    void feed_requestLineOneOverTheLimitWithBareLf_reportsUriTooLong() {
        String line = "GET http://h/" + "a".repeat(8193 - "GET http://h/ HTTP/1.1".length()) + " HTTP/1.1";
        assertThat(line).hasSize(8193);

        Recorder<RequestHead> r = Recorder.requests().feed(line + "\n\n");

        assertThat(r.singleError().kind()).isEqualTo(URI_TOO_LONG);
    }

    @Test
    void feed_headerSectionOver64KiB_reportsHeaderFieldsTooLarge() {
        String field = "X-Filler: " + "v".repeat(1000) + "\r\n";
        Recorder<RequestHead> r = Recorder.requests().feed(REQUEST_LINE + field.repeat(66));

        assertThat(r.singleError()).isEqualTo(
                new Http1Error(HEADER_FIELDS_TOO_LARGE, "header section too large", REQUEST_LINE.strip()));
    }

    @Test
    void feed_headerSectionJustUnder64KiB_isAccepted() {
        String field = "X-Filler: " + "v".repeat(1000) + "\r\n";
        int rest = 64 * 1024 - 2 - field.length() * 64 - "X-Last: \r\n".length();
        Recorder<RequestHead> r = Recorder.requests().feed(
                REQUEST_LINE + field.repeat(64) + "X-Last: " + "z".repeat(rest) + "\r\n\r\n");

        assertThat(r.errors).isEmpty();
        assertThat(r.heads).singleElement().extracting(h -> h.headers().entries().size()).isEqualTo(65);
    }

    @Test
    void feed_201HeaderFields_reportsHeaderFieldsTooLarge() {
        Recorder<RequestHead> r = Recorder.requests().feed(REQUEST_LINE + "X-F: 1\r\n".repeat(201) + "\r\n");

        assertThat(r.singleError().kind()).isEqualTo(HEADER_FIELDS_TOO_LARGE);
        assertThat(r.singleError().message()).isEqualTo("too many header fields");
    }

    @Test
    void feed_200HeaderFields_isAccepted() {
        Recorder<RequestHead> r = Recorder.requests().feed(REQUEST_LINE + "X-F: 1\r\n".repeat(200) + "\r\n");

        assertThat(r.heads).singleElement().extracting(h -> h.headers().entries().size()).isEqualTo(200);
    }

    @Test
    void feed_customLimits_areApplied() {
        Recorder<RequestHead> r = Recorder.requests(new Http1Limits(30, 100, 2, 10))
                .feed("GET http://h/ HTTP/1.1\r\nA: 1\r\nB: 2\r\nC: 3\r\n\r\n");

        assertThat(r.singleError().message()).isEqualTo("too many header fields");
    }

    @Test
    void feed_tooManyEmptyLinesBeforeRequestLine_reportsMalformed() {
        Recorder<RequestHead> r = Recorder.requests().feed("\r\n".repeat(9) + "GET http://h/ HTTP/1.1\r\n\r\n");

        assertThat(r.singleError().kind()).isEqualTo(MALFORMED);
    }

    @Test
    void feed_http10WithTransferEncoding_reportsMalformed() {
        Recorder<RequestHead> r = Recorder.requests().feed(
                "POST http://h/ HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n");

        assertThat(r.singleError().message()).isEqualTo("Transfer-Encoding in an HTTP/1.0 message");
    }

    @Test
    void feed_trailerSectionOverLimits_reportsHeaderFieldsTooLarge() {
        Recorder<RequestHead> r = Recorder.requests().feed(REQUEST_LINE + "Transfer-Encoding: chunked\r\n\r\n0\r\n"
                + "X-T: 1\r\n".repeat(201));

        assertThat(r.singleError().kind()).isEqualTo(HEADER_FIELDS_TOO_LARGE);
        assertThat(r.singleError().message()).isEqualTo("too many trailer fields");
    }
}
