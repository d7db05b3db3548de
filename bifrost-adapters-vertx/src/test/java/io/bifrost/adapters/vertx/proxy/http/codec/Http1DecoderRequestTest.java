package io.bifrost.adapters.vertx.proxy.http.codec;

import static io.bifrost.adapters.vertx.proxy.http.codec.Recorder.bytes;
import static io.bifrost.adapters.vertx.proxy.http.codec.Recorder.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import io.vertx.core.MultiMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class Http1DecoderRequestTest {

    @Test
    void feed_getWithoutBody_deliversHeadThenEndAndPauses() {
        Recorder<RequestHead> r = Recorder.requests()
                .feed("GET http://a.example/x?y=1 HTTP/1.1\r\nHost: a.example\r\n\r\n");

        assertThat(r.events).containsExactly(
                "head GET http://a.example/x?y=1 HTTP/1.1 NONE 56 [Host: a.example]", "end");
        assertThat(r.decoder.isPaused()).isTrue();
        assertThat(r.decoder.hasBufferedInput()).isFalse();
    }

    @Test
    void feed_headers_keepOrderAndNameCaseAndLookUpCaseInsensitively() {
        Recorder<RequestHead> r = Recorder.requests().feed(
                "GET http://h/ HTTP/1.1\r\nX-b: 1\r\nhost: h\r\nX-B:2\r\nAccept:  text/plain  \r\nEmpty:\r\n\r\n");

        MultiMap headers = r.heads.get(0).headers();
        assertThat(headers.entries()).extracting(Map.Entry::getKey).containsExactly("X-b", "host", "X-B", "Accept",
                "Empty");
        assertThat(headers.getAll("x-b")).containsExactly("1", "2");
        assertThat(headers.get("Accept")).isEqualTo("text/plain");
        assertThat(headers.get("Empty")).isEmpty();
    }

    @Test
    void feed_obsTextInValue_isKeptAsIso88591() {
        Recorder<RequestHead> r = Recorder.requests().feed("GET http://h/ HTTP/1.1\r\nX-Name: caf\u00e9\r\n\r\n");

        assertThat(r.heads.get(0).headers().get("X-Name")).isEqualTo("caf\u00e9");
    }

    @Test
    void feed_contentLengthBody_deliversBodyThenEnd() {
        Recorder<RequestHead> r = Recorder.requests().feed("POST http://h/ HTTP/1.1\r\nContent-Length: 5\r\n\r\nhello");

        assertThat(r.events).containsExactly(
                "head POST http://h/ HTTP/1.1 CONTENT_LENGTH(5) 46 [Content-Length: 5]", "body hello", "end");
    }

    @Test
    void feed_contentLengthZero_endsWithoutBodyEvent() {
        Recorder<RequestHead> r = Recorder.requests().feed("POST http://h/ HTTP/1.1\r\nContent-Length: 0\r\n\r\n");

        assertThat(r.events).hasSize(2).endsWith("end");
        assertThat(r.bodyEvents).isZero();
    }

    @Test
    void feed_repeatedIdenticalContentLength_isAccepted() {
        Recorder<RequestHead> r = Recorder.requests().feed(
                "POST http://h/ HTTP/1.1\r\nContent-Length: 3\r\nContent-Length: 3, 3\r\n\r\nabc");

        assertThat(r.heads.get(0).framing()).isEqualTo(BodyFraming.contentLength(3));
        assertThat(r.events).endsWith("body abc", "end");
    }

    @Test
    void feed_chunkedWithExtensionsAndTrailers_deliversPayloadAndTrailers() {
        Recorder<RequestHead> r = Recorder.requests().feed("POST http://h/ HTTP/1.1\r\nTransfer-Encoding: chunked\r\n"
                + "\r\n"
                + "5;name=value;flag\r\nhello\r\n"
                + "6 ; q=\"a \\\"quoted\\\" ext\"\r\n world\r\n"
                + "0\r\nX-Checksum: abc\r\nx-more: 1\r\n\r\n");

        assertThat(r.events).containsExactly(
                "head POST http://h/ HTTP/1.1 CHUNKED 55 [Transfer-Encoding: chunked]",
                "body hello world",
                "trailers [X-Checksum: abc][x-more: 1]",
                "end");
    }

    @Test
    void feed_chunkedWithoutTrailers_hasNoTrailerEvent() {
        Recorder<RequestHead> r = Recorder.requests().feed(
                "POST http://h/ HTTP/1.1\r\nTransfer-Encoding: gzip, Chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n");

        assertThat(r.heads.get(0).framing()).isEqualTo(BodyFraming.chunked());
        assertThat(r.events).endsWith("body abc", "end").noneMatch(e -> e.startsWith("trailers"));
    }

    @Test
    void feed_pipelinedRequests_stopsAfterFirstAndKeepsSecondUntilResume() {
        Recorder<RequestHead> r = Recorder.requests().feed("GET http://h/1 HTTP/1.1\r\n\r\n"
                + "POST http://h/2 HTTP/1.1\r\nContent-Length: 2\r\n\r\nok"
                + "GET http://h/3 HTTP/1.1\r\n");

        assertThat(r.events).containsExactly("head GET http://h/1 HTTP/1.1 NONE 27 ", "end");
        assertThat(r.decoder.bufferedBytes()).isEqualTo(74);

        r.decoder.resume();
        assertThat(r.events).hasSize(5).endsWith("body ok", "end");

        r.decoder.resume();
        r.feed("\r\n");
        assertThat(r.events).hasSize(7).endsWith("head GET http://h/3 HTTP/1.1 NONE 27 ", "end");
        assertThat(r.decoder.hasBufferedInput()).isFalse();
    }

    @Test
    void feed_whilePausedAfterMessage_onlyAppends() {
        Recorder<RequestHead> r = Recorder.requests().feed("GET http://h/1 HTTP/1.1\r\n\r\n");

        r.feed("GET http://h/2 HTTP/1.1\r\n\r\n");

        assertThat(r.heads).hasSize(1);
        assertThat(r.decoder.bufferedBytes()).isEqualTo(27);
    }

    @Test
    void feed_connectWithEarlyData_endsMessageAndLeavesTunnelBytes() {
        Recorder<RequestHead> r = Recorder.requests().feed(
                "CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\nContent-Length: 4\r\n\r\n"
                        + "\u0016\u0003\u0001hello");
        r.feed("\r\n\r\nGET / HTTP/1.1\r\n\r\n");

        assertThat(r.heads).singleElement().satisfies(head -> {
            assertThat(head.isConnect()).isTrue();
            assertThat(head.framing()).isEqualTo(BodyFraming.none());  // [PRX-050]: Content-Length ignored
        });
        assertThat(r.events).endsWith("end");
        assertThat(text(r.decoder.takeRemaining())).isEqualTo("\u0016\u0003\u0001hello\r\n\r\nGET / HTTP/1.1\r\n\r\n");
        assertThat(r.decoder.hasBufferedInput()).isFalse();
    }

    @Test
    void resume_afterRefusedConnect_decodesNextRequest() {
        Recorder<RequestHead> r = Recorder.requests().feed(
                "CONNECT h:443 HTTP/1.1\r\n\r\nCONNECT h:443 HTTP/1.1\r\nProxy-Authorization: Basic eDp5\r\n\r\n");

        r.decoder.resume();  // the proxy answered 407 and keeps the connection ([PRX-051])

        assertThat(r.heads).hasSize(2);
        assertThat(r.heads.get(1).headers().get("proxy-authorization")).isEqualTo("Basic eDp5");
    }

    @Test
    void feed_emptyLinesBeforeRequestLineAndBareLf_areAccepted() {
        Recorder<RequestHead> r = Recorder.requests().feed("\r\n\nGET http://h/ HTTP/1.0\nHost: h\n\n");

        assertThat(r.events).containsExactly("head GET http://h/ HTTP/1.0 NONE 35 [Host: h]", "end");
    }

    @Test
    void feed_higherMinorVersion_isDecodedAsHttp11() {
        Recorder<RequestHead> r = Recorder.requests().feed("GET http://h/ HTTP/1.7\r\n\r\n");

        assertThat(r.heads.get(0).version()).isEqualTo(Http1Version.HTTP_1_1);
    }

    @Test
    void feed_unknownMethod_isAcceptedCaseSensitively() {
        Recorder<RequestHead> r = Recorder.requests()
                .feed("purge http://h/ HTTP/1.1\r\n\r\nM-SEARCH * HTTP/1.1\r\n\r\n");
        r.decoder.resume();

        assertThat(r.heads).extracting(RequestHead::method).containsExactly("purge", "M-SEARCH");
        assertThat(r.heads.get(0).isConnect()).isFalse();
    }

    @Test
    void inputEnded_atMessageBoundary_reportsInputEnd() {
        Recorder<RequestHead> r = Recorder.requests().autoResume().feed("GET http://h/ HTTP/1.1\r\n\r\n\r\n");

        r.decoder.inputEnded();

        assertThat(r.events).endsWith("end", "input-end");
        assertThat(r.errors).isEmpty();
    }

    @Test
    void inputEnded_whilePaused_isReportedAfterPipelinedRequestOnResume() {
        Recorder<RequestHead> r = Recorder.requests()
                .feed("GET http://h/1 HTTP/1.1\r\n\r\nGET http://h/2 HTTP/1.1\r\n\r\n");
        r.decoder.inputEnded();
        assertThat(r.events).hasSize(2);

        r.decoder.resume();
        assertThat(r.events).hasSize(4).endsWith("end");
        r.decoder.resume();
        assertThat(r.events).hasSize(5).endsWith("input-end");
    }

    @Test
    void inputEnded_insideHead_reportsTruncatedWithStartLine() {
        Recorder<RequestHead> r = Recorder.requests().feed("GET http://h/ HTTP/1.1\r\nHost: h\r\n");

        r.decoder.inputEnded();

        Http1Error error = r.singleError();
        assertThat(error.kind()).isEqualTo(Http1Error.Kind.TRUNCATED);
        assertThat(error.startLine()).isEqualTo("GET http://h/ HTTP/1.1");
    }

    @Test
    void inputEnded_insideRequestLine_reportsTruncatedWithoutStartLine() {
        Recorder<RequestHead> r = Recorder.requests().feed("GET http://h/");

        r.decoder.inputEnded();

        assertThat(r.singleError().kind()).isEqualTo(Http1Error.Kind.TRUNCATED);
        assertThat(r.singleError().startLine()).isNull();
    }

    @Test
    void inputEnded_insideContentLengthBody_reportsTruncatedAfterDeliveredBytes() {
        Recorder<RequestHead> r = Recorder.requests().feed("PUT http://h/ HTTP/1.1\r\nContent-Length: 10\r\n\r\nabc");

        r.decoder.inputEnded();

        assertThat(r.events).endsWith("body abc", "error TRUNCATED connection closed inside the message body");
    }

    @Test
    void inputEnded_insideChunk_reportsTruncated() {
        Recorder<RequestHead> r = Recorder.requests().feed(
                "PUT http://h/ HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nab");

        r.decoder.inputEnded();

        assertThat(r.singleError().kind()).isEqualTo(Http1Error.Kind.TRUNCATED);
    }

    @Test
    void feed_afterError_isIgnored() {
        Recorder<RequestHead> r = Recorder.requests().feed("GET  http://h/ HTTP/1.1\r\n\r\n");

        r.feed("GET http://h/ HTTP/1.1\r\n\r\n");
        r.decoder.resume();
        r.decoder.inputEnded();

        assertThat(r.events).singleElement().asString().startsWith("error MALFORMED");
        assertThat(r.decoder.hasBufferedInput()).isFalse();
    }

    @Test
    void error_afterCompleteRequestLine_carriesStartLineForTheAccessLog() {
        Recorder<RequestHead> r = Recorder.requests().feed("POST http://h/ HTTP/1.1\r\nContent-Length: x\r\n\r\n");

        assertThat(r.singleError()).isEqualTo(
                new Http1Error(Http1Error.Kind.MALFORMED, "invalid Content-Length", "POST http://h/ HTTP/1.1"));
    }

    @Test
    void feed_afterInputEnded_isABug() {
        Recorder<RequestHead> r = Recorder.requests();
        r.decoder.inputEnded();

        assertThatIllegalStateException().isThrownBy(() -> r.feed("x"));
    }

    @Test
    void takeRemaining_insideMessage_isABug() {
        Recorder<RequestHead> r = Recorder.requests().feed("POST http://h/ HTTP/1.1\r\nContent-Length: 9\r\n\r\nab");

        assertThatIllegalStateException().isThrownBy(r.decoder::takeRemaining);
    }

    @Test
    void takeRemaining_withPartialNextRequestLine_returnsItsBytes() {
        Recorder<RequestHead> r = Recorder.requests().feed("GET http://h/ HTTP/1.1\r\n\r\n");
        r.decoder.resume();
        r.feed("\r\nGET http://h/2 HT");

        assertThat(r.decoder.bufferedBytes()).isEqualTo(17);
        assertThat(text(r.decoder.takeRemaining())).isEqualTo("GET http://h/2 HT");
        assertThat(r.decoder.bufferedBytes()).isZero();
    }

    @Test
    void expectResponseTo_onRequestDecoder_isABug() {
        Recorder<RequestHead> r = Recorder.requests();

        assertThatIllegalStateException().isThrownBy(() -> r.decoder.expectResponseTo("GET"));
    }

    @Test
    void resume_calledFromOnMessageEnd_decodesPipelinedRequestInTheSameFeed() {
        Recorder<RequestHead> r = Recorder.requests().autoResume();

        r.decoder.feed(bytes("GET http://h/1 HTTP/1.1\r\n\r\nGET http://h/2 HTTP/1.1\r\n\r\n"));

        assertThat(r.heads).extracting(RequestHead::target).containsExactly("http://h/1", "http://h/2");
    }
}
