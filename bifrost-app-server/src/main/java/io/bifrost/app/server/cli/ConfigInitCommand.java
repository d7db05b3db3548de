package io.bifrost.app.server.cli;

import static java.util.Objects.requireNonNull;

import io.bifrost.adapters.vertx.config.ConfigFileWriter;
import io.bifrost.adapters.vertx.config.ConfigTemplates;
import io.bifrost.adapters.vertx.config.ServerConfigLoader;
import io.bifrost.adapters.vertx.runtime.CliContext;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
        Path target = ctx.workingDir().resolve(output).normalize();
        if (!force && Files.exists(target)) {
            ctx.err().println("error: " + output + " already exists; use -f to overwrite");
            return 1;
        }
        try {
            ConfigFileWriter.create().write(target, ConfigTemplates.serverTemplate());
        } catch (UncheckedIOException e) {
            ctx.err().println("error: cannot write " + target + ": " + e.getMessage());
            return 1;
        }
        ctx.out().println("Wrote " + target);
        return 0;
    }
}
