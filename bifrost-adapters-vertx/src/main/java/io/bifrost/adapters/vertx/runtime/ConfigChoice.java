package io.bifrost.adapters.vertx.runtime;

import static java.util.Objects.requireNonNull;

import io.bifrost.core.config.ConfigResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Which configuration a command reads ([CFG-003]): the {@code -c} file, else the program's default file in the
 * working directory, else (for running only) the built-in default. Immutable.
 *
 * @param file the absolute file named by {@code -c} or the default file name
 * @param builtInDefault true when no {@code -c} was given, the default file is absent, and the built-in default
 *     may stand in for it
 */
public record ConfigChoice(Path file, boolean builtInDefault) {

    public ConfigChoice {
        requireNonNull(file, "file");
    }

    /**
     * @param option the {@code -c} value, relative to the working directory; {@code null} when not given
     * @param defaultFileName {@code server-config.yaml} or {@code client-config.yaml}
     * @param allowBuiltIn whether a missing default file means the built-in default (running) or an error
     *     ({@code validate})
     */
    public static ConfigChoice of(CliContext ctx, Path option, String defaultFileName, boolean allowBuiltIn) {
        Path file = ctx.workingDir().resolve(option != null ? option : Path.of(defaultFileName)).normalize();
        return new ConfigChoice(file, allowBuiltIn && option == null && !Files.exists(file));
    }

    /** A named file that does not exist: the error of [CFG-003]. */
    public boolean missing() {
        return !builtInDefault && !Files.exists(file);
    }

    /** Reads the chosen file, or the built-in default when it stands in. Blocking. */
    public <T> ConfigResult<T> load(Function<Path, ConfigResult<T>> fromFile, Supplier<ConfigResult<T>> builtIn) {
        return builtInDefault ? builtIn.get() : fromFile.apply(file);
    }

    /** The message of [CFG-003], e.g. for {@code bifrost-server}. */
    public String notFoundMessage(String program) {
        return "config file not found: " + file + " (create one with \"" + program + " config init\")";
    }
}
