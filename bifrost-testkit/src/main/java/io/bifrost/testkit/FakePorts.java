package io.bifrost.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Port helpers for scenarios where nothing should be listening. Thread-safe; never blocks for long. */
public final class FakePorts {
    /** Held until the JVM exits: a port stays refused only while something keeps it bound. */
    private static final List<Socket> HELD = new CopyOnWriteArrayList<>();

    private FakePorts() {}

    /**
     * A port on {@code 127.0.0.1} where nothing listens, so connecting to it is refused (a "backend down" scenario).
     *
     * <p>The port is held by a TCP socket that is bound but never listens, until the JVM exits: the kernel answers
     * a connection to it with a reset, and cannot hand the port to another listener in the meantime (a port that
     * was merely bound and released could be taken by a parallel test and accept).
     */
    public static int closedPort() {
        Socket holder = new Socket();
        try {
            holder.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
        } catch (IOException e) {
            closeQuietly(holder);
            throw new UncheckedIOException("cannot bind a port on the loopback interface", e);
        }
        HELD.add(holder);
        return holder.getLocalPort();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // nothing was bound
        }
    }
}
