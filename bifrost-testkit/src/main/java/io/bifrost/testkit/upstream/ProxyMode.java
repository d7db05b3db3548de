package io.bifrost.testkit.upstream;

/** How a fake upstream proxy answers a {@code CONNECT} request (after authentication, when it requires credentials). */
public enum ProxyMode {

    /**
     * Really connects to the requested destination and relays bytes both ways, with back-pressure and half-close;
     * so a test can prove that traffic went through this proxy. A dial failure is answered with HTTP {@code 502}, or
     * SOCKS5 {@code REP} {@code 0x05} (refused), {@code 0x04} (unknown host, unreachable, timeout) or {@code 0x01}.
     */
    FORWARDING,

    /** Refuses every request: HTTP {@code 403} or SOCKS5 {@code REP} {@code 0x02} unless configured otherwise. */
    REFUSING,

    /** Accepts the TCP connection, then reads and discards everything and never answers: for timeout tests. */
    UNRESPONSIVE
}
