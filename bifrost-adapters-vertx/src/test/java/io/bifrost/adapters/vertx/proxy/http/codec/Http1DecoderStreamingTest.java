package io.bifrost.adapters.vertx.proxy.http.codec;

import static io.bifrost.adapters.vertx.proxy.http.codec.Recorder.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

/** Streaming and back-pressure ([PRX-042]): bodies flow as they arrive, memory stays bounded, pauses hold events. */
class Http1DecoderStreamingTest {

    private static final int TEN_MIB = 10 * 1024 * 1024;
    private static final int PIECE = 16 * 1024;

    @Test
    void feed_tenMibContentLengthBodyIn16KiBPieces_deliversAllWithoutBuffering() {
        byte[] body = randomBytes(TEN_MIB);
        Checksumming listener = new Checksumming();
        Http1Decoder<RequestHead> decoder = Http1Decoder.forRequests(Http1Limits.defaults(), listener);

        decoder.feed(bytes("PUT http://h/big HTTP/1.1\r\nContent-Length: " + TEN_MIB + "\r\n\r\n"));
        for (int from = 0; from < body.length; from += PIECE) {
            decoder.feed(Buffer.buffer().appendBytes(body, from, Math.min(PIECE, body.length - from)));
            assertThat(decoder.bufferedBytes()).isZero();
        }

        assertThat(listener.bytes).isEqualTo(TEN_MIB);
        assertThat(listener.crc.getValue()).isEqualTo(crcOf(body));
        assertThat(listener.ended).isTrue();
    }

    @Test
    void feed_tenMibChunkedBodyIn16KiBPieces_holdsAtMostAChunkSizeLine() {
        byte[] body = randomBytes(TEN_MIB);
        Buffer wire = Buffer.buffer(TEN_MIB + 64 * 1024);
        wire.appendString("POST http://h/big HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n");
        for (int from = 0, size = 1; from < body.length; from += size, size = size * 7 % 20_011 + 1) {
            int n = Math.min(size, body.length - from);
            wire.appendBuffer(Http1Encoder.chunk(Buffer.buffer().appendBytes(body, from, n)));
        }
        wire.appendBuffer(Http1Encoder.lastChunk(MultiMap.caseInsensitiveMultiMap().add("X-Done", "yes")));
        Checksumming listener = new Checksumming();
        Http1Decoder<RequestHead> decoder = Http1Decoder.forRequests(Http1Limits.defaults(), listener);

        long maxBuffered = 0;
        for (int from = 0; from < wire.length(); from += PIECE) {
            decoder.feed(wire.slice(from, Math.min(from + PIECE, wire.length())));
            maxBuffered = Math.max(maxBuffered, decoder.bufferedBytes());
        }

        assertThat(listener.bytes).isEqualTo(TEN_MIB);
        assertThat(listener.crc.getValue()).isEqualTo(crcOf(body));
        assertThat(listener.trailers).isEqualTo("yes");
        assertThat(listener.ended).isTrue();
        assertThat(maxBuffered).isLessThanOrEqualTo(Http1Limits.defaults().maxChunkLineBytes());
    }

    @Test
    void pause_onEveryBodyPiece_holdsAtMostWhatArrivedSinceAndLosesNothing() {
        byte[] body = randomBytes(TEN_MIB);
        Checksumming listener = new Checksumming();
        listener.pauseOnBody = true;  // a downstream write queue that is always full after one write
        Http1Decoder<ResponseHead> decoder = Http1Decoder.forResponses(Http1Limits.defaults(), listener);
        listener.decoder = decoder;

        decoder.feed(bytes("HTTP/1.1 200 OK\r\nContent-Length: " + TEN_MIB + "\r\n\r\n"));
        long maxBuffered = 0;
        for (int from = 0; from < body.length; from += PIECE) {
            decoder.feed(Buffer.buffer().appendBytes(body, from, Math.min(PIECE, body.length - from)));
            maxBuffered = Math.max(maxBuffered, decoder.bufferedBytes());
            decoder.resume();  // the queue drained
        }
        decoder.resume();

        assertThat(listener.bytes).isEqualTo(TEN_MIB);
        assertThat(listener.crc.getValue()).isEqualTo(crcOf(body));
        assertThat(listener.ended).isTrue();
        assertThat(maxBuffered).isLessThanOrEqualTo(PIECE);
    }

    @Test
    void pause_insideAChunk_splitsItsDeliveryAcrossResume() {
        Recorder<RequestHead> r = Recorder.requests();
        r.feed("POST http://h/ HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nb\r\nhello");
        assertThat(r.events).endsWith("body hello");

        r.decoder.pause();
        r.feed(" world\r\n0\r\n\r\n");
        assertThat(r.events).endsWith("body hello");
        assertThat(r.decoder.bufferedBytes()).isEqualTo(13);

        r.decoder.resume();
        assertThat(r.events).endsWith("body hello world", "end");
        assertThat(r.bodyEvents).isEqualTo(2);
    }

    @Test
    void pause_inOnHead_holdsTheBodyUntilResume() {
        Recorder<RequestHead> r = new Recorder<>() {
            @Override
            public void onHead(RequestHead head) {
                super.onHead(head);
                decoder.pause();  // e.g. while the upstream is dialed
            }
        };
        r.decoder = Http1Decoder.forRequests(Http1Limits.defaults(), r);

        r.feed("POST http://h/ HTTP/1.1\r\nContent-Length: 4\r\n\r\nbody");
        assertThat(r.events).hasSize(1);
        assertThat(r.decoder.bufferedBytes()).isEqualTo(4);

        r.decoder.resume();
        assertThat(r.events).endsWith("body body", "end");
    }

    @Test
    void pause_beforeBodylessMessageEnd_holdsTheEnd() {
        Recorder<RequestHead> r = new Recorder<>() {
            @Override
            public void onHead(RequestHead head) {
                super.onHead(head);
                decoder.pause();
            }
        };
        r.decoder = Http1Decoder.forRequests(Http1Limits.defaults(), r);

        r.feed("GET http://h/ HTTP/1.1\r\n\r\n");
        assertThat(r.events).hasSize(1);

        r.decoder.resume();
        assertThat(r.events).endsWith("end");
    }

    @Test
    void takeRemaining_afterPausingInConnectHead_returnsEarlyDataBeforeTheEndEvent() {
        Recorder<RequestHead> r = new Recorder<>() {
            @Override
            public void onHead(RequestHead head) {
                super.onHead(head);
                decoder.pause();  // dial first
            }
        };
        r.decoder = Http1Decoder.forRequests(Http1Limits.defaults(), r);
        r.feed("CONNECT h:443 HTTP/1.1\r\n\r\nearly");
        r.feed(" data");

        assertThat(Recorder.text(r.decoder.takeRemaining())).isEqualTo("early data");
        assertThat(r.events).hasSize(1);
    }

    @Test
    void feed_bodyPieces_areTheFedBuffersOrSlicesOfThemNotCopies() {
        List<Buffer> delivered = new ArrayList<>();
        Recorder<RequestHead> r = new Recorder<>() {
            @Override
            public void onBody(Buffer data) {
                delivered.add(data);
            }
        };
        r.decoder = Http1Decoder.forRequests(Http1Limits.defaults(), r);
        r.feed("POST http://h/ HTTP/1.1\r\nContent-Length: 10\r\n\r\nab");
        Buffer whole = bytes("cdef");
        Buffer withNextRequest = bytes("ghijGET http://h/ HTTP/1.1\r\n\r\n");

        r.decoder.feed(whole);
        r.decoder.feed(withNextRequest);
        withNextRequest.setByte(0, (byte) 'G');  // only to show sharing; callers must not do this

        assertThat(delivered).hasSize(3);
        assertThat(delivered.get(1)).isSameAs(whole);
        assertThat(Recorder.text(delivered.get(2))).isEqualTo("Ghij");
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        new Random(42).nextBytes(bytes);
        return bytes;
    }

    private static long crcOf(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return crc.getValue();
    }

    /** Keeps only a running checksum of the body, as a forwarding proxy keeps nothing. */
    private static final class Checksumming implements Http1Listener<Http1Head> {
        final CRC32 crc = new CRC32();
        long bytes;
        boolean ended;
        boolean pauseOnBody;
        String trailers;
        Http1Decoder<?> decoder;

        @Override
        public void onHead(Http1Head head) {}

        @Override
        public void onBody(Buffer data) {
            bytes += data.length();
            crc.update(data.getBytes());
            if (pauseOnBody) {
                decoder.pause();
            }
        }

        @Override
        public void onTrailers(MultiMap fields) {
            trailers = fields.get("x-done");
        }

        @Override
        public void onMessageEnd() {
            ended = true;
        }

        @Override
        public void onInputEnd() {}

        @Override
        public void onError(Http1Error error) {
            throw new AssertionError(error.toString());
        }
    }
}
