package io.bifrost.app.server.cli;

import static java.util.Objects.requireNonNull;

import io.bifrost.adapters.vertx.config.LoadedServerConfig;
import io.bifrost.adapters.vertx.config.ServerConfigLoader;
import io.bifrost.adapters.vertx.runtime.BuildInfo;
import io.bifrost.adapters.vertx.runtime.CliContext;
import io.bifrost.adapters.vertx.runtime.ConfigChoice;
import io.bifrost.adapters.vertx.runtime.ProgramLauncher;
import io.bifrost.app.server.ServerRunner;
import io.bifrost.core.config.ConfigResult;
import io.bifrost.core.config.LoggingConfig;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bifrost-server [-c FILE]}: load and validate ([CFG-030]), configure logging, run until stopped; the steps
 * are the shared {@link io.bifrost.adapters.vertx.runtime.ProgramCommands#run}, with the file and its source kept
 * for reloads and saves.
 */
@Command(name = ServerCli.PROGRAM, mixinStandardHelpOptions = true, sortOptions = false,
        description = "Bifrost proxy hub. Without a command, runs the server.")
final class RunCommand implements Callable<Integer>, ProgramLauncher<LoadedServerConfig> {
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
        return ServerCli.commands(ctx).run(config, build, this);
    }

    @Override
    public ConfigResult<LoadedServerConfig> load(ConfigChoice choice) {
        ServerConfigLoader loader = new ServerConfigLoader(ctx.env());
        return choice.load(loader::loadWithSource, loader::loadBuiltInDefaultWithSource);
    }

    @Override
    public LoggingConfig logging(LoadedServerConfig loaded) {
        return loaded.config().logging();
    }

    @Override
    public int run(LoadedServerConfig loaded) {
        return ServerRunner.run(loaded, build, ctx.signals());
    }
}
