package io.bifrost.app.client.cli;

import static java.util.Objects.requireNonNull;

import io.bifrost.adapters.vertx.config.ClientConfigLoader;
import io.bifrost.adapters.vertx.config.ConfigTemplates;
import io.bifrost.adapters.vertx.runtime.CliContext;
import io.bifrost.adapters.vertx.runtime.ConfigReport;
import io.bifrost.adapters.vertx.runtime.ProgramCommands;
import io.bifrost.core.config.ClientConfig;
import io.bifrost.core.config.ConfigResult;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code config init -s HOST:PORT [-p http|socks5] [-o FILE] [--http-listen ADDR] [--socks5-listen ADDR] [-f]}: writes
 * the commented starter file of [CFG-204] atomically ([CFG-095]). The text is validated first, so a bad value is
 * reported with its key and nothing is written.
 */
@Command(name = "init", description = "Write a commented starter configuration file.")
final class ConfigInitCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Spec
    CommandSpec spec;

    @Mixin
    HelpOption help;

    @Option(names = {"-s", "--server"}, paramLabel = "HOST:PORT", required = true,
            description = "The Bifrost server that \"server\" routes go through.")
    String server;

    @Option(names = {"-p", "--protocol"}, paramLabel = "PROTOCOL", defaultValue = "http",
            description = "How to talk to the server: http or socks5 (default: ${DEFAULT-VALUE}).")
    String protocol;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", defaultValue = ClientConfigLoader.DEFAULT_FILE_NAME,
            description = "File to write (default: ${DEFAULT-VALUE}).")
    String output;

    @Option(names = "--http-listen", paramLabel = "ADDR", defaultValue = ConfigTemplates.CLIENT_HTTP_LISTEN,
            description = "Local HTTP proxy listener (default: ${DEFAULT-VALUE}; \"\" disables it).")
    String httpListen;

    @Option(names = "--socks5-listen", paramLabel = "ADDR", defaultValue = ConfigTemplates.CLIENT_SOCKS5_LISTEN,
            description = "Local SOCKS5 listener (default: ${DEFAULT-VALUE}; \"\" disables it).")
    String socks5Listen;

    @Option(names = {"-f", "--force"}, description = "Replace the file if it exists.")
    boolean force;

    ConfigInitCommand(CliContext ctx) {
        this.ctx = requireNonNull(ctx, "ctx");
    }

    @Override
    public Integer call() {
        if (!protocol.equals("http") && !protocol.equals("socks5")) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--protocol': '" + protocol
                    + "' (expected: http or socks5)");
        }
        ProgramCommands commands = ClientCli.commands(ctx);
        Optional<Path> target = commands.starterFile(output, force);
        if (target.isEmpty()) {
            return 1;
        }
        String text = ConfigTemplates.clientTemplate(server, protocol, httpListen, socks5Listen);
        ConfigResult<ClientConfig> check = new ClientConfigLoader(ctx.env()).loadText(text);
        if (!check.isValid()) {
            ConfigReport.problems(ctx.err(), check);
            ctx.err().println("error: nothing written to " + output);
            return 1;
        }
        return commands.writeStarterFile(target.get(), text);
    }
}
