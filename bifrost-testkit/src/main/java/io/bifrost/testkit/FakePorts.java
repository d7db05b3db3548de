package io.bifrost.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Port helpers for scenarios where nothing should be listening. Thread-safe; never blocks for long. */
public final class FakePorts {

    private FakePorts() {}

    /**
     * A port on {@code 127.0.0.1} where nothing listens, so connecting to it is refused (a "backend down" scenario).
     *
     * <p>The port is bound on port 0 and released at once. Another process could take it in between, which is
     * unlikely for the few milliseconds a test needs, but a test must not rely on the port staying free for long.
     */
    public static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind a port on the loopback interface", e);
        }
    }
}
