package io.bifrost.app.client;

import io.bifrost.adapters.vertx.runtime.CliContext;
import io.bifrost.adapters.vertx.runtime.OsSignals;
import io.bifrost.adapters.vertx.runtime.ProcessDefaults;
import io.bifrost.app.client.cli.ClientCli;

/** {@code bifrost-client}: the process entry point; the rest runs in-process in tests through {@link ClientCli}. */
public final class BifrostClientMain {
    private BifrostClientMain() {}

    public static void main(String[] args) {
        ProcessDefaults.apply(); // first: they must be set before any Netty class is loaded
        // the only exit: commands return their status ([CFG-202]) instead of ending the JVM themselves
        System.exit(ClientCli.run(CliContext.system(new OsSignals()), args));
    }
}
