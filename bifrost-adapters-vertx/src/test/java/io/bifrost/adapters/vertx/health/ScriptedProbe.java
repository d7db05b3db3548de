package io.bifrost.adapters.vertx.health;

import io.bifrost.core.backend.Backend;
import io.bifrost.core.config.EffectiveHealthCheck;
import io.bifrost.core.health.ProbeOutcome;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A probe for scheduling tests: answers from a script ('+' success, '-' failure; success once it runs out) after a
 * fixed delay, and records when each probe started and ended, how many ran at once, and the backend's health as the
 * probe started (i.e. the state after all earlier results).
 */
final class ScriptedProbe implements HealthProbe {
    record Call(long startNanos, long endNanos, boolean healthyBefore) {}

    private final Vertx vertx;
    private final String script;
    private final Duration delay;
    private final Backend backend;
    private final List<Long> starts = new CopyOnWriteArrayList<>();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger maxRunning = new AtomicInteger();
    private final AtomicBoolean closed = new AtomicBoolean();

    ScriptedProbe(Vertx vertx, String script, Duration delay, Backend backend) {
        this.vertx = vertx;
        this.script = script;
        this.delay = delay;
        this.backend = backend;
    }

    @Override
    public Future<ProbeOutcome> probe(EffectiveHealthCheck check) {
        long start = System.nanoTime();
        int index = starts.size();
        starts.add(start);
        boolean healthyBefore = backend.health().isHealthy();
        maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
        boolean ok = index >= script.length() || script.charAt(index) == '+';
        Promise<ProbeOutcome> done = Promise.promise();
        Runnable finish = () -> {
            running.decrementAndGet();
            calls.add(new Call(start, System.nanoTime(), healthyBefore));
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            done.complete(ok ? ProbeOutcome.success(Instant.now(), took)
                    : ProbeOutcome.failure(Instant.now(), took, "connection refused"));
        };
        if (delay.isZero()) {
            finish.run();
        } else {
            vertx.setTimer(delay.toMillis(), id -> finish.run());
        }
        return done.future();
    }

    @Override
    public Future<Void> close() {
        closed.set(true);
        return Future.succeededFuture();
    }

    /** Completed probes, in order. */
    List<Call> calls() {
        return List.copyOf(calls);
    }

    int started() {
        return starts.size();
    }

    int maxConcurrent() {
        return maxRunning.get();
    }

    boolean closed() {
        return closed.get();
    }
}
