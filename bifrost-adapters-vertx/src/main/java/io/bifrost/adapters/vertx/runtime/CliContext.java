package io.bifrost.adapters.vertx.runtime;

import static java.util.Objects.requireNonNull;

import io.bifrost.core.config.EnvLookup;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * What a command may touch of its process, so that every command runs in-process in tests: standard streams, the
 * working directory (default and relative files resolve against it), the environment ({@code ${NAME}} references,
 * [CFG-020]) and the source of stop/reload signals. Immutable; the streams are shared, not owned.
 *
 * @param in standard input ({@code hash-password})
 * @param out standard output: the commands' results
 * @param err standard error: usage errors and failures
 */
public record CliContext(
        InputStream in, PrintWriter out, PrintWriter err, Path workingDir, EnvLookup env, ProcessSignals signals) {

    public CliContext {
        requireNonNull(in, "in");
        requireNonNull(out, "out");
        requireNonNull(err, "err");
        requireNonNull(workingDir, "workingDir");
        requireNonNull(env, "env");
        requireNonNull(signals, "signals");
        workingDir = workingDir.toAbsolutePath().normalize();
    }

    /**
     * The real process: its standard streams, current directory and environment. The one place that names
     * {@code System.out}/{@code System.err}: a command's results (a hash, a version line, a validation report) are
     * its output, not log lines.
     */
    public static CliContext system(ProcessSignals signals) {
        return new CliContext(System.in, new PrintWriter(System.out, true), new PrintWriter(System.err, true),
                Path.of(""), EnvLookup.system(), signals);
    }
}
