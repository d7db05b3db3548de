package io.bifrost.adapters.vertx.proxy.socks5;

/** Why a SOCKS5 server handshake ended the connection, and what (if anything) it replied first. */
public enum Socks5RefusalReason {

    /** Greeting {@code VER} ≠ 5, SOCKS4 included: closed without a reply ([PRX-071]). */
    MALFORMED_GREETING,

    /** RFC 1929 {@code VER} ≠ 1: closed without a reply ([PRX-073]). */
    MALFORMED_SUBNEGOTIATION,

    /** Request {@code VER} ≠ 5: closed without a reply ([PRX-074]). */
    MALFORMED_REQUEST,

    /** {@code NMETHODS} 0, or no method Bifrost would select: replied {@code 05 FF} ([PRX-071], [PRX-072]). */
    NO_ACCEPTABLE_METHOD,

    /** Credentials rejected (or an empty / non-UTF-8 username where they are verified): replied {@code 01 01}. */
    CREDENTIALS_REJECTED,

    /** {@code CMD} other than CONNECT: replied {@code REP 0x07} ([PRX-074]). */
    COMMAND_NOT_SUPPORTED,

    /** {@code ATYP} other than 1, 3, 4 on a CONNECT: replied {@code REP 0x08} ([PRX-074]). */
    ADDRESS_TYPE_NOT_SUPPORTED,

    /** Invalid host name or {@code DST.PORT} 0: replied {@code REP 0x01} ([PRX-075]). */
    INVALID_DESTINATION,

    /**
     * Client refused before the request was known ({@link Socks5Admission#REFUSED}): replied {@code REP 0x02} to any
     * request it sends, whatever the command, address type or destination ([PRX-083]).
     */
    CLIENT_REFUSED
}
