package io.bifrost.adapters.vertx.proxy.socks5;

import static java.util.Objects.requireNonNull;

import io.vertx.core.buffer.Buffer;

/**
 * An address and port as SOCKS5 carries them: {@code DST.ADDR DST.PORT} of a request or {@code BND.ADDR BND.PORT}
 * of a reply (RFC 1928 §4, §6). Immutable; never null.
 *
 * @param address the host (name, IPv4 or IPv6)
 * @param port    0–65535; a request's destination port is never 0 (the handshake refuses it, spec [PRX-075]), a
 *                reply's bound port may be
 */
public record Socks5Endpoint(Socks5Address address, int port) {

    /** {@code 0.0.0.0:0}, the bound address replied when the backend is an upstream proxy (spec [PRX-076]). */
    public static final Socks5Endpoint UNSPECIFIED = new Socks5Endpoint(Socks5Address.ofIpBytes(new byte[4]), 0);

    public Socks5Endpoint {
        requireNonNull(address, "address");
        if (port < 0 || port > 0xFFFF) {
            throw new IllegalArgumentException("port: " + port + " (expected: 0-65535)");
        }
    }

    /** Appends {@code ATYP ADDR PORT} (port in network byte order). */
    public void encodeTo(Buffer buffer) {
        requireNonNull(buffer, "buffer");
        address.encodeTo(buffer);
        buffer.appendUnsignedShort(port);
    }

    /** {@code host:port}, with brackets around an IPv6 host. */
    @Override
    public String toString() {
        return address.atyp() == Socks5Address.ATYP_IPV6
                ? "[" + address.host() + "]:" + port
                : address.host() + ":" + port;
    }
}
