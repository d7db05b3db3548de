package io.bifrost.testkit.origin;

import static java.util.Objects.requireNonNull;

import io.bifrost.testkit.FakeServer;
import io.bifrost.testkit.internal.BlockingTcpServer;
import io.bifrost.testkit.internal.Recording;
import io.vertx.core.Future;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * A fake raw-TCP origin on {@code 127.0.0.1}, port 0, for tunnel tests (CONNECT, SOCKS5): it echoes, greets,
 * discards or counts, as its {@link TcpOriginMode} says, and handles TCP half-close correctly, so a test can prove
 * that a proxy passed the client's FIN on and still delivered the answer.
 *
 * <p>Built on plain JDK sockets with a thread per connection (Vert.x 5 sockets close on FIN), so it needs no
 * {@code Vertx}; {@link #start()} and {@link #stop()} still return Vert.x futures, completed on a non-Vert.x thread.
 * Thread-safe; see {@link FakeServer} for the lifecycle rules.
 */
public final class FakeTcpOrigin implements FakeServer {

    /** The banner of {@link #greeting()}, SMTP-like. */
    public static final String DEFAULT_BANNER = "220 bifrost-fake-origin ready\r\n";

    private static final int CHUNK_BYTES = 16 * 1024;

    private final TcpOriginMode mode;
    private final byte[] banner;
    private final Recording<RecordedConnection> connections = new Recording<>("connections");
    private final BlockingTcpServer server;

    private FakeTcpOrigin(TcpOriginMode mode, byte[] banner) {
        this.mode = requireNonNull(mode, "mode");
        this.banner = banner.clone();
        this.server = new BlockingTcpServer("fake-tcp-origin", (socket, owner) -> serve(socket));
    }

    /** An origin in the given mode; {@link TcpOriginMode#GREETING} sends {@link #DEFAULT_BANNER}. */
    public static FakeTcpOrigin create(TcpOriginMode mode) {
        return new FakeTcpOrigin(mode, DEFAULT_BANNER.getBytes(StandardCharsets.US_ASCII));
    }

    /** {@link TcpOriginMode#ECHO}. */
    public static FakeTcpOrigin echo() {
        return create(TcpOriginMode.ECHO);
    }

    /** {@link TcpOriginMode#GREETING} with {@link #DEFAULT_BANNER}. */
    public static FakeTcpOrigin greeting() {
        return create(TcpOriginMode.GREETING);
    }

    /** {@link TcpOriginMode#GREETING} with the given banner, sent as UTF-8 bytes. */
    public static FakeTcpOrigin greeting(String banner) {
        requireNonNull(banner, "banner");
        return new FakeTcpOrigin(TcpOriginMode.GREETING, banner.getBytes(StandardCharsets.UTF_8));
    }

    /** {@link TcpOriginMode#DISCARD}. */
    public static FakeTcpOrigin discard() {
        return create(TcpOriginMode.DISCARD);
    }

    /** {@link TcpOriginMode#SINK_AND_REPORT}. */
    public static FakeTcpOrigin sinkAndReport() {
        return create(TcpOriginMode.SINK_AND_REPORT);
    }

    public TcpOriginMode mode() {
        return mode;
    }

    @Override
    public Future<Void> start() {
        try {
            server.start();
            return Future.succeededFuture();
        } catch (IOException | IllegalStateException e) {
            return Future.failedFuture(e);
        }
    }

    @Override
    public Future<Void> stop() {
        server.close();
        return server.terminated();
    }

    @Override
    public int port() {
        int port = server.port();
        if (port < 0) {
            throw new IllegalStateException("tcp origin: not listening (expected: start() completed)");
        }
        return port;
    }

    /** Connections accepted so far, including open ones. */
    public int connectionsAccepted() {
        return server.accepted();
    }

    /** Connections that have finished, oldest first. */
    public List<RecordedConnection> connections() {
        return connections.snapshot();
    }

    /**
     * Waits until at least {@code count} connections have finished and returns them. Blocks: never call it on an
     * event loop.
     *
     * @throws AssertionError if they do not finish within {@code timeout}
     */
    public List<RecordedConnection> awaitConnections(int count, Duration timeout) {
        return connections.await(count, timeout);
    }

    @Override
    public void clearRecords() {
        connections.clear();
        server.resetAccepted();
    }

    private void serve(Socket socket) throws IOException {
        Traffic traffic = new Traffic();
        try {
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            switch (mode) {
                case ECHO -> traffic.echo(in, out);
                case GREETING -> traffic.send(out, banner).echo(in, out);
                case DISCARD -> traffic.drain(in);
                case SINK_AND_REPORT -> traffic.drain(in).sendCount(out);
            }
            socket.shutdownOutput(); // our FIN, after everything owed to the client
        } finally {
            connections.add(new RecordedConnection(
                    (InetSocketAddress) socket.getRemoteSocketAddress(),
                    traffic.received,
                    traffic.sent,
                    traffic.finReceived));
        }
    }

    /** Byte counts of one connection; used by its own thread only. */
    private static final class Traffic {
        long received;
        long sent;
        boolean finReceived;

        /** Echoes until end-of-stream; the blocking write is the back-pressure. */
        Traffic echo(InputStream in, OutputStream out) throws IOException {
            byte[] chunk = new byte[CHUNK_BYTES];
            for (int n = in.read(chunk); n >= 0; n = in.read(chunk)) {
                received += n;
                out.write(chunk, 0, n);
                sent += n;
            }
            finReceived = true;
            return this;
        }

        /** Reads and forgets until end-of-stream. */
        Traffic drain(InputStream in) throws IOException {
            byte[] chunk = new byte[CHUNK_BYTES];
            for (int n = in.read(chunk); n >= 0; n = in.read(chunk)) {
                received += n;
            }
            finReceived = true;
            return this;
        }

        /** Sends the number of bytes received so far, as {@link TcpOriginMode#SINK_AND_REPORT} documents. */
        Traffic sendCount(OutputStream out) throws IOException {
            return send(out, (received + "\n").getBytes(StandardCharsets.US_ASCII));
        }

        Traffic send(OutputStream out, byte[] bytes) throws IOException {
            out.write(bytes);
            sent += bytes.length;
            return this;
        }
    }
}
