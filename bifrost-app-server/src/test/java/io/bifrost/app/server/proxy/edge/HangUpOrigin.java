package io.bifrost.app.server.proxy.edge;

import io.bifrost.app.server.proxy.ThreadPerConnectionServer;
import java.io.IOException;
import java.net.Socket;

/**
 * A TCP origin on {@code 127.0.0.1}, port 0, that reads a request head and closes the connection (FIN) without
 * answering, as a server that crashed mid-request would. One daemon thread per connection; thread-safe.
 */
final class HangUpOrigin implements AutoCloseable {
    private final ThreadPerConnectionServer server;

    HangUpOrigin() throws IOException {
        this.server = ThreadPerConnectionServer.start("hang-up-origin", HangUpOrigin::hangUpAfterHead);
    }

    int port() {
        return server.port();
    }

    private static void hangUpAfterHead(Socket socket) {
        try (socket) {
            Wire.readHead(socket.getInputStream()); // the request's head ends like a response's: an empty line
        } catch (IOException e) {
            // the peer went away first
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
