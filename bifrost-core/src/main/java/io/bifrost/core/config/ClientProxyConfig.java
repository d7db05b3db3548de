package io.bifrost.core.config;

import static java.util.Objects.requireNonNull;

/**
 * The client's local proxy listeners ({@code proxy}, [CFG-151]); at least one is enabled in a valid configuration.
 * Immutable.
 *
 * @param http default {@code 127.0.0.1:7380}
 * @param socks5 default {@code 127.0.0.1:7381}; only {@code listen}, {@code read_timeout} and
 *     {@code max_connections} are read from the file
 */
public record ClientProxyConfig(ListenerConfig http, ListenerConfig socks5) {

    public ClientProxyConfig {
        requireNonNull(http, "http");
        requireNonNull(socks5, "socks5");
    }

    public static ClientProxyConfig defaults() {
        return new ClientProxyConfig(ListenerConfig.clientHttpDefaults(), ListenerConfig.clientSocks5Defaults());
    }
}
