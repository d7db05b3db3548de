package io.bifrost.adapters.vertx.proxy.socks5;

import static java.util.Objects.requireNonNull;

import io.vertx.core.buffer.Buffer;
import java.util.Optional;

/**
 * The {@code REP} codes of a SOCKS5 reply (RFC 1928 §6) and the encoding of the reply itself. Which failure maps to
 * which code is spec proxy.md [PRX-100]. Immutable; thread-safe.
 */
public enum Socks5Reply {
    SUCCEEDED(0x00),
    GENERAL_FAILURE(0x01),
    NOT_ALLOWED_BY_RULESET(0x02),
    NETWORK_UNREACHABLE(0x03),
    HOST_UNREACHABLE(0x04),
    CONNECTION_REFUSED(0x05),
    TTL_EXPIRED(0x06),
    COMMAND_NOT_SUPPORTED(0x07),
    ADDRESS_TYPE_NOT_SUPPORTED(0x08);

    private static final int VERSION = 0x05;

    private final int code;

    Socks5Reply(int code) {
        this.code = code;
    }

    /** The {@code REP} byte. */
    public int code() {
        return code;
    }

    /** The reply with this {@code REP} byte; empty for codes RFC 1928 does not assign (0x09–0xFF). */
    public static Optional<Socks5Reply> fromCode(int code) {
        for (Socks5Reply reply : values()) {
            if (reply.code == code) {
                return Optional.of(reply);
            }
        }
        return Optional.empty();
    }

    /**
     * The failure reply, exactly {@code 05 REP 00 01 00 00 00 00 00 00} (spec [PRX-076]); the caller closes the
     * connection after writing it.
     *
     * @throws IllegalStateException for {@link #SUCCEEDED}, whose reply carries the bound address
     */
    public Buffer encodeFailure() {
        if (this == SUCCEEDED) {
            throw new IllegalStateException("reply: SUCCEEDED (expected: a failure code; use encodeSuccess)");
        }
        return encode(code, Socks5Endpoint.UNSPECIFIED);
    }

    /**
     * The success reply {@code 05 00 00 ATYP BND.ADDR BND.PORT}: the local address of Bifrost's upstream socket, or
     * {@link Socks5Endpoint#UNSPECIFIED} when the backend is an upstream proxy (spec [PRX-076]).
     */
    public static Buffer encodeSuccess(Socks5Endpoint bound) {
        requireNonNull(bound, "bound");
        return encode(SUCCEEDED.code, bound);
    }

    private static Buffer encode(int rep, Socks5Endpoint bound) {
        Buffer reply = Buffer.buffer(22).appendByte((byte) VERSION).appendByte((byte) rep).appendByte((byte) 0);
        bound.encodeTo(reply);
        return reply;
    }
}
