package io.bifrost.adapters.vertx.health;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * A loopback port whose connections are refused for as long as this is open: a TCP socket bound but never
 * listening. Unlike a port bound and released, no parallel test can take it and accept in between. (The testkit's
 * {@code FakePorts} does the same; these tests cannot depend on the testkit, which depends on this module.)
 */
final class RefusedPort implements AutoCloseable {
    private final Socket holder;

    private RefusedPort(Socket holder) {
        this.holder = holder;
    }

    static RefusedPort open() throws IOException {
        Socket holder = new Socket();
        holder.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
        return new RefusedPort(holder);
    }

    int port() {
        return holder.getLocalPort();
    }

    @Override
    public void close() throws IOException {
        holder.close();
    }
}
