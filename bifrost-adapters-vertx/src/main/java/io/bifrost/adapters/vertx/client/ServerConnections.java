package io.bifrost.adapters.vertx.client;

import io.bifrost.adapters.vertx.net.StreamSocket;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The open connections to the upstream server, each with the event loop that owns it, so that disconnecting
 * ([CAPI-031]) can close every connection that goes through the server: a tunnel then ends, and a forwarded request
 * fails, which closes the local client's connection too. Thread-safe.
 */
final class ServerConnections {
    private final Map<StreamSocket, Context> open = new ConcurrentHashMap<>();

    /** Registers a socket just connected to the server; call on its event loop. It leaves when it closes. */
    void add(StreamSocket socket) {
        Context context = Vertx.currentContext();
        if (context == null) {
            throw new IllegalStateException("ServerConnections.add: no Vert.x context (expected: the socket's loop)");
        }
        open.put(socket, context);
        socket.onClose(() -> open.remove(socket));
    }

    /** Closes every open connection to the server, each on its own event loop; returns how many there were. */
    int closeAll() {
        int n = 0;
        for (Map.Entry<StreamSocket, Context> e : open.entrySet()) {
            if (open.remove(e.getKey()) != null) {
                n++;
                StreamSocket socket = e.getKey();
                e.getValue().runOnContext(v -> socket.close());
            }
        }
        return n;
    }

    int size() {
        return open.size();
    }
}
