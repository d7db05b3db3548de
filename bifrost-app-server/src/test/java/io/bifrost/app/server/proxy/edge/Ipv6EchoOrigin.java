package io.bifrost.app.server.proxy.edge;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An echo server on the IPv6 loopback {@code [::1]}, port 0, for the IPv6 cases the testkit's IPv4-only fakes cannot
 * serve. Records the remote address of every accepted connection. One daemon thread per connection; thread-safe.
 */
final class Ipv6EchoOrigin implements AutoCloseable {
    private final ServerSocket server;
    private final List<InetSocketAddress> peers = new CopyOnWriteArrayList<>();

    private Ipv6EchoOrigin(ServerSocket server) {
        this.server = server;
        Thread acceptor = new Thread(this::acceptLoop, "ipv6-echo-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** An origin on {@code [::1]}, or empty when this host has no IPv6 loopback. */
    static Optional<Ipv6EchoOrigin> start() {
        try {
            InetAddress loopback = InetAddress.getByName("::1");
            if (!(loopback instanceof Inet6Address)) {
                return Optional.empty();
            }
            return Optional.of(new Ipv6EchoOrigin(new ServerSocket(0, 50, loopback)));
        } catch (IOException e) {
            return Optional.empty(); // no ::1 on this host (IPv6 disabled)
        }
    }

    int port() {
        return server.getLocalPort();
    }

    /** Remote addresses of the connections accepted so far. */
    List<InetSocketAddress> peers() {
        return List.copyOf(peers);
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                peers.add((InetSocketAddress) socket.getRemoteSocketAddress());
                Thread echo = new Thread(() -> echo(socket), "ipv6-echo");
                echo.setDaemon(true);
                echo.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private static void echo(Socket socket) {
        try (socket) {
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            in.transferTo(out);
            socket.shutdownOutput();
        } catch (IOException e) {
            // the peer went away: nothing to echo
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
