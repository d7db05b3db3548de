package io.bifrost.testkit.support;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.util.function.Supplier;

/**
 * A Vert.x instance for test clients that avoids a Vert.x 5 race: a response body chunk that arrives before
 * {@code body()}/{@code handler()} is set is dropped (HttpClientResponseImpl.handleChunk; eclipse-vertx/vert.x#5825,
 * #5904). When a chain like {@code request().compose(send).compose(body)} is built on the JUnit thread, a future that
 * has already completed runs the next step on the JUnit thread while the event loop keeps delivering chunks.
 *
 * <p>Here every exchange is built on one context of a single-event-loop Vertx, so the callbacks are registered on the
 * same thread that delivers the response, before it can arrive.
 */
public final class ClientVertx implements AutoCloseable {

    private final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
    private final Context context = vertx.getOrCreateContext();

    public Vertx vertx() {
        return vertx;
    }

    /** Builds {@code exchange} on the event loop and waits for its result on the calling (JUnit) thread. */
    public <T> T await(Supplier<Future<T>> exchange) {
        Promise<T> result = Promise.promise();
        context.runOnContext(v -> exchange.get().onComplete(result));
        return result.future().await();
    }

    @Override
    public void close() {
        vertx.close().await();
    }
}
