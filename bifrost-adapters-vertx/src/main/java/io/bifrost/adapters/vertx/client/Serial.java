package io.bifrost.adapters.vertx.client;

import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.function.Supplier;

/**
 * Runs asynchronous operations one after another, in the order they were submitted: each starts when the previous
 * one has completed, whatever its outcome. Results are delivered on the submitting thread's Vert.x context when it
 * has one. Thread-safe; never blocks.
 */
final class Serial {
    private Future<Void> tail = Future.succeededFuture();

    synchronized <T> Future<T> run(Supplier<Future<T>> operation) {
        Context caller = Vertx.currentContext();
        Promise<T> result = Promise.promise();
        tail = tail.transform(ignored -> {
            Future<T> started;
            try {
                started = operation.get();
            } catch (RuntimeException e) {
                started = Future.failedFuture(e);
            }
            started.onComplete(ar -> deliver(caller, result, ar));
            return started.transform(ar -> Future.<Void>succeededFuture());
        });
        return result.future();
    }

    private static <T> void deliver(Context caller, Promise<T> result, AsyncResult<T> outcome) {
        if (caller == null || caller == Vertx.currentContext()) {
            result.handle(outcome);
        } else {
            caller.runOnContext(v -> result.handle(outcome));
        }
    }
}
