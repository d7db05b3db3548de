package io.bifrost.app.client.proxy;

import io.bifrost.testkit.FakeServer;
import io.vertx.core.Future;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A "server" that accepts TCP connections and closes each once the client has sent something, before any reply: the
 * client cannot talk to it, so every attempt fails and is retried ([PRX-123]). Counts the attempts: connections that
 * sent a request. The client's TCP reachability probes connect and send nothing, so they do not count.
 */
final class HangUpServer implements FakeServer {
    private final AtomicInteger attempts = new AtomicInteger();
    private final int port;
    private ServerSocket socket;

    /** On a free port. */
    HangUpServer() {
        this(0);
    }

    /** On {@code port}, e.g. that of a server just stopped. */
    HangUpServer(int port) {
        this.port = port;
    }

    @Override
    public synchronized Future<Void> start() {
        try {
            socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
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
            Socket s;
            try {
                s = socket.accept();
            } catch (IOException e) {
                return; // closed
            }
            try (s) {
                s.setSoTimeout(2_000);
                if (s.getInputStream().read() >= 0) {
                    attempts.incrementAndGet();
                }
            } catch (IOException e) {
                // the client went away first: not an attempt
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
        attempts.set(0);
    }

    /** Connections that sent a request, then were hung up on. */
    int attempts() {
        return attempts.get();
    }
}
