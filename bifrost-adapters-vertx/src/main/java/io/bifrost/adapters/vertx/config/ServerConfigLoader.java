package io.bifrost.adapters.vertx.config;

import static java.util.Objects.requireNonNull;

import io.bifrost.core.config.ConfigResult;
import io.bifrost.core.config.EnvLookup;
import io.bifrost.core.config.ServerConfig;
import io.bifrost.core.config.ServerConfigReader;
import java.nio.file.Path;
import java.util.Map;

/**
 * Loads the server's configuration file with the procedure of [CFG-030]: parse, expand environment references, apply
 * defaults, normalise, validate. Thread-safe. {@link #load(Path)} reads the file: it blocks, so run it on a worker
 * thread (never an event loop).
 */
public final class ServerConfigLoader {
    /** The file used when no {@code -c} is given ([CFG-003]). */
    public static final String DEFAULT_FILE_NAME = "server-config.yaml";

    private final ConfigFileReader<ServerConfig> files;
    private final EnvLookup env;

    /** @param env where {@code ${NAME}} references are looked up */
    public ServerConfigLoader(EnvLookup env) {
        this.env = requireNonNull(env, "env");
        this.files = new ConfigFileReader<>("bifrost-server", ServerConfigReader::read, env);
    }

    /** A loader that expands references from the process environment. */
    public static ServerConfigLoader withProcessEnvironment() {
        return new ServerConfigLoader(EnvLookup.system());
    }

    /**
     * Loads a file. A missing file is the error {@code (root): config file not found: <file> (create one with
     * "bifrost-server config init")}.
     */
    public ConfigResult<ServerConfig> load(Path file) {
        return files.load(requireNonNull(file, "file"));
    }

    /** Loads configuration text (YAML or JSON), e.g. a body submitted through the API. Does no I/O. */
    public ConfigResult<ServerConfig> loadText(String text) {
        return files.loadText(requireNonNull(text, "text"));
    }

    /**
     * Loads a file for a server that will reload and save it: the configuration together with the file's tree as
     * written and its modification time ([CFG-097], [CFG-098]). Blocking, like {@link #load(Path)}.
     */
    public ConfigResult<LoadedServerConfig> loadWithSource(Path file) {
        Path absolute = requireNonNull(file, "file").toAbsolutePath();
        ConfigFileReader.Loaded<ServerConfig> loaded = files.loadWithTree(absolute);
        return source(absolute, loaded);
    }

    /** The built-in default ([CFG-003]) with its tree; a first save writes {@code server-config.yaml}. No I/O. */
    public ConfigResult<LoadedServerConfig> loadBuiltInDefaultWithSource() {
        return source(null, files.loadTextWithTree(ConfigTemplates.serverBuiltInDefault()));
    }

    private ConfigResult<LoadedServerConfig> source(Path file, ConfigFileReader.Loaded<ServerConfig> loaded) {
        ConfigResult<ServerConfig> result = loaded.result();
        if (!result.isValid()) {
            return ConfigResult.failed(result.problems());
        }
        return ConfigResult.of(new LoadedServerConfig(file, loaded.tree() == null ? Map.of() : loaded.tree(),
                result.config(), result.warnings(), loaded.modified(), env), result.problems());
    }

    /** The built-in default of [CFG-003]: the {@code config init} template with every listener on loopback. */
    public ConfigResult<ServerConfig> loadBuiltInDefault() {
        return files.loadText(ConfigTemplates.serverBuiltInDefault());
    }
}
