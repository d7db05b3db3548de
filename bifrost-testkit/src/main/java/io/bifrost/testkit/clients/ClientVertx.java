package io.bifrost.testkit.clients;

import static java.util.Objects.requireNonNull;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * A {@link Vertx} for test clients, and a safe way to wait for client exchanges from a JUnit thread.
 *
 * <h2>Why</h2>
 * In Vert.x 5 (seen on 5.1.6), a response body chunk that arrives before {@code body()} or {@code handler()} has been
 * set is dropped ({@code HttpClientResponseImpl.handleChunk}; eclipse-vertx/vert.x#5825 and #5904). A chain such as
 * {@code client.request(o).compose(r -> r.send()).compose(r -> r.body()).await()} written on the JUnit thread is
 * therefore flaky: when a future in the chain has already completed, the next step runs on the JUnit thread while the
 * event loop keeps delivering the response, and the start of the body can be lost. {@code NetSocket} handlers set
 * after {@code connect()} have the same race.
 *
 * <h2>How</h2>
 * {@link #await(Supplier)} builds the whole chain on one event-loop context of a single-event-loop {@code Vertx}, so
 * every callback is registered on the thread that delivers the response before the response can arrive, and only
 * the JUnit thread blocks:
 *
 * <pre>{@code
 * try (ClientVertx clients = new ClientVertx()) {
 *     HttpClient client = clients.vertx().createHttpClient();   // keep clients referenced (Vert.x 5 closes others)
 *     Buffer body = clients.await(() -> client.request(HttpMethod.GET, port, "127.0.0.1", "/hello")
 *             .compose(request -> request.send())
 *             .compose(response -> response.body()));
 * }
 * }</pre>
 *
 * <p>Thread-safe. {@link #await} and {@link #close()} block, so they must not be called on an event loop.
 */
public final class ClientVertx implements AutoCloseable {

    /** How long {@link #await(Supplier)} waits. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
    private final Context context = vertx.getOrCreateContext();

    /** The client-side {@code Vertx}: one event loop, owned and closed by this object. */
    public Vertx vertx() {
        return vertx;
    }

    /** Builds {@code exchange} on the event loop and waits up to {@link #DEFAULT_TIMEOUT} for its result. */
    public <T> T await(Supplier<Future<T>> exchange) {
        return await(exchange, DEFAULT_TIMEOUT);
    }

    /**
     * Builds {@code exchange} on the event loop and waits for its result on the calling thread.
     *
     * @throws IllegalStateException if the exchange takes longer than {@code timeout}
     * @throws RuntimeException      the exchange's failure, as {@link Future#await()} rethrows it
     */
    public <T> T await(Supplier<Future<T>> exchange, Duration timeout) {
        requireNonNull(exchange, "exchange");
        requireNonNull(timeout, "timeout");
        Promise<T> result = Promise.promise();
        context.runOnContext(v -> exchange.get().onComplete(result));
        try {
            return result.future().await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("exchange: no result within " + timeout, e);
        }
    }

    /** Closes the {@code Vertx} and every client created from it; waits for it. */
    @Override
    public void close() {
        vertx.close().await();
    }
}
