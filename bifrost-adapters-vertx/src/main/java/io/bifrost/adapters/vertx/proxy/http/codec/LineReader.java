package io.bifrost.adapters.vertx.proxy.http.codec;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import io.vertx.core.buffer.Buffer;
import java.util.Arrays;

/**
 * Collects one line from an {@link InputQueue}, across any number of feeds, into a bounded array. A line ends at LF;
 * one CR right before the LF is dropped, so CRLF and a bare LF both end a line (RFC 9112 §2.2). The limit is checked
 * before bytes are copied, so memory stays bounded by it.
 */
final class LineReader {

    private static final int INITIAL_CAPACITY = 256;

    private byte[] bytes = new byte[INITIAL_CAPACITY];
    private int length;
    private int lastRawLength;

    /**
     * Reads until the end of a line or of the input.
     *
     * @param limit   most bytes of line content allowed (terminator excluded)
     * @param kind    the error kind when the line is longer
     * @param message the error message when the line is longer
     * @return the line without its terminator, decoded as ISO-8859-1; {@code null} if the input ran out first
     */
    String read(InputQueue in, int limit, Http1Error.Kind kind, String message) {
        while (!in.isEmpty()) {
            Buffer segment = in.first();
            int from = in.offset();
            int end = segment.length();
            int lf = indexOfLf(segment, from, end);
            int stop = lf < 0 ? end : lf;
            if ((long) length + (stop - from) > (long) limit + 1) {  // + 1: room for the CR of a CRLF
                throw DecodeException.of(kind, message);
            }
            append(segment, from, stop);
            in.skip(stop - from + (lf < 0 ? 0 : 1));
            if (lf >= 0) {
                return complete(limit, kind, message);
            }
        }
        return null;
    }

    /** Raw bytes (terminator included) of the line last returned by {@link #read}. */
    int lastRawLength() {
        return lastRawLength;
    }

    /** Bytes of an unfinished line. */
    int pending() {
        return length;
    }

    /** Removes and returns the bytes of an unfinished line, as they arrived. */
    Buffer drainPending() {
        Buffer out = Buffer.buffer(length).appendBytes(bytes, 0, length);
        length = 0;
        return out;
    }

    void clear() {
        length = 0;
        if (bytes.length > INITIAL_CAPACITY * 32) {
            bytes = new byte[INITIAL_CAPACITY];  // a huge head was an exception: do not keep its buffer per connection
        }
    }

    private String complete(int limit, Http1Error.Kind kind, String message) {
        lastRawLength = length + 1;
        int content = length > 0 && bytes[length - 1] == '\r' ? length - 1 : length;
        length = 0;
        if (content > limit) {
            throw DecodeException.of(kind, message);
        }
        return new String(bytes, 0, content, ISO_8859_1);
    }

    private void append(Buffer segment, int from, int stop) {
        int n = stop - from;
        if (length + n > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(length + n, bytes.length * 2));
        }
        segment.getBytes(from, stop, bytes, length);
        length += n;
    }

    private static int indexOfLf(Buffer segment, int from, int end) {
        for (int i = from; i < end; i++) {
            if (segment.getByte(i) == '\n') {
                return i;
            }
        }
        return -1;
    }
}
