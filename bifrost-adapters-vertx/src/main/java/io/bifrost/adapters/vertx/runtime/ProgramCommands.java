package io.bifrost.adapters.vertx.runtime;

import static java.util.Objects.requireNonNull;

import io.bifrost.adapters.vertx.config.ConfigFileWriter;
import io.bifrost.adapters.vertx.runtime.logging.LogSetup;
import io.bifrost.core.config.ConfigResult;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bodies of the commands both programs have ([CFG-200], [CFG-201]): run ({@code [-c FILE]}), {@code validate}
 * and the file handling of {@code config init}. The shells' picocli classes parse the arguments and call these, so
 * the two command lines behave alike by construction; picocli itself stays in the shells. Results go to the
 * context's streams; every method returns the exit status of [CFG-202] (0 success, 1 failure). Blocking (file I/O,
 * and {@link #run} for the life of the program); call from the main thread. Immutable.
 */
public final class ProgramCommands {
    private static final Logger LOG = LoggerFactory.getLogger(ProgramCommands.class);

    private final CliContext ctx;
    private final CliProgram program;

    public ProgramCommands(CliContext ctx, CliProgram program) {
        this.ctx = requireNonNull(ctx, "ctx");
        this.program = requireNonNull(program, "program");
    }

    /**
     * Runs the program: load and validate ([CFG-030]), configure logging, log what runs, run until stopped.
     *
     * @param option the {@code -c} value; {@code null} when not given
     */
    public <T> int run(Path option, BuildInfo build, ProgramLauncher<T> launcher) {
        requireNonNull(build, "build");
        requireNonNull(launcher, "launcher");
        ConfigChoice choice = ConfigChoice.of(ctx, option, program.defaultFileName(), true);
        if (choice.missing()) {
            return notFound(choice);
        }
        ConfigResult<T> result = launcher.load(choice);
        if (!result.isValid()) {
            ConfigReport.problems(ctx.err(), result);
            ConfigReport.summary(ctx.err(), result);
            return 1;
        }
        try {
            LogSetup.apply(launcher.logging(result.config()), ctx.workingDir());
        } catch (IllegalStateException e) {
            ctx.err().println("error: " + e.getMessage());
            return 1;
        }
        logStarting(choice, build);
        result.warnings().forEach(w -> LOG.warn("{}", w));
        return launcher.run(result.config());
    }

    private void logStarting(ConfigChoice choice, BuildInfo build) {
        LOG.info("{} starting", build.versionLine(program.name()));
        if (choice.builtInDefault()) {
            LOG.info("no -c given and no {} in {}: running on the built-in default configuration ({}); create a file "
                    + "with \"{} {}\"", program.defaultFileName(), ctx.workingDir(), program.builtInDefault(),
                    program.name(), program.initCommand());
        } else {
            LOG.info("configuration: {}", choice.file());
        }
    }

    /**
     * {@code validate [-c FILE]}: the load procedure of [CFG-030] without binding anything, and the report of
     * [CFG-203] on stdout. A missing file is an error even without {@code -c}: reporting the built-in default as valid
     * would hide that the intended file was not read.
     *
     * @param option the {@code -c} value; {@code null} when not given
     * @param load the program's file loader
     */
    public int validate(Path option, Function<Path, ConfigResult<?>> load) {
        requireNonNull(load, "load");
        ConfigChoice choice = ConfigChoice.of(ctx, option, program.defaultFileName(), false);
        if (choice.missing()) {
            return notFound(choice);
        }
        ConfigResult<?> result = load.apply(choice.file());
        ConfigReport.problems(ctx.out(), result);
        ConfigReport.summary(ctx.out(), result);
        return result.isValid() ? 0 : 1;
    }

    private int notFound(ConfigChoice choice) {
        ctx.err().println("error: " + choice.notFoundMessage(program.name()));
        return 1;
    }

    /**
     * The file {@code config init -o OUTPUT} writes ([CFG-204]), resolved against the working directory; empty, with
     * the error on stderr, when it exists and {@code force} is not set.
     */
    public Optional<Path> starterFile(String output, boolean force) {
        requireNonNull(output, "output");
        Path target = ctx.workingDir().resolve(output).normalize();
        if (!force && Files.exists(target)) {
            ctx.err().println("error: " + output + " already exists; use -f to overwrite");
            return Optional.empty();
        }
        return Optional.of(target);
    }

    /** Writes a starter file atomically ([CFG-095]) and names it on stdout. */
    public int writeStarterFile(Path target, String text) {
        requireNonNull(target, "target");
        requireNonNull(text, "text");
        try {
            ConfigFileWriter.create().write(target, text);
        } catch (UncheckedIOException e) {
            ctx.err().println("error: cannot write " + target + ": " + e.getMessage());
            return 1;
        }
        ctx.out().println("Wrote " + target);
        return 0;
    }
}
