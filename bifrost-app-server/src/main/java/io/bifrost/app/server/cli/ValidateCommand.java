package io.bifrost.app.server.cli;

import static java.util.Objects.requireNonNull;

import io.bifrost.adapters.vertx.config.ServerConfigLoader;
import io.bifrost.adapters.vertx.runtime.CliContext;
import io.bifrost.adapters.vertx.server.HostExposure;
import io.bifrost.adapters.vertx.server.ServerOptions;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code validate [-c FILE]}: the load procedure of [CFG-030] without binding anything; the report of [CFG-203] on
 * stdout. Without {@code -c} it validates {@code server-config.yaml} of the working directory, and a missing file is
 * an error: reporting the built-in default as valid would hide that the intended file was not read. The open-proxy
 * rule that start-up applies on this host's addresses is reported as warnings ([SEC-090]).
 */
@Command(name = "validate", description = "Load and validate a configuration file without binding anything.")
final class ValidateCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Mixin
    HelpOption help;

    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "Configuration file (default: " + ServerConfigLoader.DEFAULT_FILE_NAME + ").")
    Path config;

    ValidateCommand(CliContext ctx) {
        this.ctx = requireNonNull(ctx, "ctx");
    }

    @Override
    public Integer call() {
        ServerConfigLoader loader = new ServerConfigLoader(ctx.env());
        // [SEC-090]: the open-proxy rule of start-up, on this host's addresses, reported as warnings
        return ServerCli.commands(ctx).validate(config,
                file -> HostExposure.withWarnings(loader.load(file), ServerOptions.interfaceAddresses()));
    }
}
