package io.bifrost.core.config;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * The {@code network} section ([CFG-128]). Immutable.
 *
 * @param ipv6 {@code null} (absent, default) or true: dial IPv4 and IPv6; false: IPv4 only
 * @param preferIpv6 try IPv6 addresses first; default false
 * @param keepalive TCP keep-alive idle time on client and upstream sockets; default 30s; zero disables
 * @param dialTimeout connect timeout for backends that set none; default 30s; &gt; 0
 * @param maxConnections concurrent proxy connections across listeners; 0 (default) = no limit
 * @param allowLoopbackDestinations allow destinations on the server's loopback/unspecified addresses ([SEC-060]);
 *     default false
 */
public record NetworkConfig(
        Boolean ipv6,
        boolean preferIpv6,
        Duration keepalive,
        Duration dialTimeout,
        int maxConnections,
        boolean allowLoopbackDestinations) {

    public NetworkConfig {
        requireNonNull(keepalive, "keepalive");
        requireNonNull(dialTimeout, "dialTimeout");
    }

    public static NetworkConfig defaults() {
        return new NetworkConfig(null, false, Duration.ofSeconds(30), Duration.ofSeconds(30), 0, false);
    }

    /** False only when {@code ipv6: false} is written. */
    public boolean ipv6Enabled() {
        return ipv6 == null || ipv6;
    }
}
