package io.bifrost.core.traffic;

/** How a request reached the proxy, as records and events name it ([SEC-071]). */
public enum Protocol {
    /** A forwarded absolute-form request on the HTTP listener. */
    HTTP,
    /** A {@code CONNECT} tunnel on the HTTP listener. */
    CONNECT,
    /** A request on the SOCKS5 listener. */
    SOCKS5
}
