package io.bifrost.adapters.vertx.dial.handshake;

import static java.util.Objects.requireNonNull;

import io.bifrost.adapters.vertx.proxy.socks5.Socks5Address;

/**
 * The destination Bifrost asks an upstream proxy to connect to. Immutable; validates itself, so no text that could
 * break the request line or header section of [BKD-032] ever reaches the wire.
 *
 * @param host a host name (ASCII, IDNA already applied: 1–255 bytes of {@code [A-Za-z0-9._-]}, labels of 1–63, no
 *             trailing dot) or an IP literal; brackets around an IPv6 literal are removed
 * @param port 1–65535
 */
public record TunnelTarget(String host, int port) {

    public TunnelTarget {
        requireNonNull(host, "host");
        if (host.length() > 2 && host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        Socks5Address.parseHost(host);              // throws IllegalArgumentException naming the host
        if (port < 1 || port > 0xFFFF) {
            throw new IllegalArgumentException("port: " + port + " (expected: 1-65535)");
        }
    }

    /** The host as SOCKS5 carries it: a name ({@code ATYP 0x03}) or an IP address ({@code 0x01} / {@code 0x04}). */
    public Socks5Address address() {
        return Socks5Address.parseHost(host);
    }

    /** {@code host:port} for a request target and {@code Host} field: IPv6 in brackets, IP literals canonical. */
    public String authority() {
        Socks5Address address = address();
        return address.atyp() == Socks5Address.ATYP_IPV6
                ? "[" + address.host() + "]:" + port
                : address.host() + ":" + port;
    }

    @Override
    public String toString() {
        return authority();
    }
}
