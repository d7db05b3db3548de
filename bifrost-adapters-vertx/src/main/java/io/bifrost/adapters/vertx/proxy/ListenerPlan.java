package io.bifrost.adapters.vertx.proxy;

import static java.util.Objects.requireNonNull;

/**
 * One proxy listener to bind.
 *
 * @param configKey the configuration key, for messages such as {@code server.http.listen: cannot bind ...}
 *     ([PRX-002])
 * @param host the address to bind; {@code ""} for all interfaces
 * @param port 0 for any free port
 * @param maxConnections concurrent connections on this listener; 0 = no limit ([PRX-004])
 */
public record ListenerPlan(Kind kind, String configKey, String host, int port, int maxConnections) {
    public ListenerPlan {
        requireNonNull(kind, "kind");
        requireNonNull(configKey, "configKey");
        requireNonNull(host, "host");
    }

    /** The protocol a listener speaks. */
    public enum Kind { HTTP, SOCKS5 }
}
