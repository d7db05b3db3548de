package io.bifrost.app.server;

import io.bifrost.adapters.vertx.runtime.CliContext;
import io.bifrost.adapters.vertx.runtime.OsSignals;
import io.bifrost.adapters.vertx.runtime.ProcessDefaults;
import io.bifrost.app.server.cli.ServerCli;

/** {@code bifrost-server}: the process entry point; the rest runs in-process in tests through {@link ServerCli}. */
public final class BifrostServerMain {
    private BifrostServerMain() {}

    public static void main(String[] args) {
        ProcessDefaults.apply(); // first: they must be set before any Netty class is loaded
        // the only exit: commands return their status ([CFG-202]) instead of ending the JVM themselves
        System.exit(ServerCli.run(CliContext.system(new OsSignals()), args));
    }
}
