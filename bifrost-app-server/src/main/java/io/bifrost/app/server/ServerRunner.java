package io.bifrost.app.server;

import static java.util.Objects.requireNonNull;

import com.google.inject.Guice;
import com.google.inject.ProvisionException;
import io.bifrost.adapters.vertx.runtime.BuildInfo;
import io.bifrost.adapters.vertx.runtime.ProcessLifecycle;
import io.bifrost.adapters.vertx.runtime.ProcessSignals;
import io.bifrost.adapters.vertx.server.BifrostVertx;
import io.bifrost.core.config.ServerConfig;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the server for the life of the process (style 5.8: the shell owns the lifecycle): create the {@link Vertx},
 * build the injector once, start, hand the lifecycle to the signals, wait until it has stopped.
 */
public final class ServerRunner {
    private static final Logger LOG = LoggerFactory.getLogger(ServerRunner.class);

    private ServerRunner() {}

    /**
     * Blocks the calling thread (the main thread; never a Vert.x thread) until the server has stopped.
     *
     * @param config an already-validated configuration
     * @return the exit status: 0 after a stop request ([PRX-110]), 1 when the server could not start ([CFG-202])
     */
    public static int run(ServerConfig config, BuildInfo build, ProcessSignals signals) {
        requireNonNull(config, "config");
        requireNonNull(build, "build");
        requireNonNull(signals, "signals");
        Vertx vertx = BifrostVertx.create();
        ServerApplication application;
        try {
            application = Guice.createInjector(new ServerModule(config, vertx, build))
                    .getInstance(ServerApplication.class);
            application.start().await();
        } catch (Exception e) { // await() rethrows the failure as is, checked or not
            LOG.error("start-up failed: {}", message(e));
            vertx.close().await();
            return 1;
        }
        ProcessLifecycle lifecycle = new ProcessLifecycle(application, vertx);
        signals.install(lifecycle);
        lifecycle.awaitTermination();
        return 0;
    }

    /** The adapters' message names the key and address ([PRX-002], [SEC-090]); Guice's wrapper adds only noise. */
    private static String message(Exception e) {
        Throwable cause = e instanceof ProvisionException && e.getCause() != null ? e.getCause() : e;
        return cause.getMessage() != null ? cause.getMessage() : cause.toString();
    }
}
