package io.bifrost.adapters.vertx.health;

import io.bifrost.core.config.Durations;
import io.bifrost.core.health.ProbeOutcome;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.InstantSource;
import java.util.function.Consumer;
import java.util.function.Function;

/** What every probe shares: a deadline over the whole attempt, and turning the attempt into a timed outcome. */
final class Probes {
    private Probes() {}

    /**
     * {@code work}, or a {@link ProbeTimeoutException} once {@code timeout} has passed. On expiry {@code abort} runs
     * (to stop the I/O), and a result that still arrives later goes to {@code late} (to close what it opened).
     */
    static <T> Future<T> bound(Vertx vertx, Duration timeout, Future<T> work, Runnable abort, Consumer<T> late) {
        Promise<T> result = Promise.promise();
        long timer = vertx.setTimer(Math.max(1, timeout.toMillis()), id -> {
            if (result.tryFail(new ProbeTimeoutException(timeout))) {
                abort.run();
            }
        });
        work.onComplete(ar -> {
            vertx.cancelTimer(timer);
            boolean delivered = ar.succeeded() ? result.tryComplete(ar.result()) : result.tryFail(ar.cause());
            if (!delivered && ar.succeeded()) {
                late.accept(ar.result());
            }
        });
        return result.future();
    }

    /**
     * The outcome of {@code attempt}, started at {@code startNanos} ({@link System#nanoTime()}): success when it
     * succeeded, else a failure whose reason {@code reason} derives from the exception.
     */
    static Future<ProbeOutcome> outcome(Future<?> attempt, InstantSource clock, long startNanos,
            Function<Throwable, String> reason) {
        return attempt.<ProbeOutcome>map(ignored -> ProbeOutcome.success(clock.instant(), since(startNanos)))
                .otherwise(e -> ProbeOutcome.failure(clock.instant(), since(startNanos), reason.apply(e)));
    }

    static ProbeOutcome failure(InstantSource clock, long startNanos, String reason) {
        return ProbeOutcome.failure(clock.instant(), since(startNanos), reason);
    }

    static Duration since(long startNanos) {
        return Duration.ofNanos(Math.max(0, System.nanoTime() - startNanos));
    }

    /** {@code timeout after 5s}, the reason of a probe that ran out of time. */
    static String timeoutReason(Duration timeout) {
        return "timeout after " + Durations.format(timeout);
    }

    /** The probe ran out of time; an expected outcome, so no stack trace. */
    static final class ProbeTimeoutException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ProbeTimeoutException(Duration timeout) {
            super(timeoutReason(timeout), null, false, false);
        }
    }

    /** The probe got an answer that does not count as healthy (e.g. {@code HTTP 503}); the message is the reason. */
    static final class ProbeRejectedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ProbeRejectedException(String reason) {
            super(reason, null, false, false);
        }
    }
}
