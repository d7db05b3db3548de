package io.bifrost.core.config;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * The server's {@code server} section ([CFG-101]). Immutable.
 *
 * @param http HTTP proxy listener
 * @param socks5 SOCKS5 listener
 * @param gracefulPeriod drain time at shutdown ([PRX-110]); default 30s; zero closes at once
 * @param allowOpenProxy permit an unauthenticated proxy on a public address ([SEC-090]); default false
 */
public record ProxyServerConfig(
        ListenerConfig http, ListenerConfig socks5, Duration gracefulPeriod, boolean allowOpenProxy) {

    public ProxyServerConfig {
        requireNonNull(http, "http");
        requireNonNull(socks5, "socks5");
        requireNonNull(gracefulPeriod, "gracefulPeriod");
    }

    public static ProxyServerConfig defaults() {
        return new ProxyServerConfig(ListenerConfig.serverHttpDefaults(), ListenerConfig.serverSocks5Defaults(),
                Duration.ofSeconds(30), false);
    }
}
