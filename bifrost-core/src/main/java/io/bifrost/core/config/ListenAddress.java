package io.bifrost.core.config;

import static java.util.Objects.requireNonNull;

import io.bifrost.core.net.IpAddress;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a listener binds ([CFG-013]): {@code host:port}, {@code :port} (all interfaces, IPv4 and IPv6),
 * {@code 0.0.0.0:port}, {@code [::]:port}, {@code [::1]:port}; port 0 asks for any free port; {@code ""} disables the
 * listener. A host name is kept as written and resolved once at start-up by the adapter, never here.
 *
 * <p>Immutable and thread-safe.
 *
 * @param host the host as written, IPv6 without brackets; {@code ""} for {@code :port} and for a disabled listener
 * @param port 0-65535, or -1 for a disabled listener
 */
public record ListenAddress(String host, int port) {
    private static final ListenAddress DISABLED = new ListenAddress("", -1);

    public ListenAddress {
        requireNonNull(host, "host");
        if (port < -1 || port > 65535) {
            throw new IllegalArgumentException("port: " + port + " (expected: 0-65535, or -1 for disabled)");
        }
        if (port == -1 && !host.isEmpty()) {
            throw new IllegalArgumentException("host: " + host + " (expected: empty for a disabled listener)");
        }
    }

    /** The disabled listener ({@code ""}). */
    public static ListenAddress disabled() {
        return DISABLED;
    }

    /**
     * Parses a listen address.
     *
     * @throws IllegalArgumentException with the problem text, e.g. {@code invalid listen address "7080" (expected
     *     host:port, :port, or "" to disable)}
     */
    public static ListenAddress parse(String text) {
        requireNonNull(text, "text");
        if (text.isEmpty()) {
            return DISABLED;
        }
        int colon = text.lastIndexOf(':');
        if (colon < 0) {
            throw invalid(text);
        }
        String hostPart = text.substring(0, colon);
        int port = HostSyntax.port(text.substring(colon + 1), 0).orElseThrow(() -> invalid(text));
        if (hostPart.isEmpty()) {
            return new ListenAddress("", port);
        }
        if (hostPart.startsWith("[")) {
            IpAddress v6 = HostSyntax.bracketedV6(hostPart).orElseThrow(() -> invalid(text));
            return new ListenAddress(v6.toString(), port);
        }
        Optional<IpAddress> ip = IpAddress.parse(hostPart);
        if (ip.isPresent() && ip.get().isV4()) {
            return new ListenAddress(ip.get().toString(), port);
        }
        if (!HostSyntax.isHostName(hostPart)) {
            throw invalid(text);
        }
        return new ListenAddress(hostPart, port);
    }

    private static IllegalArgumentException invalid(String text) {
        return new IllegalArgumentException(
                "invalid listen address \"" + text + "\" (expected host:port, :port, or \"\" to disable)");
    }

    public boolean isDisabled() {
        return port == -1;
    }

    /** The host as an IP literal; empty for {@code :port}, host names and a disabled listener. */
    public Optional<IpAddress> ip() {
        return host.isEmpty() ? Optional.empty() : IpAddress.parse(host);
    }

    /** True for {@code :port}, {@code 0.0.0.0:port} and {@code [::]:port}. */
    public boolean coversAllInterfaces() {
        return !isDisabled() && (host.isEmpty() || ip().map(IpAddress::isUnspecified).orElse(false));
    }

    /** True when bound to a loopback address or to {@code localhost} (which resolves to loopback). */
    public boolean isLoopback() {
        return !isDisabled()
                && (host.toLowerCase(Locale.ROOT).equals("localhost") || ip().map(IpAddress::isLoopback).orElse(false));
    }

    /**
     * Whether two listeners would claim the same socket ([CFG-101]): same non-zero port, and the same host or one of
     * them bound to all interfaces (binding {@code 0.0.0.0:7080} and {@code 127.0.0.1:7080} together fails too).
     */
    public boolean conflictsWith(ListenAddress other) {
        requireNonNull(other, "other");
        if (isDisabled() || other.isDisabled() || port == 0 || port != other.port) {
            return false;
        }
        return coversAllInterfaces() || other.coversAllInterfaces() || host.equalsIgnoreCase(other.host);
    }

    /** The configuration text: {@code ""}, {@code ":7080"}, {@code "127.0.0.1:7080"}, {@code "[::1]:7080"}. */
    @Override
    public String toString() {
        if (isDisabled()) {
            return "";
        }
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
