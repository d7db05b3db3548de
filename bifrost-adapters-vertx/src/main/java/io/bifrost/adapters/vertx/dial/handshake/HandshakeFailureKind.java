package io.bifrost.adapters.vertx.dial.handshake;

/**
 * How a handshake with an upstream proxy failed. {@link #errorCode()} is the classification of [BKD-035] that
 * records and replies use ([PRX-100]); the finer kinds let callers tell garbage and lost connections apart (the
 * client retries only failures to reach or talk to its server, [PRX-123]).
 */
public enum HandshakeFailureKind {

    /** The upstream rejected Bifrost's credentials, or demands credentials Bifrost does not have ([BKD-032/033]). */
    AUTH_FAILED,

    /** The upstream refused the CONNECT: a non-2xx status other than 407, a SOCKS5 {@code REP} ≠ 0, or no method. */
    PROXY_ERROR,

    /** The upstream did not speak the protocol (not HTTP, a bad version byte, an oversized head, ...). */
    PROTOCOL_VIOLATION,

    /** The connection closed or failed before the handshake completed. */
    CONNECTION_LOST;

    /** {@code upstream_auth_failed} for {@link #AUTH_FAILED}; {@code upstream_proxy_error} for every other kind. */
    public String errorCode() {
        return switch (this) {
            case AUTH_FAILED -> "upstream_auth_failed";
            case PROXY_ERROR, PROTOCOL_VIOLATION, CONNECTION_LOST -> "upstream_proxy_error";
        };
    }
}
