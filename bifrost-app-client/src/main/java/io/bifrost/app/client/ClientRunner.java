package io.bifrost.app.client;

import static java.util.Objects.requireNonNull;

import com.google.inject.Guice;
import com.google.inject.ProvisionException;
import io.bifrost.adapters.vertx.config.ClientConfigFile;
import io.bifrost.adapters.vertx.runtime.BuildInfo;
import io.bifrost.adapters.vertx.runtime.ProcessRunner;
import io.bifrost.adapters.vertx.runtime.ProcessSignals;
import java.nio.file.Path;

/** Runs the client for the life of the process on the shared {@link ProcessRunner}, wired by {@link ClientModule}. */
public final class ClientRunner {
    private ClientRunner() {}

    /**
     * Blocks the calling thread (the main thread; never a Vert.x thread) until the client has stopped.
     *
     * @param opened the configuration file with its already-validated content
     * @return the exit status: 0 after a stop request ([PRX-113]), 1 when the client could not start ([CFG-202])
     */
    public static int run(ClientConfigFile.Opened opened, BuildInfo build, ProcessSignals signals, Path workingDir) {
        requireNonNull(opened, "opened");
        requireNonNull(build, "build");
        return ProcessRunner.run(vertx -> {
            try {
                return Guice.createInjector(new ClientModule(opened, vertx, build, workingDir))
                        .getInstance(ClientApplication.class);
            } catch (ProvisionException e) {
                throw e.getCause() instanceof RuntimeException cause ? cause : e;
            }
        }, signals);
    }
}
