package io.bifrost.testkit.upstream;

import static java.util.Objects.requireNonNull;

import java.net.InetSocketAddress;

/**
 * A {@code CONNECT} request received by a fake upstream proxy, recorded as soon as it was parsed: whatever the proxy
 * then answered (forwarded, refused, or rejected for missing credentials). Immutable.
 *
 * @param clientAddress the address of the client that sent it (for Bifrost tests: Bifrost's outbound socket)
 * @param host          the destination host: a name, or an IPv4/IPv6 literal without brackets
 * @param port          the destination port
 * @param addressType   how the destination was named (SOCKS5 {@code ATYP}; for HTTP, derived from the host's syntax)
 * @param username      the user name presented ({@code Proxy-Authorization: Basic} or RFC 1929), or {@code null}
 * @param requestHead   HTTP: the request head exactly as received, from the request line through the blank line
 *                      ({@code \r\n\r\n}); SOCKS5: the request bytes ({@code VER CMD RSV ATYP DST.ADDR DST.PORT}) as
 *                      lower-case hex
 */
public record RecordedConnect(
        InetSocketAddress clientAddress,
        String host,
        int port,
        AddressType addressType,
        String username,
        String requestHead) {

    public RecordedConnect {
        requireNonNull(clientAddress, "clientAddress");
        requireNonNull(host, "host");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port: " + port + " (expected: 0-65535)");
        }
        requireNonNull(addressType, "addressType");
        requireNonNull(requestHead, "requestHead");
    }

    /** {@code host:port}, with an IPv6 host in brackets ({@code [::1]:443}), as in an HTTP {@code CONNECT}. */
    public String target() {
        return (addressType == AddressType.IPV6 ? "[" + host + "]" : host) + ":" + port;
    }
}
