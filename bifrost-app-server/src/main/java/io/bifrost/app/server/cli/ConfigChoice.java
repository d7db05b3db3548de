package io.bifrost.app.server.cli;

import static java.util.Objects.requireNonNull;

import io.bifrost.adapters.vertx.config.LoadedServerConfig;
import io.bifrost.adapters.vertx.config.ServerConfigLoader;
import io.bifrost.core.config.ConfigResult;
import io.bifrost.core.config.ServerConfig;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Which configuration a command reads ([CFG-003]): the {@code -c} file, else {@code server-config.yaml} in the
 * working directory, else (for running only) the built-in default. Immutable.
 *
 * @param file the absolute file named by {@code -c} or the default file name
 * @param builtInDefault true when no {@code -c} was given, the default file is absent, and the built-in default
 *     may stand in for it
 */
record ConfigChoice(Path file, boolean builtInDefault) {

    ConfigChoice {
        requireNonNull(file, "file");
    }

    /**
     * @param option the {@code -c} value, relative to the working directory; {@code null} when not given
     * @param allowBuiltIn whether a missing default file means the built-in default (running) or an error
     *     ({@code validate})
     */
    static ConfigChoice of(CliContext ctx, Path option, boolean allowBuiltIn) {
        Path file = ctx.workingDir().resolve(option != null ? option : Path.of(ServerConfigLoader.DEFAULT_FILE_NAME))
                .normalize();
        return new ConfigChoice(file, allowBuiltIn && option == null && !Files.exists(file));
    }

    /** A named file that does not exist: the error of [CFG-003]. */
    boolean missing() {
        return !builtInDefault && !Files.exists(file);
    }

    ConfigResult<ServerConfig> load(ServerConfigLoader loader) {
        return builtInDefault ? loader.loadBuiltInDefault() : loader.load(file);
    }

    /** Loads keeping the file's own tree, which reloads and API saves need ([CFG-097]). */
    ConfigResult<LoadedServerConfig> loadWithSource(ServerConfigLoader loader) {
        return builtInDefault ? loader.loadBuiltInDefaultWithSource() : loader.loadWithSource(file);
    }

    /** The message of [CFG-003]. */
    String notFoundMessage() {
        return "config file not found: " + file + " (create one with \"" + ServerCli.PROGRAM + " config init\")";
    }
}
