package io.bifrost.app.client.cli;

import static java.util.Objects.requireNonNull;

import io.bifrost.adapters.vertx.config.ClientConfigFile;
import io.bifrost.adapters.vertx.config.ClientConfigLoader;
import io.bifrost.adapters.vertx.runtime.BuildInfo;
import io.bifrost.adapters.vertx.runtime.CliContext;
import io.bifrost.adapters.vertx.runtime.ConfigChoice;
import io.bifrost.adapters.vertx.runtime.ConfigReport;
import io.bifrost.adapters.vertx.runtime.logging.LogSetup;
import io.bifrost.app.client.ClientRunner;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bifrost-client [-c FILE]}: load and validate ([CFG-030]), configure logging, run until stopped. */
@Command(name = ClientCli.PROGRAM, mixinStandardHelpOptions = true, sortOptions = false,
        description = "Bifrost local proxy. Without a command, runs the client.")
final class RunCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);

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
        ConfigChoice choice = ConfigChoice.of(ctx, config, ClientConfigLoader.DEFAULT_FILE_NAME, true);
        if (choice.missing()) {
            ctx.err().println("error: " + choice.notFoundMessage(ClientCli.PROGRAM));
            return 1;
        }
        ClientConfigFile.Opened opened = ClientConfigFile.open(choice.file(), choice.builtInDefault(), ctx.env());
        if (!opened.result().isValid()) {
            ConfigReport.problems(ctx.err(), opened.result());
            ConfigReport.summary(ctx.err(), opened.result());
            return 1;
        }
        try {
            LogSetup.apply(opened.result().config().logging(), ctx.workingDir());
        } catch (IllegalStateException e) {
            ctx.err().println("error: " + e.getMessage());
            return 1;
        }
        LOG.info("{} starting", build.versionLine(ClientCli.PROGRAM));
        if (choice.builtInDefault()) {
            LOG.info("no -c given and no {} in {}: running on the built-in default configuration (no server, every "
                    + "request goes direct); create a file with \"{} config init -s HOST:PORT\"",
                    ClientConfigLoader.DEFAULT_FILE_NAME, ctx.workingDir(), ClientCli.PROGRAM);
        } else {
            LOG.info("configuration: {}", choice.file());
        }
        opened.result().warnings().forEach(w -> LOG.warn("{}", w));
        return ClientRunner.run(opened, build, ctx.signals(), ctx.workingDir());
    }
}
