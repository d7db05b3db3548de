package io.bifrost.adapters.vertx.proxy.http.codec;

import io.vertx.core.MultiMap;

/**
 * A decoded message head: a {@link RequestHead} or a {@link ResponseHead}.
 *
 * <p>{@link #headers()} is a {@link MultiMap#caseInsensitiveMultiMap()}: lookups ignore case, iteration yields every
 * field line in received order with the name as written. Values are decoded as ISO-8859-1 so that obs-text bytes
 * survive a round trip through {@link Http1Encoder}; surrounding whitespace is removed (RFC 9112 §5.1). The decoder
 * creates a fresh map per head and never touches it again, so the receiver owns it and may edit it (e.g. to remove
 * hop-by-hop fields, [PRX-040]).
 */
public sealed interface Http1Head permits RequestHead, ResponseHead {

    Http1Version version();

    MultiMap headers();

    /** How the body that follows this head is delimited, as decided by the decoder. */
    BodyFraming framing();

    /**
     * Bytes this head occupied on the wire: start line, field lines, the empty line and their terminators, plus any
     * empty lines that were skipped before the start line (RFC 9112 §2.2).
     */
    int headBytes();
}
