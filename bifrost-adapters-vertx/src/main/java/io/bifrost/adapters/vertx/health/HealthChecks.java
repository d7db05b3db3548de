package io.bifrost.adapters.vertx.health;

import static java.util.Objects.requireNonNull;

import io.bifrost.core.backend.Backend;
import io.bifrost.core.config.EffectiveHealthCheck;
import io.bifrost.core.health.HealthCheckView;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;

/**
 * The server's health checks ([BKD-060]-[BKD-064]): one probe loop per enabled, running backend that has an
 * effective check ([BKD-061]), feeding the backend's {@link io.bifrost.core.health.HealthTracker}, which publishes
 * {@code backend.health} on every transition ([EVT-020]). Probes run from the server host straight to the target,
 * never through the backend.
 *
 * <p>Lifecycle: {@link #open()} once, then {@link #start(Backend, EffectiveHealthCheck)} per backend (at start-up and
 * for backends added at run time) and {@link #stop(String)} for removed ones ([BKD-061] item 4); {@link #close()} ends
 * every loop and releases the probe's clients. Thread-safe: every method may be called from any thread.
 */
public final class HealthChecks {
    private final Vertx vertx;
    private final HealthProbe probe;
    private final InstantSource clock;
    private volatile HealthCheckVerticle verticle; // null before open() and after close()
    private volatile boolean closed;

    /** @param probe runs one probe of any type, usually {@link HealthProbes}; closed by {@link #close()} */
    public HealthChecks(Vertx vertx, HealthProbe probe, InstantSource clock) {
        this.vertx = requireNonNull(vertx, "vertx");
        this.probe = requireNonNull(probe, "probe");
        this.clock = requireNonNull(clock, "clock");
    }

    /** Deploys the verticle whose event loop runs the probe timers. Call once; {@link #start} works from then on. */
    public Future<Void> open() {
        if (verticle != null || closed) {
            return Future.failedFuture(new IllegalStateException("health checks: opened before (expected: one open)"));
        }
        HealthCheckVerticle deploying = new HealthCheckVerticle();
        return vertx.deployVerticle(deploying).map(id -> {
            verticle = deploying;
            return null;
        });
    }

    /**
     * Starts probing {@code backend} with {@code check}: the first probe within 1 s, then every {@code interval}
     * ([BKD-063]). Replaces a probe the backend already had. Does nothing for a backend that is not running
     * (disabled, unsupported type, removed): only enabled, running backends are probed ([BKD-061]). Does nothing
     * either before {@link #open()} has completed or after {@link #close()}: a server that is not running probes
     * nothing, and the server starts the probes of all its backends when it starts.
     */
    public void start(Backend backend, EffectiveHealthCheck check) {
        requireNonNull(backend, "backend");
        requireNonNull(check, "check");
        HealthCheckVerticle v = verticle;
        if (v == null || !backend.running()) {
            return;
        }
        v.put(backend.name(), new ScheduledProbe(v.context(), backend, check, probe, clock));
    }

    /** Stops probing {@code backend} (removed at run time, [BKD-091]); a probe in flight is ignored when it ends. */
    public void stop(String backend) {
        requireNonNull(backend, "backend");
        HealthCheckVerticle v = verticle;
        if (v != null) {
            v.remove(backend);
        }
    }

    /**
     * Ends every probe loop, undeploys the verticle and closes the probe's clients; never fails. Idempotent. The
     * future is bound to no Vert.x context, so a caller may close the {@link Vertx} in a continuation and still see
     * its own later callbacks run (a context-bound future would dispatch them to an event loop that is gone).
     */
    public Future<Void> close() {
        closed = true;
        HealthCheckVerticle v = verticle;
        verticle = null;
        Future<Void> undeployed = v == null ? Future.succeededFuture()
                : vertx.undeploy(v.deploymentID()).otherwiseEmpty(); // already gone when Vert.x is closing
        Promise<Void> closed = Promise.promise();
        undeployed.eventually(probe::close).onComplete(ar -> closed.complete());
        return closed.future();
    }

    /** The {@code health_check} object of [BKD-050] for {@code backend}; empty when it is not probed. */
    public Optional<HealthCheckView> view(String backend) {
        HealthCheckVerticle v = verticle;
        ScheduledProbe p = v == null ? null : v.find(backend);
        return p == null || !p.active() ? Optional.empty() : Optional.of(p.view());
    }

    /** The backends being probed now, by name. */
    public List<String> probedBackends() {
        HealthCheckVerticle v = verticle;
        return v == null ? List.of()
                : v.all().stream().filter(ScheduledProbe::active).map(p -> p.backend().name()).sorted().toList();
    }

    /**
     * Whether any enabled, probed backend is unhealthy: {@code GET /api/v1/health} then reports {@code degraded}
     * ([BKD-064], [SAPI-010]). Backends without a probe never count.
     */
    public boolean degraded() {
        HealthCheckVerticle v = verticle;
        return v != null && v.all().stream()
                .anyMatch(p -> p.active() && p.backend().enabled() && !p.backend().health().isHealthy());
    }
}
