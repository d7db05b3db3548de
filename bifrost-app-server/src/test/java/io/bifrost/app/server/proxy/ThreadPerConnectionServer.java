package io.bifrost.app.server.proxy;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.function.Consumer;

/**
 * A blocking TCP server on {@code 127.0.0.1}, port 0, for test peers that misbehave on purpose (hang up, reset,
 * stall, hold a dial): plain sockets and one daemon thread per connection make "do exactly this, byte by byte" easy
 * to write, which an event-loop server would not. The handler owns its socket and closes it. Thread-safe.
 */
public final class ThreadPerConnectionServer implements AutoCloseable {
    private final ServerSocket server;
    private final String name;
    private final Consumer<Socket> handler;

    private ThreadPerConnectionServer(String name, Consumer<Socket> handler) throws IOException {
        this.name = requireNonNull(name, "name");
        this.handler = requireNonNull(handler, "handler");
        this.server = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
    }

    /** Binds and starts accepting; {@code name} names the threads. */
    public static ThreadPerConnectionServer start(String name, Consumer<Socket> handler) throws IOException {
        ThreadPerConnectionServer s = new ThreadPerConnectionServer(name, handler);
        daemon(s::acceptLoop, name + "-accept");
        return s;
    }

    public int port() {
        return server.getLocalPort();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                daemon(() -> handler.accept(socket), name);
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private static void daemon(Runnable task, String name) {
        Thread t = new Thread(task, name);
        t.setDaemon(true);
        t.start();
    }

    /** Stops accepting; connections in progress run on until their handlers end. */
    @Override
    public void close() throws IOException {
        server.close();
    }
}
