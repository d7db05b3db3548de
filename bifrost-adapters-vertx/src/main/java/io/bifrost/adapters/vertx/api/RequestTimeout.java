package io.bifrost.adapters.vertx.api;

import static java.util.Objects.requireNonNull;

import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.PlatformHandler;
import java.time.Duration;

/**
 * [GEN-011]: a request that has written nothing after the processing timeout (30 s) is answered {@code 503}
 * {@code TIMEOUT}; whatever the handler produces later is dropped. Streams and backend tests do not use it. A
 * platform handler, so it may come before the body handler and bound the body's arrival too.
 */
final class RequestTimeout implements PlatformHandler {
    static final Duration DEFAULT = Duration.ofSeconds(30);

    private final Vertx vertx;
    private final long millis;

    RequestTimeout(Vertx vertx, Duration timeout) {
        this.vertx = requireNonNull(vertx, "vertx");
        this.millis = Math.max(1, timeout.toMillis());
    }

    @Override
    public void handle(RoutingContext ctx) {
        long timer = vertx.setTimer(millis, id -> {
            if (!ctx.response().headWritten()) {
                ApiFailureHandler.write(ctx, new ApiException(ApiErrorCode.TIMEOUT, null,
                        "request not processed within " + millis / 1000 + "s", null));
            }
        });
        ctx.addEndHandler(v -> vertx.cancelTimer(timer));
        ctx.next();
    }
}
