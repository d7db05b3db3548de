package io.bifrost.app.client.proxy;

import io.bifrost.testkit.FakeServer;
import io.vertx.core.Future;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A "server" that accepts TCP connections and closes each at once, before any reply: the client cannot talk to it, so
 * every attempt fails and is retried ([PRX-123]). Counts the connections it accepted.
 */
final class HangUpServer implements FakeServer {
    private final AtomicInteger accepted = new AtomicInteger();
    private ServerSocket socket;

    @Override
    public synchronized Future<Void> start() {
        try {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            return Future.failedFuture(e);
        }
        Thread acceptor = new Thread(this::acceptLoop, "hang-up-server");
        acceptor.setDaemon(true);
        acceptor.start();
        return Future.succeededFuture();
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            try (Socket s = socket.accept()) {
                accepted.incrementAndGet();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    @Override
    public synchronized Future<Void> stop() {
        try {
            socket.close();
        } catch (IOException e) {
            return Future.failedFuture(e);
        }
        return Future.succeededFuture();
    }

    @Override
    public int port() {
        return socket.getLocalPort();
    }

    @Override
    public void clearRecords() {
        accepted.set(0);
    }

    int accepted() {
        return accepted.get();
    }
}
