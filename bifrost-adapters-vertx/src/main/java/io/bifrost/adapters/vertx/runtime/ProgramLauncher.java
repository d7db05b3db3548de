package io.bifrost.adapters.vertx.runtime;

import io.bifrost.core.config.ConfigResult;
import io.bifrost.core.config.LoggingConfig;

/**
 * What {@link ProgramCommands#run} needs from one program: how it reads its configuration, where the logging section
 * is, and how it runs. Implemented by each shell's run command.
 *
 * @param <T> the loaded configuration in the form the program runs on (e.g. with the file it came from)
 */
public interface ProgramLauncher<T> {

    /** Reads the chosen file, or the built-in default when it stands in ([CFG-003], [CFG-030]). Blocking. */
    ConfigResult<T> load(ConfigChoice choice);

    /** The logging section of a valid configuration, applied before the program logs anything else. */
    LoggingConfig logging(T config);

    /** Runs the program until it is stopped; blocks the calling (main) thread. Returns the exit status. */
    int run(T config);
}
