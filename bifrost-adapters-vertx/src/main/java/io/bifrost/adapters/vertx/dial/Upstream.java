package io.bifrost.adapters.vertx.dial;

import static java.util.Objects.requireNonNull;

import io.bifrost.adapters.vertx.net.StreamSocket;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.SocketAddress;

/**
 * An established upstream connection, paused, ready for a tunnel or a forwarded request.
 *
 * @param early bytes the upstream already sent (e.g. right after an upstream proxy's reply); deliver them first
 *     ([PRX-054])
 * @param boundAddress the local address of the socket when the backend dialed the destination itself; {@code null}
 *     through an upstream proxy (SOCKS5 replies then carry {@code 0.0.0.0:0}, [PRX-076])
 */
public record Upstream(StreamSocket socket, Buffer early, SocketAddress boundAddress) {
    public Upstream {
        requireNonNull(socket, "socket");
        requireNonNull(early, "early");
    }
}
