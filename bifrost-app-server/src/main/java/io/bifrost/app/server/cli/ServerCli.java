package io.bifrost.app.server.cli;

import static java.util.Objects.requireNonNull;

import io.bifrost.adapters.vertx.config.ServerConfigLoader;
import io.bifrost.adapters.vertx.runtime.BuildInfo;
import io.bifrost.adapters.vertx.runtime.CliContext;
import io.bifrost.adapters.vertx.runtime.CliProgram;
import io.bifrost.adapters.vertx.runtime.ProgramCommands;
import picocli.CommandLine;

/**
 * The {@code bifrost-server} command line ([CFG-200]): {@code [-c FILE]} runs the server; {@code validate},
 * {@code config init}, {@code version} and {@code hash-password} are subcommands. Exit statuses follow [CFG-202]:
 * 0 success, 1 invalid configuration / existing file / run-time failure, 2 usage error.
 */
public final class ServerCli {
    static final String PROGRAM = "bifrost-server";
    private static final CliProgram FACTS = new CliProgram(PROGRAM, ServerConfigLoader.DEFAULT_FILE_NAME,
            "every listener on 127.0.0.1", "config init");

    private ServerCli() {}

    /** Parses {@code args}, runs the command and returns its exit status; never exits the JVM. */
    public static int run(CliContext ctx, String... args) {
        requireNonNull(ctx, "ctx");
        requireNonNull(args, "args");
        BuildInfo build = BuildInfo.fromClasspath();
        CommandLine cli = commandLine(ctx, build);
        try {
            return cli.execute(args);
        } finally {
            ctx.out().flush();
            ctx.err().flush();
        }
    }

    /** The command bodies both programs share, as this program runs them. */
    static ProgramCommands commands(CliContext ctx) {
        return new ProgramCommands(ctx, FACTS);
    }

    static CommandLine commandLine(CliContext ctx, BuildInfo build) {
        CommandLine config = new CommandLine(new ConfigCommand())
                .addSubcommand("init", new ConfigInitCommand(ctx));
        CommandLine cli = new CommandLine(new RunCommand(ctx, build))
                .addSubcommand("validate", new ValidateCommand(ctx))
                .addSubcommand("config", config)
                .addSubcommand("version", new VersionCommand(ctx, build))
                .addSubcommand("hash-password", new HashPasswordCommand(ctx));
        cli.getCommandSpec().version(build.versionLine(PROGRAM));
        cli.setOut(ctx.out());
        cli.setErr(ctx.err());
        // an unexpected failure is one line on stderr and status 1, not a stack trace
        cli.setExecutionExceptionHandler((e, line, parsed) -> {
            line.getErr().println("error: " + (e.getMessage() != null ? e.getMessage() : e.toString()));
            return 1;
        });
        return cli;
    }
}
