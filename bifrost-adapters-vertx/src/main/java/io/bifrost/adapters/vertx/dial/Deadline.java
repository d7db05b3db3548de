package io.bifrost.adapters.vertx.dial;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Bounds a multi-step dial (DNS, connect attempts, upstream-proxy handshake) by one connect timeout ([PRX-105]).
 * A step that succeeds after the deadline hands its result to {@code late} so the socket it opened is closed, never
 * leaked.
 */
final class Deadline {
    private Deadline() {}

    static <T> Future<T> bound(Vertx vertx, Duration timeout, Future<T> work, Consumer<T> late,
            Supplier<DialFailure> onExpiry) {
        Promise<T> result = Promise.promise();
        long timer = vertx.setTimer(Math.max(1, timeout.toMillis()), id -> result.tryFail(onExpiry.get()));
        work.onComplete(ar -> {
            vertx.cancelTimer(timer);
            boolean delivered = ar.succeeded() ? result.tryComplete(ar.result()) : result.tryFail(ar.cause());
            if (!delivered && ar.succeeded()) {
                late.accept(ar.result());
            }
        });
        return result.future();
    }
}
