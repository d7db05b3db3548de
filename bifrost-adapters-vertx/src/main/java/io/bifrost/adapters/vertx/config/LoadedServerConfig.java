package io.bifrost.adapters.vertx.config;

import static java.util.Objects.requireNonNull;

import io.bifrost.core.config.ConfigProblem;
import io.bifrost.core.config.EnvLookup;
import io.bifrost.core.config.ServerConfig;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * A server configuration with where it came from, as a running server needs it to reload and save
 * ([CFG-091], [CFG-097], [CFG-098]). Immutable.
 *
 * @param file the file it was loaded from (absolute), or {@code null} for the built-in default ([CFG-003]) and for
 *     a configuration built in code
 * @param originalTree the tree as written, before environment expansion, which {@code config} was read from; or
 *     {@code null} when there is none (a configuration built in code: a first save then writes only what differs
 *     from the defaults)
 * @param config the validated configuration
 * @param warnings the warnings of the load ([CFG-061])
 * @param fileModified the file's modification time when it was read, or {@code null}
 * @param env where {@code ${NAME}} references were looked up; reloads and API saves use it too
 */
public record LoadedServerConfig(
        Path file,
        Object originalTree,
        ServerConfig config,
        List<ConfigProblem> warnings,
        Instant fileModified,
        EnvLookup env) {

    public LoadedServerConfig {
        requireNonNull(config, "config");
        warnings = List.copyOf(warnings);
        requireNonNull(env, "env");
        if (file != null && originalTree == null) {
            throw new IllegalArgumentException("originalTree: null (expected: the tree of " + file + ")");
        }
    }

    /** A configuration built in code: no file, no tree; saves go to the default file ([CFG-003]). */
    public static LoadedServerConfig of(ServerConfig config) {
        return new LoadedServerConfig(null, null, config, List.of(), null, EnvLookup.system());
    }
}
