package io.bifrost.adapters.vertx.proxy.http.codec;

import static java.util.Objects.requireNonNull;

/**
 * Why a decoder gave up. After an error the decoder is dead: the caller answers (requests) or fails the exchange
 * (responses) and closes the connection.
 *
 * @param kind      what went wrong; the caller maps it to a status ([PRX-023], [PRX-024], [PRX-003], [PRX-100])
 * @param message   short and human, fit for a {@code Bifrost: <message>} body, e.g. {@code invalid Content-Length}
 * @param startLine nullable: the complete start line (without its terminator) when it had been received before the
 *                  error, so that a refused request can still be recorded with its method and target ([PRX-011]);
 *                  {@code null} when the error happened before or inside the start line
 */
public record Http1Error(Kind kind, String message, String startLine) {

    public enum Kind {
        /** Request line longer than {@link Http1Limits#maxRequestLineBytes()}: 414 ([PRX-023]). */
        URI_TOO_LONG,
        /** Header or trailer section over {@link Http1Limits}' size or field count: 431 ([PRX-023]). */
        HEADER_FIELDS_TOO_LARGE,
        /** The HTTP/2 preface {@code PRI * HTTP/2.0} or another well-formed non-1.x version: 505 ([PRX-003]). */
        VERSION_NOT_SUPPORTED,
        /** Any syntax or framing error ([PRX-024]): 400 for requests, 502 for responses ([PRX-047]). */
        MALFORMED,
        /** The peer closed its sending direction inside a message (head or body). */
        TRUNCATED
    }

    public Http1Error {
        requireNonNull(kind, "kind");
        requireNonNull(message, "message");
    }

    static Http1Error of(Kind kind, String message) {
        return new Http1Error(kind, message, null);
    }

    Http1Error withStartLine(String line) {
        return new Http1Error(kind, message, line);
    }
}
