package io.bifrost.app.server.proxy.edge;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * A TCP origin on {@code 127.0.0.1}, port 0, that answers the first bytes it receives by resetting the connection
 * (RST: {@code SO_LINGER} 0, then close), as a crashing server would. One daemon thread per connection; thread-safe.
 */
final class ResettingOrigin implements AutoCloseable {
    private final ServerSocket server;

    ResettingOrigin() throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
        Thread acceptor = new Thread(this::acceptLoop, "resetting-origin-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                Thread t = new Thread(() -> resetOnFirstByte(socket), "resetting-origin");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return; // closed
            }
        }
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
