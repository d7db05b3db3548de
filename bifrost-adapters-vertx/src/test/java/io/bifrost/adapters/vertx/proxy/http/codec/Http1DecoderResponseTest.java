package io.bifrost.adapters.vertx.proxy.http.codec;

import static io.bifrost.adapters.vertx.proxy.http.codec.Recorder.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class Http1DecoderResponseTest {

    @Test
    void feed_contentLengthResponse_deliversHeadBodyEnd() {
        Recorder<ResponseHead> r = Recorder.responses().feed("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nhi");

        assertThat(r.events).containsExactly("head HTTP/1.1 200 OK CONTENT_LENGTH(2) 38 [Content-Length: 2]",
                "body hi", "end");
    }

    @Test
    void feed_statusLineWithoutReason_isAccepted() {
        Recorder<ResponseHead> r = Recorder.responses().feed("HTTP/1.0 404\r\nContent-Length: 0\r\n\r\n"
                + "HTTP/1.1 599 \r\nContent-Length: 0\r\n\r\n");
        r.decoder.resume();

        assertThat(r.heads).extracting(ResponseHead::status, ResponseHead::reason, ResponseHead::version)
                .containsExactly(tuple(404, "", Http1Version.HTTP_1_0),
                        tuple(599, "", Http1Version.HTTP_1_1));
    }

    @Test
    void feed_responseToHead_hasNoBodyDespiteContentLength() {
        Recorder<ResponseHead> r = Recorder.responses();
        r.decoder.expectResponseTo("HEAD");

        r.feed("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nabc");

        assertThat(r.events).hasSize(2).endsWith("end");
        assertThat(r.heads.get(0).framing()).isEqualTo(BodyFraming.none());
        assertThat(r.heads.get(0).headers().get("content-length")).isEqualTo("1000");

        r.decoder.resume();  // the method applied to one response only: the next is framed by its own fields
        assertThat(r.events).hasSize(5).endsWith("body abc", "end");
    }

    @ParameterizedTest
    @ValueSource(ints = {204, 304})
    void feed_204And304_haveNoBody(int status) {
        Recorder<ResponseHead> r = Recorder.responses().feed(
                "HTTP/1.1 " + status + " X\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n");

        assertThat(r.events).hasSize(2).endsWith("end");
        assertThat(r.heads.get(0).framing()).isEqualTo(BodyFraming.none());
    }

    @Test
    void feed_informationalThenFinal_continuesWithoutResume() {
        Recorder<ResponseHead> r = Recorder.responses().feed("HTTP/1.1 100 Continue\r\n\r\n"
                + "HTTP/1.1 103 Early Hints\r\nLink: </a.css>; rel=preload\r\n\r\n"
                + "HTTP/1.1 201 Created\r\nContent-Length: 2\r\n\r\nok");

        assertThat(r.events).containsExactly(
                "head HTTP/1.1 100 Continue NONE 25 ",
                "head HTTP/1.1 103 Early Hints NONE 57 [Link: </a.css>; rel=preload]",
                "head HTTP/1.1 201 Created CONTENT_LENGTH(2) 43 [Content-Length: 2]",
                "body ok",
                "end");
        assertThat(r.heads).extracting(ResponseHead::isInformational).containsExactly(true, true, false);
    }

    @Test
    void feed_informationalWhilePaused_holdsFinalResponse() {
        Recorder<ResponseHead> r = Recorder.responses();
        r.decoder.expectResponseTo("HEAD");
        r.feed("HTTP/1.1 100 Continue\r\n\r\n");
        r.decoder.pause();

        r.feed("HTTP/1.1 200 OK\r\nContent-Length: 9\r\n\r\n");
        assertThat(r.heads).hasSize(1);

        r.decoder.resume();
        assertThat(r.events).hasSize(3).endsWith("end");  // HEAD still applies after the 1xx
    }

    @Test
    void feed_switchingProtocols_endsHttpAndKeepsRawBytes() {
        Recorder<ResponseHead> r = Recorder.responses().feed(
                "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n"
                        + "\u0081\u0005hello");

        assertThat(r.events).hasSize(2).endsWith("end");
        assertThat(r.heads.get(0).isInformational()).isFalse();
        assertThat(r.decoder.isRaw()).isTrue();
        r.feed("more");
        assertThat(text(r.decoder.takeRemaining())).isEqualTo("\u0081\u0005hellomore");
        assertThatIllegalStateException().isThrownBy(r.decoder::resume);
    }

    @Test
    void feed_2xxToConnect_endsHttpAndKeepsUpstreamEarlyData() {
        Recorder<ResponseHead> r = Recorder.responses();
        r.decoder.expectResponseTo("CONNECT");

        r.feed("HTTP/1.1 200 Connection established\r\n\r\nSSH-2.0-OpenSSH\r\n");

        assertThat(r.events).hasSize(2).endsWith("end");
        assertThat(r.decoder.isRaw()).isTrue();
        assertThat(text(r.decoder.takeRemaining())).isEqualTo("SSH-2.0-OpenSSH\r\n");  // [PRX-054]
    }

    @Test
    void feed_non2xxToConnect_hasABody() {
        Recorder<ResponseHead> r = Recorder.responses();
        r.decoder.expectResponseTo("CONNECT");

        r.feed("HTTP/1.1 403 Forbidden\r\nContent-Length: 4\r\n\r\nnope");

        assertThat(r.events).endsWith("body nope", "end");
        assertThat(r.decoder.isRaw()).isFalse();
    }

    @Test
    void inputEnded_closeDelimitedResponse_endsTheBody() {
        Recorder<ResponseHead> r = Recorder.responses().feed("HTTP/1.0 200 OK\r\nServer: old\r\n\r\nsome ");
        r.feed("data");
        assertThat(r.events).hasSize(2);

        r.decoder.inputEnded();

        assertThat(r.heads.get(0).framing()).isEqualTo(BodyFraming.closeDelimited());
        assertThat(r.events).endsWith("body some data", "end");
        r.decoder.resume();
        assertThat(r.events).endsWith("end", "input-end");
    }

    @ParameterizedTest
    @CsvSource({"'gzip'", "'chunked, gzip'"})
    void feed_transferEncodingNotEndingInChunked_isCloseDelimitedForResponses(String codings) {
        Recorder<ResponseHead> r = Recorder.responses().feed(
                "HTTP/1.1 200 OK\r\nTransfer-Encoding: " + codings + "\r\n\r\nraw");

        assertThat(r.heads.get(0).framing()).isEqualTo(BodyFraming.closeDelimited());
        assertThat(r.events).endsWith("body raw");
    }

    @Test
    void feed_chunkedResponse_isDecoded() {
        Recorder<ResponseHead> r = Recorder.responses().feed(
                "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nA\r\n0123456789\r\n0\r\n\r\n");

        assertThat(r.events).endsWith("body 0123456789", "end");
    }

    @Test
    void inputEnded_beforeAnyResponseByte_reportsInputEndNotAnError() {
        Recorder<ResponseHead> r = Recorder.responses();

        r.decoder.inputEnded();  // a reused upstream connection closed: retryable per [PRX-033]

        assertThat(r.events).containsExactly("input-end");
    }

    @Test
    void inputEnded_insideStatusLine_reportsTruncated() {
        Recorder<ResponseHead> r = Recorder.responses().feed("HTTP/1.1 20");

        r.decoder.inputEnded();

        assertThat(r.singleError().kind()).isEqualTo(Http1Error.Kind.TRUNCATED);
    }

    @Test
    void inputEnded_insideContentLengthBody_reportsTruncated() {
        Recorder<ResponseHead> r = Recorder.responses().feed("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n12345");

        r.decoder.inputEnded();

        assertThat(r.events).endsWith("body 12345", "error TRUNCATED connection closed inside the message body");
    }

    @ParameterizedTest
    @ValueSource(strings = {"HTTP/1.1 20 OK", "HTTP/1.1 2000 OK", "HTTP/1.1 099 X", "HTTP/1.1  200 OK", "HTTP/1.1",
            "HTTP/1.1 abc OK", "http/1.1 200 OK", "HTTP/1.1 200 O\u0000K", "ICY 200 OK"})
    void feed_malformedStatusLine_reportsMalformed(String statusLine) {
        Recorder<ResponseHead> r = Recorder.responses().feed(statusLine + "\r\n\r\n");

        assertThat(r.singleError().kind()).isEqualTo(Http1Error.Kind.MALFORMED);
    }

    @Test
    void feed_responseWithBothLengthFields_reportsMalformed() {
        Recorder<ResponseHead> r = Recorder.responses().feed(
                "HTTP/1.1 200 OK\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n");

        assertThat(r.singleError().message()).isEqualTo("both Content-Length and Transfer-Encoding");
    }

    @Test
    void feed_hugeResponseHead_reportsHeaderFieldsTooLarge() {
        Recorder<ResponseHead> r = Recorder.responses().feed("HTTP/1.1 200 " + "x".repeat(70 * 1024));

        assertThat(r.singleError().kind()).isEqualTo(Http1Error.Kind.HEADER_FIELDS_TOO_LARGE);
    }
}
