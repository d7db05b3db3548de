package io.bifrost.adapters.vertx.proxy.http.codec;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;

/**
 * The chunked transfer coding of one message body (RFC 9112 §7.1), as a sub-state machine of {@link Http1Decoder}:
 * chunk-size lines, chunk data (delivered as slices, never buffered), the CRLF after each chunk, the trailer section.
 */
final class ChunkedBody {

    enum Event {
        /** A piece of payload is ready: {@link #data()}. */
        DATA,
        /** The last chunk and the trailer section were read: {@link #trailers()}. */
        END,
        /** The input ran out first. */
        NEEDS_INPUT
    }

    private enum Phase { SIZE, DATA, CRLF, TRAILERS, DONE }

    private final Http1Limits limits;
    private Phase phase = Phase.SIZE;
    private long remaining;
    private int crlfSeen;
    private FieldSection trailers;
    private Buffer data;

    ChunkedBody(Http1Limits limits) {
        this.limits = limits;
    }

    /** Consumes input up to the next event; throws {@link DecodeException} on a malformed chunk ([PRX-024]). */
    Event advance(InputQueue in, LineReader lines) {
        while (phase != Phase.DONE) {
            boolean progressed = switch (phase) {
                case SIZE -> readSize(in, lines);
                case DATA -> readData(in);
                case CRLF -> readCrlf(in);
                case TRAILERS -> readTrailerLine(in, lines);
                case DONE -> true;
            };
            if (!progressed) {
                return Event.NEEDS_INPUT;
            }
            if (data != null) {
                return Event.DATA;
            }
        }
        return Event.END;
    }

    /** The payload piece of the last {@link Event#DATA}; a slice of the input. */
    Buffer data() {
        Buffer piece = data;
        data = null;
        return piece;
    }

    /** The trailer fields, after {@link Event#END}; possibly empty. */
    MultiMap trailers() {
        return trailers.fields();
    }

    private boolean readSize(InputQueue in, LineReader lines) {
        String line = lines.read(in, limits.maxChunkLineBytes(), Http1Error.Kind.MALFORMED, "chunk size line too long");
        if (line == null) {
            return false;
        }
        long size = ChunkLines.parseSize(line);
        if (size == 0) {
            trailers = new FieldSection(limits, "trailer");
            phase = Phase.TRAILERS;
        } else {
            remaining = size;
            phase = Phase.DATA;
        }
        return true;
    }

    private boolean readData(InputQueue in) {
        if (remaining == 0) {
            phase = Phase.CRLF;
            return true;
        }
        if (in.isEmpty()) {
            return false;
        }
        data = in.readSlice(remaining);
        remaining -= data.length();
        return true;
    }

    /** The CRLF after chunk data is not a line, so no bare-LF leniency here. */
    private boolean readCrlf(InputQueue in) {
        while (crlfSeen < 2) {
            if (in.isEmpty()) {
                return false;
            }
            byte expected = crlfSeen == 0 ? (byte) '\r' : (byte) '\n';
            if (in.readByte() != expected) {
                throw DecodeException.malformed("missing CRLF after chunk data");
            }
            crlfSeen++;
        }
        crlfSeen = 0;
        phase = Phase.SIZE;
        return true;
    }

    private boolean readTrailerLine(InputQueue in, LineReader lines) {
        String line = lines.read(in, trailers.lineBudget(), Http1Error.Kind.HEADER_FIELDS_TOO_LARGE,
                trailers.tooLargeMessage());
        if (line == null) {
            return false;
        }
        if (line.isEmpty()) {
            trailers.end(lines.lastRawLength());
            phase = Phase.DONE;
        } else {
            trailers.add(line, lines.lastRawLength());
        }
        return true;
    }
}
