package io.bifrost.adapters.vertx.proxy.socks5;

/**
 * What the listener already knows about a client when its SOCKS5 handshake starts: it decides the method selection
 * of spec proxy.md [PRX-072] and [PRX-083].
 */
public enum Socks5Admission {

    /**
     * Authentication is not required ([PRX-072] "no" rows; always so on the client's listeners, [PRX-120]): select
     * {@code 0x00} if offered, else {@code 0x02} and accept any credentials (the connection stays anonymous).
     */
    OPEN,

    /**
     * Authentication is required ([PRX-072] "yes" rows): select {@code 0x02} and hand the credentials to the caller
     * for verification; a client that does not offer {@code 0x02} gets {@code 05 FF}.
     */
    AUTHENTICATE,

    /**
     * The client is already refused by access control or the per-IP rate limit ([PRX-010] steps 2–3). Spec
     * [PRX-083]: negotiate anyway ({@code 0x00} if offered, else {@code 0x02} answered {@code 01 00} without
     * checking the credentials), read the request, then reply {@code REP 0x02}.
     */
    REFUSED
}
