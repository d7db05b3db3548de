package io.bifrost.app.client.cli;

import io.bifrost.adapters.vertx.runtime.CliContext;
import io.bifrost.adapters.vertx.runtime.ProcessSignals;
import io.bifrost.core.config.EnvLookup;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Runs {@code bifrost-client} in-process with captured streams; what it left behind. */
public record ClientCliRun(int status, String out, String err) {

    /** Runs a command that must not start the client. */
    public static ClientCliRun of(Path workingDir, String... args) {
        return of(workingDir, lifecycle -> {
            throw new AssertionError("this test does not expect the client to run");
        }, args);
    }

    public static ClientCliRun of(Path workingDir, ProcessSignals signals, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliContext ctx = new CliContext(new ByteArrayInputStream(new byte[0]), new PrintWriter(out, true),
                new PrintWriter(err, true), workingDir, EnvLookup.of(Map.of()), signals);
        int status = ClientCli.run(ctx, args);
        return new ClientCliRun(status, out.toString(), err.toString());
    }

    public List<String> outLines() {
        return out.lines().toList();
    }
}
