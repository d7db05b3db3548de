package io.bifrost.adapters.vertx.config;

import static java.util.Objects.requireNonNull;

import io.bifrost.core.config.ConfigResult;
import io.bifrost.core.config.EnvLookup;
import io.bifrost.core.config.ServerConfig;
import io.bifrost.core.config.ServerConfigReader;
import java.nio.file.Path;

/**
 * Loads the server's configuration file with the procedure of [CFG-030]: parse, expand environment references, apply
 * defaults, normalise, validate. Thread-safe. {@link #load(Path)} reads the file: it blocks, so run it on a worker
 * thread (never an event loop).
 */
public final class ServerConfigLoader {
    /** The file used when no {@code -c} is given ([CFG-003]). */
    public static final String DEFAULT_FILE_NAME = "server-config.yaml";

    private final ConfigFileReader<ServerConfig> files;

    /** @param env where {@code ${NAME}} references are looked up */
    public ServerConfigLoader(EnvLookup env) {
        this.files = new ConfigFileReader<>("bifrost-server", ServerConfigReader::read, requireNonNull(env, "env"));
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

    /** The built-in default of [CFG-003]: the {@code config init} template with every listener on loopback. */
    public ConfigResult<ServerConfig> loadBuiltInDefault() {
        return files.loadText(ConfigTemplates.serverBuiltInDefault());
    }
}
