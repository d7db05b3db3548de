package io.bifrost.adapters.vertx.proxy.http.codec;

import static java.util.Objects.requireNonNull;

/**
 * How the body of a decoded message is delimited (RFC 9112 §6.3). Immutable.
 *
 * @param type   the framing
 * @param length the body length in bytes for {@link Type#CONTENT_LENGTH}; {@code -1} for every other type
 */
public record BodyFraming(Type type, long length) {

    private static final BodyFraming NONE = new BodyFraming(Type.NONE, -1);
    private static final BodyFraming CHUNKED = new BodyFraming(Type.CHUNKED, -1);
    private static final BodyFraming CLOSE_DELIMITED = new BodyFraming(Type.CLOSE_DELIMITED, -1);

    public enum Type {
        /** No body: a request without Content-Length/Transfer-Encoding, CONNECT, HEAD responses, 1xx/204/304. */
        NONE,
        /** Exactly {@link BodyFraming#length()} bytes (may be 0). */
        CONTENT_LENGTH,
        /** Chunked transfer coding; the decoder delivers the decoded payload. */
        CHUNKED,
        /** Responses only: the body ends when the upstream closes its sending direction. */
        CLOSE_DELIMITED
    }

    public BodyFraming {
        requireNonNull(type, "type");
        if (type == Type.CONTENT_LENGTH ? length < 0 : length != -1) {
            throw new IllegalArgumentException(
                    "length: " + length + " (expected: >= 0 for CONTENT_LENGTH, -1 for " + type + ")");
        }
    }

    public static BodyFraming none() {
        return NONE;
    }

    public static BodyFraming contentLength(long length) {
        return new BodyFraming(Type.CONTENT_LENGTH, length);
    }

    public static BodyFraming chunked() {
        return CHUNKED;
    }

    public static BodyFraming closeDelimited() {
        return CLOSE_DELIMITED;
    }
}
