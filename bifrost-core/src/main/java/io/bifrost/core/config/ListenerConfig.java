package io.bifrost.core.config;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * A proxy listener: server {@code server.http}/{@code server.socks5} ([CFG-101]) and client
 * {@code proxy.http}/{@code proxy.socks5} ([CFG-151]). Immutable.
 *
 * @param listen where to bind; disabled by {@code ""}; defaults: server {@code :7080} (HTTP) and {@code :7180}
 *     (SOCKS5), client {@code 127.0.0.1:7380} and {@code 127.0.0.1:7381}
 * @param readTimeout HTTP: request head and body inactivity ([PRX-105]); SOCKS5: handshake timeout ([PRX-070]);
 *     default 30s
 * @param writeTimeout client write stall; default 30s (reserved for SOCKS5)
 * @param idleTimeout keep-alive idle; default 60s for HTTP, 0s for SOCKS5 (reserved)
 * @param maxConnections concurrent connections on this listener; 0 (default) = no limit
 * @param tls the server's {@code tls} block, or {@code null} when absent (and always for the client)
 */
public record ListenerConfig(
        ListenAddress listen,
        Duration readTimeout,
        Duration writeTimeout,
        Duration idleTimeout,
        int maxConnections,
        TlsConfig tls) {

    public ListenerConfig {
        requireNonNull(listen, "listen");
        requireNonNull(readTimeout, "readTimeout");
        requireNonNull(writeTimeout, "writeTimeout");
        requireNonNull(idleTimeout, "idleTimeout");
        if (maxConnections < 0) {
            throw new IllegalArgumentException("maxConnections: " + maxConnections + " (expected: >= 0)");
        }
    }

    static ListenerConfig of(String listen, Duration idleTimeout) {
        return new ListenerConfig(ListenAddress.parse(listen), Duration.ofSeconds(30), Duration.ofSeconds(30),
                idleTimeout, 0, null);
    }

    public static ListenerConfig serverHttpDefaults() {
        return of(":7080", Duration.ofSeconds(60));
    }

    public static ListenerConfig serverSocks5Defaults() {
        return of(":7180", Duration.ZERO);
    }

    public static ListenerConfig clientHttpDefaults() {
        return of("127.0.0.1:7380", Duration.ofSeconds(60));
    }

    public static ListenerConfig clientSocks5Defaults() {
        return of("127.0.0.1:7381", Duration.ZERO);
    }
}
