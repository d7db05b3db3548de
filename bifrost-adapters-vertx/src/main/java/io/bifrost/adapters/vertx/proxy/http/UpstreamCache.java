package io.bifrost.adapters.vertx.proxy.http;

import io.bifrost.adapters.vertx.net.StreamSocket;
import java.util.Optional;

/**
 * The one idle upstream connection a client connection may keep for its next request ([PRX-033]): reused only for
 * the same backend, scheme, host and port. An idle upstream that the origin closes is dropped.
 */
final class UpstreamCache {
    private Idle idle;

    Optional<StreamSocket> take(String key) {
        if (idle == null || !idle.key().equals(key) || idle.socket().isClosed() || idle.socket().inputEnded()) {
            closeIdle();
            return Optional.empty();
        }
        StreamSocket socket = idle.socket().pause();
        idle = null;
        return Optional.of(socket);
    }

    void offer(String key, StreamSocket socket) {
        closeIdle();
        idle = new Idle(key, socket);
        socket.rawHandler(buf -> { // an idle upstream has nothing to say; anything it sends makes it unusable
            buf.release();
            closeIdle();
        });
        socket.inputEndHandler(this::closeIdle);
        socket.resume();
    }

    void closeIdle() {
        if (idle != null) {
            StreamSocket socket = idle.socket();
            idle = null;
            socket.close();
        }
    }

    /** The reuse key: backend, scheme, host and port. */
    static String key(String backend, String scheme, String host, int port) {
        return backend + "|" + scheme + "|" + host + "|" + port;
    }

    private record Idle(String key, StreamSocket socket) {}
}
