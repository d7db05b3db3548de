package io.bifrost.adapters.vertx.proxy.http.codec;

import io.vertx.core.buffer.Buffer;
import java.util.ArrayDeque;

/**
 * The unread input of a decoder: the fed buffers, kept by reference (no copy), with a read offset into the first.
 * Body bytes leave as slices of these buffers, so a body is never copied or accumulated.
 */
final class InputQueue {

    private final ArrayDeque<Buffer> segments = new ArrayDeque<>();
    private int offset;
    private long size;

    void append(Buffer data) {
        if (data.length() > 0) {
            segments.addLast(data);
            size += data.length();
        }
    }

    boolean isEmpty() {
        return size == 0;
    }

    long size() {
        return size;
    }

    /** The first segment; only valid when not {@link #isEmpty()}. Its unread bytes start at {@link #offset()}. */
    Buffer first() {
        return segments.getFirst();
    }

    int offset() {
        return offset;
    }

    /** Consumes {@code n} bytes of the first segment ({@code n} at most its unread length). */
    void skip(int n) {
        offset += n;
        size -= n;
        if (offset == segments.getFirst().length()) {
            segments.removeFirst();
            offset = 0;
        }
    }

    byte readByte() {
        byte b = first().getByte(offset);
        skip(1);
        return b;
    }

    /** Up to {@code max} bytes from the first segment: the fed buffer itself when it is consumed whole. */
    Buffer readSlice(long max) {
        Buffer head = first();
        int n = (int) Math.min(max, head.length() - offset);
        Buffer slice = offset == 0 && n == head.length() ? head : head.slice(offset, offset + n);
        skip(n);
        return slice;
    }

    /** Removes and returns everything unread, in order, as one buffer. */
    Buffer drain() {
        Buffer out;
        if (segments.size() == 1 && offset == 0) {
            out = segments.getFirst();
        } else {
            out = Buffer.buffer((int) size);
            for (Buffer segment : segments) {
                int from = segment == segments.getFirst() ? offset : 0;
                out.appendBuffer(segment, from, segment.length() - from);
            }
        }
        clear();
        return out;
    }

    void clear() {
        segments.clear();
        offset = 0;
        size = 0;
    }
}
