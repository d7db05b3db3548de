package io.bifrost.adapters.vertx.runtime;

import static java.util.Objects.requireNonNull;

import io.bifrost.adapters.vertx.server.BifrostVertx;
import io.vertx.core.Vertx;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a program for the life of the process (style 5.8: the shell owns the lifecycle): create the {@link Vertx},
 * build the application once, start it, hand the lifecycle to the signals, wait until it has stopped.
 */
public final class ProcessRunner {
    private static final Logger LOG = LoggerFactory.getLogger(ProcessRunner.class);

    private ProcessRunner() {}

    /**
     * Blocks the calling thread (the main thread; never a Vert.x thread) until the application has stopped.
     *
     * @param application builds the application on the process's {@link Vertx}; what it throws is a start-up failure
     * @return the exit status: 0 after a stop request ([PRX-110]), 1 when the application could not start ([CFG-202])
     */
    public static int run(Function<Vertx, RunningApplication> application, ProcessSignals signals) {
        requireNonNull(application, "application");
        requireNonNull(signals, "signals");
        Vertx vertx = BifrostVertx.create();
        RunningApplication app;
        try {
            app = application.apply(vertx);
            app.start().await();
        } catch (Exception e) { // await() rethrows the failure as is, checked or not
            LOG.error("start-up failed: {}", e.getMessage() != null ? e.getMessage() : e.toString());
            vertx.close().await();
            return 1;
        }
        ProcessLifecycle lifecycle = new ProcessLifecycle(app, vertx);
        signals.install(lifecycle);
        lifecycle.awaitTermination();
        return 0;
    }
}
