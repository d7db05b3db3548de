package io.bifrost.adapters.vertx.config;

import static java.util.Objects.requireNonNull;

import io.bifrost.core.config.ClientConfig;
import io.bifrost.core.config.ClientConfigReader;
import io.bifrost.core.config.ConfigResult;
import io.bifrost.core.config.EnvLookup;
import java.nio.file.Path;

/**
 * Loads the client's configuration file with the procedure of [CFG-030]. Thread-safe. {@link #load(Path)} blocks on
 * file I/O: run it on a worker thread (never an event loop).
 */
public final class ClientConfigLoader {
    /** The file used when no {@code -c} is given ([CFG-003]). */
    public static final String DEFAULT_FILE_NAME = "client-config.yaml";

    private final ConfigFileReader<ClientConfig> files;

    /** @param env where {@code ${NAME}} references are looked up */
    public ClientConfigLoader(EnvLookup env) {
        this.files = new ConfigFileReader<>("bifrost-client", ClientConfigReader::read, requireNonNull(env, "env"));
    }

    /** A loader that expands references from the process environment. */
    public static ClientConfigLoader withProcessEnvironment() {
        return new ClientConfigLoader(EnvLookup.system());
    }

    /**
     * Loads a file. A missing file is the error {@code (root): config file not found: <file> (create one with
     * "bifrost-client config init")}.
     */
    public ConfigResult<ClientConfig> load(Path file) {
        return files.load(requireNonNull(file, "file"));
    }

    /** Loads configuration text (YAML or JSON), e.g. an imported file. Does no I/O. */
    public ConfigResult<ClientConfig> loadText(String text) {
        return files.loadText(requireNonNull(text, "text"));
    }

    /** The built-in default of [CFG-003]: the client template with default listeners and no server. */
    public ConfigResult<ClientConfig> loadBuiltInDefault() {
        return files.loadText(ConfigTemplates.clientBuiltInDefault());
    }
}
