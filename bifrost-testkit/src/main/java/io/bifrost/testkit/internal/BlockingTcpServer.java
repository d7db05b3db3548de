package io.bifrost.testkit.internal;

import static java.util.Objects.requireNonNull;

import io.vertx.core.Future;
import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP server on plain JDK sockets with one thread per connection, for the raw-TCP fakes.
 *
 * <p>Why not Vert.x: a Vert.x 5 {@code NetSocket} closes on the peer's FIN, so it cannot model TCP half-close
 * (RFC 9293 §3.6; Bifrost spec [PRX-056]). Blocking sockets get half-close right with {@code shutdownOutput()} and
 * get back-pressure for free (a blocked write stops the reading loop). The testkit is not the data path, so a thread
 * per connection is fine.
 *
 * <p>Thread-safe. {@link #close()} closes the listener and every tracked socket, which unblocks all handler
 * threads; {@link #terminated()} completes when they have all finished.
 */
public final class BlockingTcpServer {

    /** Serves one accepted connection; runs on its own thread and may block. */
    @FunctionalInterface
    public interface ConnectionHandler {
        void handle(Socket socket, BlockingTcpServer server) throws IOException;
    }

    private final String name;
    private final ConnectionHandler handler;
    private final Set<Closeable> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger threadCount = new AtomicInteger();
    private final AtomicInteger accepted = new AtomicInteger();
    private final ExecutorService threads;
    private volatile ServerSocket listener;
    private volatile boolean closed;

    public BlockingTcpServer(String name, ConnectionHandler handler) {
        this.name = requireNonNull(name, "name");
        this.handler = requireNonNull(handler, "handler");
        this.threads = Executors.newCachedThreadPool(this::newThread);
    }

    /** Binds {@code 127.0.0.1:0} and starts accepting; returns the bound port. */
    public synchronized int start() throws IOException {
        if (listener != null || closed) {
            throw new IllegalStateException(name + ": already started (expected: start() at most once)");
        }
        listener = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
        threads.execute(this::acceptLoop);
        return listener.getLocalPort();
    }

    /** The bound port, or {@code -1} before {@link #start()}. */
    public int port() {
        ServerSocket socket = listener;
        return socket == null ? -1 : socket.getLocalPort();
    }

    /** Connections accepted since start (or since {@link #resetAccepted()}). */
    public int accepted() {
        return accepted.get();
    }

    public void resetAccepted() {
        accepted.set(0);
    }

    /** Runs {@code task} on another thread of this server, e.g. the second direction of a relay. */
    public void fork(Runnable task) throws IOException {
        try {
            threads.execute(task);
        } catch (RejectedExecutionException e) {
            throw new IOException(name + ": closed", e);
        }
    }

    /** Registers a socket (e.g. one a proxy dialled) so that {@link #close()} closes it too. */
    public <S extends Closeable> S track(S socket) {
        open.add(socket);
        if (closed) {
            closeQuietly(socket);
        }
        return socket;
    }

    /** Closes a tracked socket and forgets it. */
    public void release(Closeable socket) {
        closeQuietly(socket);
        open.remove(socket);
    }

    /** Closes the listener and every tracked socket. Idempotent; does not block. */
    public void close() {
        closed = true;
        ServerSocket socket = listener;
        if (socket != null) {
            closeQuietly(socket);
        }
        open.forEach(BlockingTcpServer::closeQuietly);
        threads.shutdownNow();
    }

    /** Completes once every thread of this server has finished (call after {@link #close()}). */
    public Future<Void> terminated() {
        return Future.fromCompletionStage(CompletableFuture.runAsync(this::awaitThreads));
    }

    private void awaitThreads() {
        try {
            if (!threads.awaitTermination(5, TimeUnit.SECONDS)) {
                throw new IllegalStateException(name + ": threads still running 5s after close");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket socket = track(listener.accept());
                accepted.incrementAndGet();
                fork(() -> serve(socket));
            } catch (IOException e) {
                // The listener was closed by close(), or accept failed; either way this server is done accepting.
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try {
            handler.handle(socket, this);
        } catch (IOException e) {
            // Expected: the peer reset the connection, or close() closed the socket under a blocked read.
        } finally {
            release(socket);
        }
    }

    private Thread newThread(Runnable task) {
        Thread thread = new Thread(task, name + "-" + threadCount.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    }

    /** Closes, ignoring failures: used where the socket may already be closed or reset. */
    public static void closeQuietly(Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException e) {
            // Nothing to do: the only goal is that the descriptor is released.
        }
    }
}
