package io.bifrost.adapters.vertx.dial;

import static java.util.Objects.requireNonNull;

import io.bifrost.core.routing.RoutingKey;

/**
 * Where a dial goes: the normalised destination host and its port.
 *
 * @param port 1-65535
 */
public record DialTarget(RoutingKey host, int port) {
    public DialTarget {
        requireNonNull(host, "host");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port: " + port + " (expected: 1-65535)");
        }
    }

    /** {@code host:port}, IPv6 in brackets, as upstream proxies and messages want it. */
    public String authority() {
        return (host.isIpv6() ? "[" + host.text() + "]" : host.text()) + ":" + port;
    }

    @Override
    public String toString() {
        return authority();
    }
}
