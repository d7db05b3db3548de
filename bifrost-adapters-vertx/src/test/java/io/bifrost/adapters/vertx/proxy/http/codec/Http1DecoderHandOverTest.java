package io.bifrost.adapters.vertx.proxy.http.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * Handing the rest of a {@code Content-Length} body to the caller, who moves it from socket to socket itself: only
 * when the decoder holds nothing of it, and the message then ends, or fails, as if the decoder had read the body.
 */
class Http1DecoderHandOverTest {

    @Test
    void handOver_afterTheHeadWithNoBodyBytesYet_returnsTheWholeLength() {
        Recorder<ResponseHead> r = Recorder.responses();
        r.decoder.expectResponseTo("GET");
        r.feed("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n");

        assertThat(r.decoder.handOverFixedBody()).isEqualTo(10);
        assertThat(r.events).hasSize(1).first().asString().startsWith("head ");
    }

    @Test
    void handOver_afterPartOfTheBodyWasDelivered_returnsWhatIsLeft() {
        Recorder<ResponseHead> r = Recorder.responses();
        r.decoder.expectResponseTo("GET");
        r.feed("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n0123");

        assertThat(r.decoder.handOverFixedBody()).isEqualTo(6);
        assertThat(r.events).endsWith("body 0123");
    }

    @Test
    void handedOverBodyEnded_endsTheMessageOnce_andTheNextResponseDecodesAfterResume() {
        Recorder<ResponseHead> r = Recorder.responses();
        r.decoder.expectResponseTo("GET");
        r.feed("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n");
        r.decoder.handOverFixedBody();

        r.decoder.handedOverBodyEnded();

        assertThat(r.events).endsWith("end");
        assertThat(r.decoder.hasBufferedInput()).isFalse();
        r.decoder.expectResponseTo("GET");
        r.feed("HTTP/1.1 204 No Content\r\n\r\n");
        r.decoder.resume();
        assertThat(r.events).hasSize(4).last().isEqualTo("end");
    }

    @Test
    void bytesFedWhileHandedOver_areHeldAsWhatFollowedTheBody() {
        Recorder<ResponseHead> r = Recorder.responses();
        r.decoder.expectResponseTo("GET");
        r.feed("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n");
        r.decoder.handOverFixedBody();

        r.feed("extra");
        r.decoder.handedOverBodyEnded();

        assertThat(r.events).endsWith("end");
        assertThat(r.decoder.bufferedBytes()).isEqualTo(5);
    }

    @Test
    void finWhileHandedOver_isATruncatedBody() {
        Recorder<ResponseHead> r = Recorder.responses();
        r.decoder.expectResponseTo("GET");
        r.feed("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n");
        r.decoder.handOverFixedBody();

        r.decoder.inputEnded();

        assertThat(r.singleError().kind()).isEqualTo(Http1Error.Kind.TRUNCATED);
        assertThat(r.events).doesNotContain("end");
    }

    @Test
    void finWhilePausedAndHandedOver_isReportedOnResume() {
        Recorder<ResponseHead> r = Recorder.responses();
        r.decoder.expectResponseTo("GET");
        r.feed("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n");
        r.decoder.handOverFixedBody();
        r.decoder.pause();

        r.decoder.inputEnded();
        assertThat(r.errors).isEmpty();
        r.decoder.resume();

        assertThat(r.singleError().kind()).isEqualTo(Http1Error.Kind.TRUNCATED);
    }

    @Test
    void handOver_withBodyBytesStillBuffered_isRefusedAndChangesNothing() {
        Recorder<ResponseHead> r = Recorder.responses();
        r.decoder.expectResponseTo("GET");
        r.decoder.pause(); // a full downstream: the body stays in the decoder
        r.feed("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n0123");
        r.decoder.resume();
        r.decoder.pause();
        r.feed("4567");

        assertThat(r.decoder.handOverFixedBody()).isEqualTo(-1);
        r.decoder.resume();
        r.feed("89");
        assertThat(r.events).endsWith("body 0123456789", "end");
    }

    @Test
    void handOver_outsideAFixedLengthBody_isRefused() {
        Recorder<ResponseHead> chunked = Recorder.responses();
        chunked.decoder.expectResponseTo("GET");
        chunked.feed("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n");
        assertThat(chunked.decoder.handOverFixedBody()).isEqualTo(-1);

        Recorder<ResponseHead> untilClose = Recorder.responses();
        untilClose.decoder.expectResponseTo("GET");
        untilClose.feed("HTTP/1.1 200 OK\r\n\r\n");
        assertThat(untilClose.decoder.handOverFixedBody()).isEqualTo(-1);

        Recorder<ResponseHead> empty = Recorder.responses();
        empty.decoder.expectResponseTo("GET");
        empty.feed("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");
        assertThat(empty.decoder.handOverFixedBody()).isEqualTo(-1);

        Recorder<ResponseHead> headOnly = Recorder.responses();
        headOnly.decoder.expectResponseTo("HEAD");
        headOnly.feed("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n");
        assertThat(headOnly.decoder.handOverFixedBody()).isEqualTo(-1);
    }

    @Test
    void handOver_afterTheFin_isRefused() {
        Recorder<ResponseHead> r = Recorder.responses();
        r.decoder.expectResponseTo("GET");
        r.decoder.pause();
        r.feed("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n");
        r.decoder.resume();
        r.decoder.pause();
        r.decoder.inputEnded();

        assertThat(r.decoder.handOverFixedBody()).isEqualTo(-1);
    }

    @Test
    void handedOverBodyEnded_withoutAHandOver_isABug() {
        Recorder<ResponseHead> r = Recorder.responses();
        r.decoder.expectResponseTo("GET");
        r.feed("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n");

        assertThatThrownBy(r.decoder::handedOverBodyEnded).isInstanceOf(IllegalStateException.class);
    }
}
