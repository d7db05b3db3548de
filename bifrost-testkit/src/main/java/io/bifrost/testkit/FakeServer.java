package io.bifrost.testkit;

import io.vertx.core.Future;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A fake server of the testkit: it listens on {@code 127.0.0.1} on a port chosen by the kernel (port 0), records
 * what it sees, and is started and stopped by test code.
 *
 * <p>A fake starts at most once: {@link #start()} on a started or stopped fake fails. {@link #stop()} frees
 * everything the fake holds (listening socket, open connections, threads, and a {@code Vertx} it created itself) and
 * may be called more than once. {@link #close()} is a blocking {@link #stop()} for try-with-resources.
 *
 * <p>Implementations are thread-safe: records may be read from the JUnit thread while the fake serves connections.
 * The blocking conveniences ({@link #startAndAwait()}, {@link #close()}) must not be called on a Vert.x event loop.
 */
public interface FakeServer extends AutoCloseable {

    /** How long the blocking conveniences wait for {@link #start()} and {@link #stop()}. */
    Duration BLOCKING_TIMEOUT = Duration.ofSeconds(10);

    /** Binds and starts serving; the future completes once {@link #port()} is known. */
    Future<Void> start();

    /** Closes the listener and every connection; completes when all resources are released. Idempotent. */
    Future<Void> stop();

    /**
     * The bound port.
     *
     * @throws IllegalStateException if the fake has not been started
     */
    int port();

    /** The address the fake listens on: the IPv4 loopback literal {@code 127.0.0.1} unless the fake says otherwise. */
    default String host() {
        return "127.0.0.1";
    }

    /** {@code 127.0.0.1:<port>}, the form used in {@code CONNECT} requests and {@code Host} headers. */
    default String authority() {
        return host() + ":" + port();
    }

    /** The bound socket address ({@link #host()} and {@link #port()}). */
    default InetSocketAddress address() {
        return new InetSocketAddress(host(), port());
    }

    /** Forgets everything recorded so far (requests, connections, counters). */
    void clearRecords();

    /**
     * Starts the fake and waits for it, for JUnit threads and {@code main} methods.
     *
     * @throws IllegalStateException if start-up fails or takes longer than {@link #BLOCKING_TIMEOUT}
     */
    default void startAndAwait() {
        awaitBlocking(start(), "start");
    }

    /** Stops the fake and waits for it; see {@link #startAndAwait()} for the threading rule. */
    @Override
    default void close() {
        awaitBlocking(stop(), "stop");
    }

    private void awaitBlocking(Future<Void> future, String action) {
        try {
            future.await(BLOCKING_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException(
                    getClass().getSimpleName() + ": " + action + " took longer than " + BLOCKING_TIMEOUT, e);
        }
    }
}
