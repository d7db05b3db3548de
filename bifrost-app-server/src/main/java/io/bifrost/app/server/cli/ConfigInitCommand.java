package io.bifrost.app.server.cli;

import static java.util.Objects.requireNonNull;

import io.bifrost.adapters.vertx.config.ConfigTemplates;
import io.bifrost.adapters.vertx.config.ServerConfigLoader;
import io.bifrost.adapters.vertx.runtime.CliContext;
import io.bifrost.adapters.vertx.runtime.ProgramCommands;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code config init [-o FILE] [-f]}: writes the commented starter file ([CFG-204]) atomically ([CFG-095]). */
@Command(name = "init", description = "Write a commented starter configuration file.")
final class ConfigInitCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Mixin
    HelpOption help;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", defaultValue = ServerConfigLoader.DEFAULT_FILE_NAME,
            description = "File to write (default: ${DEFAULT-VALUE}).")
    String output;

    @Option(names = {"-f", "--force"}, description = "Replace the file if it exists.")
    boolean force;

    ConfigInitCommand(CliContext ctx) {
        this.ctx = requireNonNull(ctx, "ctx");
    }

    @Override
    public Integer call() {
        ProgramCommands commands = ServerCli.commands(ctx);
        return commands.starterFile(output, force)
                .map(target -> commands.writeStarterFile(target, ConfigTemplates.serverTemplate()))
                .orElse(1);
    }
}
