package io.bifrost.app.server;

import static java.util.Objects.requireNonNull;

import com.google.inject.Guice;
import com.google.inject.ProvisionException;
import io.bifrost.adapters.vertx.config.LoadedServerConfig;
import io.bifrost.adapters.vertx.runtime.BuildInfo;
import io.bifrost.adapters.vertx.runtime.ProcessRunner;
import io.bifrost.adapters.vertx.runtime.ProcessSignals;

/** Runs the server for the life of the process on the shared {@link ProcessRunner}, wired by {@link ServerModule}. */
public final class ServerRunner {
    private ServerRunner() {}

    /**
     * Blocks the calling thread (the main thread; never a Vert.x thread) until the server has stopped.
     *
     * @param config an already-validated configuration
     * @return the exit status: 0 after a stop request ([PRX-110]), 1 when the server could not start ([CFG-202])
     */
    public static int run(LoadedServerConfig config, BuildInfo build, ProcessSignals signals) {
        requireNonNull(config, "config");
        requireNonNull(build, "build");
        return ProcessRunner.run(vertx -> {
            try {
                return Guice.createInjector(new ServerModule(config, vertx, build))
                        .getInstance(ServerApplication.class);
            } catch (ProvisionException e) {
                // the adapters' message names the key and address ([PRX-002], [SEC-090]); Guice's wrapper adds noise
                throw e.getCause() instanceof RuntimeException cause ? cause : e;
            }
        }, signals);
    }
}
