package io.bifrost.adapters.vertx.proxy.http.codec;

/**
 * Internal control flow of the decoder: thrown by the parsing helpers and turned into {@link Http1Listener#onError}
 * by {@link Http1Decoder}; it never escapes the package's public API.
 */
final class DecodeException extends RuntimeException {

    private final transient Http1Error error;

    DecodeException(Http1Error error) {
        super(error.message(), null, false, false);
        this.error = error;
    }

    static DecodeException malformed(String message) {
        return new DecodeException(Http1Error.of(Http1Error.Kind.MALFORMED, message));
    }

    static DecodeException of(Http1Error.Kind kind, String message) {
        return new DecodeException(Http1Error.of(kind, message));
    }

    Http1Error error() {
        return error;
    }
}
