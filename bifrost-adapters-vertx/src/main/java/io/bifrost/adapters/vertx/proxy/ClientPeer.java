package io.bifrost.adapters.vertx.proxy;

import static java.util.Objects.requireNonNull;

import io.bifrost.core.net.IpAddress;
import java.time.Instant;

/**
 * Who is on the other end of a client connection.
 *
 * @param connectionId the id it gets if it becomes tracked ([GEN-062])
 * @param ip the TCP peer address (IPv4-mapped folded to IPv4), the only address access control trusts
 */
public record ClientPeer(String connectionId, Instant acceptedAt, IpAddress ip, int port) {
    public ClientPeer {
        requireNonNull(connectionId, "connectionId");
        requireNonNull(acceptedAt, "acceptedAt");
        requireNonNull(ip, "ip");
    }

    /** The address in the canonical text records and {@code ip_hash} use. */
    public String ipText() {
        return ip.toString();
    }

    /** {@code <connection id>/<k>} ([GEN-063]). */
    public String requestId(int k) {
        return connectionId + "/" + k;
    }
}
