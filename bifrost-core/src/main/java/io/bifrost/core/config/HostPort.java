package io.bifrost.core.config;

import static java.util.Objects.requireNonNull;

import io.bifrost.core.net.IpAddress;
import java.util.Optional;

/**
 * An upstream address ([CFG-014]) such as {@code backends[].config.address} or the client's {@code server.address}:
 * {@code host:port} with a port 1-65535, IPv6 in brackets, no scheme. Immutable and thread-safe.
 *
 * @param host a host name as written, or an IP literal (IPv6 without brackets)
 * @param port 1-65535
 */
public record HostPort(String host, int port) {

    public HostPort {
        requireNonNull(host, "host");
        if (host.isEmpty()) {
            throw new IllegalArgumentException("host: \"\" (expected: a host name or IP address)");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port: " + port + " (expected: 1-65535)");
        }
    }

    /**
     * Parses {@code host:port}.
     *
     * @throws IllegalArgumentException with the problem text, e.g. {@code invalid address "http://proxy:3128": a
     *     scheme is not allowed (expected host:port)}
     */
    public static HostPort parse(String text) {
        requireNonNull(text, "text");
        if (text.contains("://")) {
            throw invalid(text, "a scheme is not allowed (expected host:port)");
        }
        int colon = text.lastIndexOf(':');
        if (colon < 0) {
            throw invalid(text, "missing port (expected host:port)");
        }
        String hostPart = text.substring(0, colon);
        String portPart = text.substring(colon + 1);
        int port = HostSyntax.port(portPart, 1)
                .orElseThrow(() -> invalid(text, "port \"" + portPart + "\" out of range (expected 1-65535)"));
        if (hostPart.startsWith("[")) {
            IpAddress v6 = HostSyntax.bracketedV6(hostPart)
                    .orElseThrow(() -> invalid(text, "malformed IPv6 address (expected [address]:port)"));
            return new HostPort(v6.toString(), port);
        }
        if (hostPart.indexOf(':') >= 0) {
            throw invalid(text, "an IPv6 address needs brackets (expected [address]:port)");
        }
        Optional<IpAddress> ip = IpAddress.parse(hostPart);
        if (ip.isPresent()) {
            return new HostPort(ip.get().toString(), port);
        }
        if (!HostSyntax.isHostName(hostPart)) {
            throw invalid(text, "malformed host (expected host:port)");
        }
        return new HostPort(hostPart, port);
    }

    private static IllegalArgumentException invalid(String text, String why) {
        return new IllegalArgumentException("invalid address \"" + text + "\": " + why);
    }

    /** The host as an IP literal; empty for host names. */
    public Optional<IpAddress> ip() {
        return IpAddress.parse(host);
    }

    /** {@code host:port} with IPv6 in brackets, as written in configuration files. */
    @Override
    public String toString() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
