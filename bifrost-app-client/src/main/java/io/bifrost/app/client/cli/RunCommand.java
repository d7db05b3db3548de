package io.bifrost.app.client.cli;

import static java.util.Objects.requireNonNull;

import io.bifrost.adapters.vertx.config.ClientConfigFile;
import io.bifrost.adapters.vertx.config.ClientConfigLoader;
import io.bifrost.adapters.vertx.runtime.BuildInfo;
import io.bifrost.adapters.vertx.runtime.CliContext;
import io.bifrost.adapters.vertx.runtime.ConfigChoice;
import io.bifrost.adapters.vertx.runtime.ProgramLauncher;
import io.bifrost.app.client.ClientRunner;
import io.bifrost.core.config.ConfigResult;
import io.bifrost.core.config.LoggingConfig;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bifrost-client [-c FILE]}: load and validate ([CFG-030]), configure logging, run until stopped; the steps
 * are the shared {@link io.bifrost.adapters.vertx.runtime.ProgramCommands#run}, with the opened file kept for
 * reloads, server selection and saves.
 */
@Command(name = ClientCli.PROGRAM, mixinStandardHelpOptions = true, sortOptions = false,
        description = "Bifrost local proxy. Without a command, runs the client.")
final class RunCommand implements Callable<Integer>, ProgramLauncher<ClientConfigFile.Opened> {
    private final CliContext ctx;
    private final BuildInfo build;

    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "Configuration file (default: " + ClientConfigLoader.DEFAULT_FILE_NAME
                    + " in the current directory; the built-in default configuration when that is absent).")
    Path config;

    RunCommand(CliContext ctx, BuildInfo build) {
        this.ctx = requireNonNull(ctx, "ctx");
        this.build = requireNonNull(build, "build");
    }

    @Override
    public Integer call() {
        return ClientCli.commands(ctx).run(config, build, this);
    }

    /** The file and its content; the result carries the file only when the content is valid. */
    @Override
    public ConfigResult<ClientConfigFile.Opened> load(ConfigChoice choice) {
        ClientConfigFile.Opened opened = ClientConfigFile.open(choice.file(), choice.builtInDefault(), ctx.env());
        return ConfigResult.of(opened, opened.result().problems());
    }

    @Override
    public LoggingConfig logging(ClientConfigFile.Opened opened) {
        return opened.result().config().logging();
    }

    @Override
    public int run(ClientConfigFile.Opened opened) {
        return ClientRunner.run(opened, build, ctx.signals(), ctx.workingDir());
    }
}
