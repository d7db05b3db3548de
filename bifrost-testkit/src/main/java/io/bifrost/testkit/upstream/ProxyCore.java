package io.bifrost.testkit.upstream;

import static java.util.Objects.requireNonNull;

import io.bifrost.testkit.internal.BlockingTcpServer;
import io.bifrost.testkit.internal.Recording;
import io.vertx.core.Future;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * What both fake proxies share: mode, optional credentials, recordings and the TCP server. Thread-safe: the
 * configuration is set before {@link #start()} and read by connection threads afterwards.
 */
final class ProxyCore {

    /** Username and password a proxy requires. */
    record Credentials(String username, String password) {
        Credentials {
            requireNonNull(username, "username");
            requireNonNull(password, "password");
        }
    }

    private final String name;
    private final ProxyMode mode;
    private final BlockingTcpServer server;
    private final Recording<RecordedConnect> connects = new Recording<>("CONNECT requests");
    private final Recording<RecordedAuth> auths = new Recording<>("authentications");
    private final CountDownLatch released = new CountDownLatch(1);
    private volatile Credentials credentials;
    private volatile boolean holding;
    private volatile boolean started;

    ProxyCore(String name, ProxyMode mode, BlockingTcpServer.ConnectionHandler handler) {
        this.name = requireNonNull(name, "name");
        this.mode = requireNonNull(mode, "mode");
        this.server = new BlockingTcpServer(name, handler);
    }

    ProxyMode mode() {
        return mode;
    }

    BlockingTcpServer server() {
        return server;
    }

    void requireCredentials(String username, String password) {
        requireNotStarted("requireCredentials");
        credentials = new Credentials(username, password);
    }

    void holdAnswers() {
        requireNotStarted("holdAnswers");
        holding = true;
    }

    void releaseAnswers() {
        released.countDown();
    }

    /**
     * Blocks the connection's thread until {@link #releaseAnswers()} when answers are held; bounded, so that a test
     * that never releases cannot hang the run.
     */
    void awaitRelease() throws IOException {
        if (!holding) {
            return;
        }
        try {
            if (!released.await(30, TimeUnit.SECONDS)) {
                throw new IOException(name + ": answers held for 30 s (expected: releaseAnswers())");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException(name + ": interrupted while answers were held");
        }
    }

    /** The required credentials, or {@code null} when the proxy accepts anyone. */
    Credentials credentials() {
        return credentials;
    }

    /** Compares in constant time, as a real proxy should; records the attempt. */
    boolean authenticate(String username, String password) {
        Credentials required = credentials;
        boolean accepted = required == null
                || (equal(required.username(), username) & equal(required.password(), password));
        auths.add(new RecordedAuth(username, accepted));
        return accepted;
    }

    void record(RecordedConnect connect) {
        connects.add(connect);
    }

    Recording<RecordedConnect> connects() {
        return connects;
    }

    Recording<RecordedAuth> auths() {
        return auths;
    }

    void requireNotStarted(String what) {
        if (started) {
            throw new IllegalStateException(name + ": " + what + " after start() (expected: configure, then start)");
        }
    }

    Future<Void> start() {
        started = true;
        try {
            server.start();
            return Future.succeededFuture();
        } catch (IOException | IllegalStateException e) {
            return Future.failedFuture(e);
        }
    }

    Future<Void> stop() {
        released.countDown(); // held connection threads end with the server
        server.close();
        return server.terminated();
    }

    int port() {
        int port = server.port();
        if (port < 0) {
            throw new IllegalStateException(name + ": not listening (expected: start() completed)");
        }
        return port;
    }

    void clearRecords() {
        connects.clear();
        auths.clear();
        server.resetAccepted();
    }

    /**
     * After a final answer: ends our direction, then reads until the client closes (at most 2 s) before the socket is
     * closed. Closing with unread input would send RST, which can destroy the answer before the client reads it.
     */
    static void finish(Socket socket, InputStream in) throws IOException {
        socket.shutdownOutput();
        socket.setSoTimeout(2_000);
        in.transferTo(OutputStream.nullOutputStream());
    }

    /** Reads and discards until the client goes away: the {@link ProxyMode#UNRESPONSIVE} behaviour. */
    static void discardUntilClosed(InputStream in) throws IOException {
        in.transferTo(OutputStream.nullOutputStream());
    }

    private static boolean equal(String expected, String actual) {
        return MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), actual.getBytes(StandardCharsets.UTF_8));
    }
}
