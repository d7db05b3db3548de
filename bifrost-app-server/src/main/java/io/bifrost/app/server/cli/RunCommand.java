package io.bifrost.app.server.cli;

import static java.util.Objects.requireNonNull;

import io.bifrost.adapters.vertx.config.LoadedServerConfig;
import io.bifrost.adapters.vertx.config.ServerConfigLoader;
import io.bifrost.adapters.vertx.runtime.BuildInfo;
import io.bifrost.adapters.vertx.runtime.CliContext;
import io.bifrost.adapters.vertx.runtime.ConfigChoice;
import io.bifrost.adapters.vertx.runtime.ConfigReport;
import io.bifrost.adapters.vertx.runtime.logging.LogSetup;
import io.bifrost.app.server.ServerRunner;
import io.bifrost.core.config.ConfigResult;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bifrost-server [-c FILE]}: load and validate ([CFG-030]), configure logging, run until stopped. */
@Command(name = ServerCli.PROGRAM, mixinStandardHelpOptions = true, sortOptions = false,
        description = "Bifrost proxy hub. Without a command, runs the server.")
final class RunCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);

    private final CliContext ctx;
    private final BuildInfo build;

    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "Configuration file (default: " + ServerConfigLoader.DEFAULT_FILE_NAME
                    + " in the current directory; the built-in default configuration when that is absent).")
    Path config;

    RunCommand(CliContext ctx, BuildInfo build) {
        this.ctx = requireNonNull(ctx, "ctx");
        this.build = requireNonNull(build, "build");
    }

    @Override
    public Integer call() {
        ConfigChoice choice = ConfigChoice.of(ctx, config, ServerConfigLoader.DEFAULT_FILE_NAME, true);
        if (choice.missing()) {
            ctx.err().println("error: " + choice.notFoundMessage(ServerCli.PROGRAM));
            return 1;
        }
        ServerConfigLoader loader = new ServerConfigLoader(ctx.env());
        ConfigResult<LoadedServerConfig> result = choice.load(loader::loadWithSource,
                loader::loadBuiltInDefaultWithSource);
        if (!result.isValid()) {
            ConfigReport.problems(ctx.err(), result);
            ConfigReport.summary(ctx.err(), result);
            return 1;
        }
        try {
            LogSetup.apply(result.config().config().logging(), ctx.workingDir());
        } catch (IllegalStateException e) {
            ctx.err().println("error: " + e.getMessage());
            return 1;
        }
        LOG.info("{} starting", build.versionLine(ServerCli.PROGRAM));
        if (choice.builtInDefault()) {
            LOG.info("no -c given and no {} in {}: running on the built-in default configuration (every listener on "
                    + "127.0.0.1); create a file with \"{} config init\"", ServerConfigLoader.DEFAULT_FILE_NAME,
                    ctx.workingDir(), ServerCli.PROGRAM);
        } else {
            LOG.info("configuration: {}", choice.file());
        }
        result.warnings().forEach(w -> LOG.warn("{}", w));
        return ServerRunner.run(result.config(), build, ctx.signals());
    }
}
