package io.bifrost.app.server.proxy.edge;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * A TCP origin on {@code 127.0.0.1}, port 0, that reads a request head and closes the connection (FIN) without
 * answering, as a server that crashed mid-request would. One daemon thread per connection; thread-safe.
 */
final class HangUpOrigin implements AutoCloseable {
    private final ServerSocket server;

    HangUpOrigin() throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
        Thread acceptor = new Thread(this::acceptLoop, "hang-up-origin-accept");
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
                Thread t = new Thread(() -> hangUpAfterHead(socket), "hang-up-origin");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return; // closed
            }
        }
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
