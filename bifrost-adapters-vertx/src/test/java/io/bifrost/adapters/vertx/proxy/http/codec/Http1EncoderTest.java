package io.bifrost.adapters.vertx.proxy.http.codec;

import static io.bifrost.adapters.vertx.proxy.http.codec.Recorder.bytes;
import static io.bifrost.adapters.vertx.proxy.http.codec.Recorder.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Http1EncoderTest {

    @Test
    void requestHead_originForm_writesExactBytesInFieldOrder() {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap()
                .add("Host", "example.com")
                .add("x-custom", "a")
                .add("Via", "1.1 bifrost")
                .add("X-CUSTOM", "b");

        Buffer head = Http1Encoder.requestHead("GET", "/a?b=1", Http1Version.HTTP_1_1, headers);

        assertThat(text(head)).isEqualTo(
                "GET /a?b=1 HTTP/1.1\r\nHost: example.com\r\nx-custom: a\r\nVia: 1.1 bifrost\r\nX-CUSTOM: b\r\n\r\n");
    }

    @Test
    void responseHead_writesVersionStatusReasonAndFields() {
        Buffer head = Http1Encoder.responseHead(Http1Version.HTTP_1_0, 407, "Proxy Authentication Required",
                MultiMap.caseInsensitiveMultiMap().add("Content-Length", "0"));

        assertThat(text(head)).isEqualTo("HTTP/1.0 407 Proxy Authentication Required\r\nContent-Length: 0\r\n\r\n");
    }

    @Test
    void responseHead_connectEstablished_isExactlyTheBytesOfPrx052() {
        Buffer head = Http1Encoder.responseHead(Http1Version.HTTP_1_1, 200, "Connection established",
                MultiMap.caseInsensitiveMultiMap());

        assertThat(text(head)).isEqualTo("HTTP/1.1 200 Connection established\r\n\r\n");
    }

    @Test
    void responseHead_emptyReason_keepsTheSpaceRequiredByTheGrammar() {
        assertThat(text(Http1Encoder.responseHead(Http1Version.HTTP_1_1, 599, "", MultiMap.caseInsensitiveMultiMap())))
                .isEqualTo("HTTP/1.1 599 \r\n\r\n");
    }

    @Test
    void chunk_writesHexSizeAndCrlfs() {
        assertThat(text(Http1Encoder.chunk(bytes("x".repeat(26))))).isEqualTo("1a\r\n" + "x".repeat(26) + "\r\n");
    }

    @Test
    void lastChunk_withAndWithoutTrailers() {
        assertThat(text(Http1Encoder.lastChunk(MultiMap.caseInsensitiveMultiMap()))).isEqualTo("0\r\n\r\n");
        assertThat(text(Http1Encoder.lastChunk(MultiMap.caseInsensitiveMultiMap().add("X-Sum", "1"))))
                .isEqualTo("0\r\nX-Sum: 1\r\n\r\n");
    }

    @Test
    void lastChunk_returnsAFreshBufferEachTime() {
        Buffer first = Http1Encoder.lastChunk(MultiMap.caseInsensitiveMultiMap());
        first.setByte(0, (byte) '9');

        assertThat(text(Http1Encoder.lastChunk(MultiMap.caseInsensitiveMultiMap()))).isEqualTo("0\r\n\r\n");
    }

    @Test
    void encodeThenDecode_roundTripsHeadObsTextAndChunkedBodyWithTrailers() {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap().add("Transfer-Encoding", "chunked")
                .add("X-Latin", "caf\u00e9");
        Buffer wire = Http1Encoder.requestHead("PATCH", "/r", Http1Version.HTTP_1_1, headers)
                .appendBuffer(Http1Encoder.chunk(bytes("hello ")))
                .appendBuffer(Http1Encoder.chunk(bytes("world")))
                .appendBuffer(Http1Encoder.lastChunk(MultiMap.caseInsensitiveMultiMap().add("X-T", "done")));
        Recorder<RequestHead> r = Recorder.requests();

        r.decoder.feed(wire);

        assertThat(r.events).containsExactly(
                "head PATCH /r HTTP/1.1 CHUNKED 64 [Transfer-Encoding: chunked][X-Latin: caf\u00e9]",
                "body hello world", "trailers [X-T: done]", "end");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\r\nInjected: yes", "a\nb", "a\rb", "nul\u0000", "wide\u0100"})
    void responseHead_controlOrWideCharInValue_isRejected(String value) {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap().add("X-Bad", value);

        assertThatIllegalArgumentException()
                .isThrownBy(() -> Http1Encoder.responseHead(Http1Version.HTTP_1_1, 200, "OK", headers))
                .withMessageContaining("X-Bad");
    }

    @Test
    void requestHead_invalidPieces_areRejected() {
        MultiMap none = MultiMap.caseInsensitiveMultiMap();

        assertThatIllegalArgumentException().isThrownBy(
                () -> Http1Encoder.requestHead("GE T", "/", Http1Version.HTTP_1_1, none));
        assertThatIllegalArgumentException().isThrownBy(
                () -> Http1Encoder.requestHead("GET", "/a b", Http1Version.HTTP_1_1, none));
        assertThatIllegalArgumentException().isThrownBy(
                () -> Http1Encoder.requestHead("GET", "", Http1Version.HTTP_1_1, none));
        assertThatIllegalArgumentException().isThrownBy(() -> Http1Encoder.requestHead("GET", "/",
                Http1Version.HTTP_1_1, MultiMap.caseInsensitiveMultiMap().add("Bad Name", "x")));
        assertThatIllegalArgumentException().isThrownBy(
                () -> Http1Encoder.responseHead(Http1Version.HTTP_1_1, 99, "x", none));
        assertThatIllegalArgumentException().isThrownBy(
                () -> Http1Encoder.responseHead(Http1Version.HTTP_1_1, 200, "O\r\nK", none));
        assertThatIllegalArgumentException().isThrownBy(() -> Http1Encoder.chunk(Buffer.buffer()));
    }
}
