package io.bifrost.app.server.proxy.edge;

import io.bifrost.app.server.proxy.ThreadPerConnectionServer;
import java.io.IOException;
import java.net.Socket;

/**
 * A TCP origin on {@code 127.0.0.1}, port 0, that answers the first bytes it receives by resetting the connection
 * (RST: {@code SO_LINGER} 0, then close), as a crashing server would. One daemon thread per connection; thread-safe.
 */
final class ResettingOrigin implements AutoCloseable {
    private final ThreadPerConnectionServer server;

    ResettingOrigin() throws IOException {
        this.server = ThreadPerConnectionServer.start("resetting-origin", ResettingOrigin::resetOnFirstByte);
    }

    int port() {
        return server.port();
    }

    private static void resetOnFirstByte(Socket socket) {
        try (socket) {
            socket.getInputStream().read();
            socket.setSoLinger(true, 0); // close() now sends RST instead of FIN
        } catch (IOException e) {
            // the peer went away first
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
