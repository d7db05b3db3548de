package io.bifrost.app.client.cli;

import static java.util.Objects.requireNonNull;

import io.bifrost.adapters.vertx.config.ClientConfigLoader;
import io.bifrost.adapters.vertx.runtime.CliContext;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code validate [-c FILE]}: the load procedure of [CFG-030] without binding anything; the report of [CFG-203] on
 * stdout. A missing file is an error, even without {@code -c}: the built-in default would hide it.
 */
@Command(name = "validate", description = "Load and validate a configuration file without binding anything.")
final class ValidateCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Mixin
    HelpOption help;

    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "Configuration file (default: " + ClientConfigLoader.DEFAULT_FILE_NAME + ").")
    Path config;

    ValidateCommand(CliContext ctx) {
        this.ctx = requireNonNull(ctx, "ctx");
    }

    @Override
    public Integer call() {
        return ClientCli.commands(ctx).validate(config, new ClientConfigLoader(ctx.env())::load);
    }
}
