package io.bifrost.adapters.vertx.health;

import io.bifrost.core.backend.Backend;
import io.bifrost.core.config.EffectiveHealthCheck;
import io.bifrost.core.health.HealthCheckView;
import io.bifrost.core.health.ProbeOutcome;
import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.InstantSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The probe loop of one backend ([BKD-063]): the first probe right away (well within 1 s of the backend starting),
 * each later one {@code interval} after the previous one started, or right after the previous one ended when it took
 * longer. The next probe is armed only when the previous one has ended, so probes of one backend never overlap.
 *
 * <p>Timers and results are handled on one context (the health-check verticle's event loop); {@link #cancel} and the
 * read-only methods may be called from any thread. A result that arrives after {@link #cancel} is dropped, and a
 * backend that stopped running (removed at run time, [BKD-091]) ends its own loop.
 */
final class ScheduledProbe {
    private static final Logger LOG = LoggerFactory.getLogger(ScheduledProbe.class);
    private static final long FIRST_DELAY_MS = 1;

    private final Context context;
    private final Backend backend;
    private final EffectiveHealthCheck check;
    private final HealthProbe probe;
    private final InstantSource clock;
    private volatile boolean cancelled;
    private long timer = -1; // context only

    ScheduledProbe(Context context, Backend backend, EffectiveHealthCheck check, HealthProbe probe,
            InstantSource clock) {
        this.context = context;
        this.backend = backend;
        this.check = check;
        this.probe = probe;
        this.clock = clock;
    }

    void begin() {
        context.runOnContext(v -> arm(FIRST_DELAY_MS));
    }

    void cancel() {
        cancelled = true;
        context.runOnContext(v -> {
            if (timer >= 0) {
                context.owner().cancelTimer(timer);
                timer = -1;
            }
        });
    }

    /** Still probing a running backend: what counts for [BKD-064]. */
    boolean active() {
        return !cancelled && backend.running();
    }

    Backend backend() {
        return backend;
    }

    HealthCheckView view() {
        return HealthCheckView.of(check.type().wireName(), check.target(), check.interval(), backend.health().state());
    }

    private void arm(long delayMs) {
        if (!cancelled) {
            timer = context.owner().setTimer(Math.max(1, delayMs), id -> run());
        }
    }

    private void run() {
        timer = -1;
        if (!active()) {
            cancelled = true;
            return;
        }
        long started = System.nanoTime();
        attempt().onComplete(ar -> context.runOnContext(v -> finished(ar, started)));
    }

    private Future<ProbeOutcome> attempt() {
        try {
            return probe.probe(check);
        } catch (RuntimeException e) {
            return Future.failedFuture(e);
        }
    }

    private void finished(AsyncResult<ProbeOutcome> result, long started) {
        if (cancelled) {
            return; // stopped meanwhile: the backend may be gone, its state must not change any more
        }
        Duration took = Probes.since(started);
        ProbeOutcome outcome = result.succeeded() ? result.result()
                : ProbeOutcome.failure(clock.instant(), took, "probe error: " + result.cause().getMessage());
        LOG.debug("health probe of backend \"{}\" ({} {}): {}", backend.name(), check.type().wireName(),
                check.target(), outcome);
        backend.health().record(outcome);
        arm(check.interval().minus(took).toMillis());
    }
}
