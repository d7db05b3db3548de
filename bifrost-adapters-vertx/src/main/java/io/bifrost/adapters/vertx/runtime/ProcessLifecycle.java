package io.bifrost.adapters.vertx.runtime;

import static java.util.Objects.requireNonNull;

import io.bifrost.core.config.Durations;
import io.vertx.core.Vertx;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What process signals act on once a program runs ([PRX-110]-[PRX-113]). The first stop request drains gracefully
 * (the application's grace period) and then closes the {@link Vertx}; a further stop request during the drain closes
 * the remaining connections at once ([PRX-111]); a reload request never stops anything. Thread-safe and
 * non-blocking, except {@link #awaitTermination()}.
 */
public final class ProcessLifecycle {
    private static final Logger LOG = LoggerFactory.getLogger(ProcessLifecycle.class);

    private final RunningApplication application;
    private final Vertx vertx;
    private final AtomicInteger stopRequests = new AtomicInteger();
    private final CompletableFuture<Void> terminated = new CompletableFuture<>();

    /** @param vertx closed after the drain; owned by the caller until then */
    public ProcessLifecycle(RunningApplication application, Vertx vertx) {
        this.application = requireNonNull(application, "application");
        this.vertx = requireNonNull(vertx, "vertx");
    }

    /** SIGTERM / SIGINT: the first starts the graceful stop, the next ones skip what is left of the grace period. */
    public void requestStop() {
        if (terminated.isDone()) {
            return;
        }
        if (stopRequests.incrementAndGet() == 1) {
            LOG.info("stopping: draining connections for up to {} (signal again to close them at once)",
                    Durations.format(application.gracePeriod()));
            application.stop()
                    .onFailure(e -> LOG.warn("graceful stop failed: {}", e.getMessage()))
                    .eventually(vertx::close)
                    .onComplete(ar -> {
                        LOG.info("stopped");
                        terminated.complete(null);
                    });
        } else {
            LOG.info("stop requested again: closing the remaining connections now");
            application.closeRemainingConnections();
        }
    }

    /** SIGHUP ([PRX-112]). */
    public void requestReload() {
        application.reload();
    }

    /** Blocks until the stop has finished and the {@link Vertx} is closed. Never call on a Vert.x thread. */
    public void awaitTermination() {
        terminated.join();
    }

    public boolean isTerminated() {
        return terminated.isDone();
    }

    public RunningApplication application() {
        return application;
    }
}
