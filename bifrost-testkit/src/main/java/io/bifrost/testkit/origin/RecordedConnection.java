package io.bifrost.testkit.origin;

import static java.util.Objects.requireNonNull;

import java.net.InetSocketAddress;

/**
 * A finished connection to a {@link FakeTcpOrigin}. Immutable.
 *
 * @param remoteAddress the peer's address: for a proxied connection, the proxy's outbound socket
 * @param bytesReceived bytes read from the peer
 * @param bytesSent     bytes written to the peer (banner, echo or report)
 * @param clientSentFin whether the peer ended its direction cleanly (TCP FIN, seen as end-of-stream); false when
 *                      the connection was reset, or cut by {@code stop()}
 */
public record RecordedConnection(
        InetSocketAddress remoteAddress, long bytesReceived, long bytesSent, boolean clientSentFin) {

    public RecordedConnection {
        requireNonNull(remoteAddress, "remoteAddress");
        if (bytesReceived < 0) {
            throw new IllegalArgumentException("bytesReceived: " + bytesReceived + " (expected: >= 0)");
        }
        if (bytesSent < 0) {
            throw new IllegalArgumentException("bytesSent: " + bytesSent + " (expected: >= 0)");
        }
    }
}
