package io.bifrost.app.server.cli;

import static java.util.Objects.requireNonNull;

import io.bifrost.adapters.vertx.runtime.BuildInfo;
import io.bifrost.adapters.vertx.runtime.CliContext;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code version}: one line ([CFG-205]). */
@Command(name = "version", description = "Print version information.")
final class VersionCommand implements Callable<Integer> {
    private final CliContext ctx;
    private final BuildInfo build;

    @Mixin
    HelpOption help;

    VersionCommand(CliContext ctx, BuildInfo build) {
        this.ctx = requireNonNull(ctx, "ctx");
        this.build = requireNonNull(build, "build");
    }

    @Override
    public Integer call() {
        ctx.out().println(build.versionLine(ServerCli.PROGRAM));
        return 0;
    }
}
