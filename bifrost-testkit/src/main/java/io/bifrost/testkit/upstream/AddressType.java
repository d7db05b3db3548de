package io.bifrost.testkit.upstream;

import static java.util.Objects.requireNonNull;

import java.util.regex.Pattern;

/** How a {@code CONNECT} request named its destination: the SOCKS5 {@code ATYP} (RFC 1928 §5). */
public enum AddressType {

    /** An IPv4 address: SOCKS5 {@code ATYP 0x01}, or an IPv4 literal in an HTTP {@code CONNECT}. */
    IPV4(0x01),
    /** A host name, resolved by the proxy: SOCKS5 {@code ATYP 0x03}, or a name in an HTTP {@code CONNECT}. */
    DOMAIN(0x03),
    /** An IPv6 address: SOCKS5 {@code ATYP 0x04}, or a bracketed IPv6 literal in an HTTP {@code CONNECT}. */
    IPV6(0x04);

    private static final Pattern IPV4_LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private final int socksCode;

    AddressType(int socksCode) {
        this.socksCode = socksCode;
    }

    /** The SOCKS5 {@code ATYP} byte. */
    public int socksCode() {
        return socksCode;
    }

    /** Classifies a host as written in an HTTP {@code CONNECT} target (without brackets). No DNS lookup. */
    static AddressType ofHost(String host) {
        requireNonNull(host, "host");
        if (host.indexOf(':') >= 0) {
            return IPV6;
        }
        return IPV4_LITERAL.matcher(host).matches() ? IPV4 : DOMAIN;
    }
}
