package io.bifrost.core.policy;

import static java.util.Objects.requireNonNull;

import io.bifrost.core.net.IpAddress;

/**
 * One listening socket of this process, as bound: the HTTP, SOCKS5, API or metrics listener ([SEC-060], [SEC-090]).
 *
 * @param path the configuration key it comes from, used in messages, e.g. {@code server.http.listen}
 * @param host the bound address, or {@code null} for all interfaces ({@code ":7080"}); an unspecified address
 *     ({@code 0.0.0.0}, {@code ::}) also means all interfaces
 * @param port the bound port, 0-65535; after start-up pass the actual port when the configured one was 0
 */
public record ListenerSocket(String path, IpAddress host, int port) {

    public ListenerSocket {
        requireNonNull(path, "path");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port: " + port + " (expected: 0-65535)");
        }
    }

    /** A listener on all interfaces, as {@code ":port"} configures it. */
    public static ListenerSocket allInterfaces(String path, int port) {
        return new ListenerSocket(path, null, port);
    }

    public boolean coversAllInterfaces() {
        return host == null || host.isUnspecified();
    }

    /** The listen-address form of [CFG-013]: {@code ":7080"}, {@code "10.0.0.5:7080"} or {@code "[::1]:7080"}. */
    public String listenText() {
        if (host == null) {
            return ":" + port;
        }
        return (host.isV6() ? "[" + host + "]" : host.toString()) + ":" + port;
    }
}
