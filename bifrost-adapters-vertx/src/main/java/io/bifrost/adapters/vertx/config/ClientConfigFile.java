package io.bifrost.adapters.vertx.config;

import static java.util.Objects.requireNonNull;

import io.bifrost.core.config.ClientConfig;
import io.bifrost.core.config.ClientConfigReader;
import io.bifrost.core.config.ConfigResult;
import io.bifrost.core.config.EnvLookup;
import io.bifrost.core.config.ServerConfigTree;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The client's configuration file as the running client knows it: its path and the tree as last loaded or saved,
 * before environment expansion, so that a save writes back what the file said ([CFG-097]: keys kept, unknown keys
 * included, {@code ${NAME}} references written as references). Saves validate first ([CFG-061]) and replace the file
 * atomically ([CFG-095]); they do not merge edits other programs made since the last load ([CFG-098]). A client that
 * started on the built-in default ([CFG-003]) saves to {@code client-config.yaml} in its working directory. Comments
 * are not preserved. <b>Blocking</b> (file I/O): call from a worker thread. Thread-safe; operations are serialised.
 */
public final class ClientConfigFile {
    private final Path path;
    private final EnvLookup env;
    private final ConfigFileReader<ClientConfig> files;
    private final ConfigFileWriter writer;
    private Object tree;
    private boolean builtInDefault;

    private ClientConfigFile(Path path, EnvLookup env, ConfigFileWriter writer, boolean builtInDefault) {
        this.path = path.toAbsolutePath().normalize();
        this.env = env;
        this.writer = writer;
        this.files = new ConfigFileReader<>("bifrost-client", ClientConfigReader::read, env);
        this.builtInDefault = builtInDefault;
    }

    /**
     * Reads {@code path} (or, when {@code builtInDefault}, the built-in default that stands in for it).
     *
     * @return the file, with the configuration it holds and every problem ([CFG-030])
     */
    public static Opened open(Path path, boolean builtInDefault, EnvLookup env) {
        return open(path, builtInDefault, env, ConfigFileWriter.create());
    }

    /** {@link #open(Path, boolean, EnvLookup)} with the writer that saves: a test's, which can fail a save. */
    public static Opened open(Path path, boolean builtInDefault, EnvLookup env, ConfigFileWriter writer) {
        requireNonNull(path, "path");
        requireNonNull(env, "env");
        requireNonNull(writer, "writer");
        ClientConfigFile file = new ClientConfigFile(path, env, writer, builtInDefault);
        ConfigResult<ClientConfig> result = file.read();
        return new Opened(file, result);
    }

    /** A file and what it read as. */
    public record Opened(ClientConfigFile file, ConfigResult<ClientConfig> result) {}

    /** Where the configuration is saved. */
    public Path path() {
        return path;
    }

    /** Whether the client runs on the built-in default and has never saved it. */
    public synchronized boolean builtInDefault() {
        return builtInDefault;
    }

    /** The tree as last loaded or saved (a copy): plain maps, lists and scalars, references unexpanded. */
    public synchronized Object tree() {
        return ServerConfigTree.copy(tree);
    }

    /** Reads the file again ([CFG-091] step 1); on success it becomes the tree later saves start from. */
    public synchronized ConfigResult<ClientConfig> reload() {
        return read();
    }

    private ConfigResult<ClientConfig> read() {
        ConfigFileReader.Loaded<ClientConfig> loaded = builtInDefault && !Files.exists(path)
                ? files.loadTextWithTree(ConfigTemplates.clientBuiltInDefault())
                : files.loadWithTree(path);
        if (loaded.result().isValid()) {
            tree = loaded.tree();
        }
        return loaded.result();
    }

    /** What {@code tree} (a whole file, references unexpanded) reads as with this file's environment; writes nothing. */
    public ConfigResult<ClientConfig> read(Object tree) {
        return ClientConfigReader.read(ServerConfigTree.copy(tree), env);
    }

    /**
     * [CFG-096]: copies the file to {@code <path>.backup.<yyyyMMdd-HHmmss>} with its permissions.
     *
     * @return the backup's path; empty when there is no file yet (a client on the built-in default that never saved)
     * @throws java.io.UncheckedIOException when the copy cannot be made (the caller abandons its save)
     */
    public synchronized Optional<Path> backup() {
        return Files.exists(path) ? Optional.of(writer.backup(path)) : Optional.empty();
    }

    /**
     * Validates {@code next} and, when it has no error, writes it atomically and keeps it as the file's tree.
     *
     * @return the configuration {@code next} reads as, with its problems; nothing is written when it has errors
     * @throws java.io.UncheckedIOException when the file cannot be written (it is then unchanged)
     */
    public synchronized ConfigResult<ClientConfig> save(Object next) {
        Object candidate = ServerConfigTree.copy(next);
        ConfigResult<ClientConfig> result = ClientConfigReader.read(candidate, env);
        if (!result.isValid()) {
            return result;
        }
        writer.write(path, YamlConfigWriter.write(candidate));
        tree = candidate;
        builtInDefault = false;
        return result;
    }

    /**
     * Makes {@code server} the default upstream ([CAPI-041]): {@code is_default: true} on that {@code servers[]} entry
     * and {@code false} on the others that have the key; {@code default} clears every entry's flag. Saved as
     * {@link #save} does.
     *
     * @throws IllegalArgumentException when no {@code servers[]} entry has that name (and it is not {@code default})
     */
    public synchronized ConfigResult<ClientConfig> selectServer(String server) {
        return save(withSelection(tree, server));
    }

    /**
     * {@code tree} (a whole file, not changed) with {@code server} made the default upstream as
     * {@link #selectServer} does, for a save that changes more than the selection.
     *
     * @throws IllegalArgumentException when no {@code servers[]} entry has that name (and it is not {@code default})
     */
    public static Object withSelection(Object tree, String server) {
        requireNonNull(server, "server");
        Map<String, Object> root = rootMap(ServerConfigTree.copy(tree));
        boolean found = server.equals("default");
        if (root.get("servers") instanceof List<?> servers) {
            for (Object entry : servers) {
                if (entry instanceof Map<?, ?> m) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> e = (Map<String, Object>) m;
                    boolean selected = server.equals(e.get("name"));
                    found |= selected;
                    if (selected || e.containsKey("is_default")) {
                        e.put("is_default", selected);
                    }
                }
            }
        }
        if (!found) {
            throw new IllegalArgumentException("server: \"" + server + "\" (expected: default or a servers[] name)");
        }
        return root;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> rootMap(Object tree) {
        return tree instanceof Map<?, ?> m ? (Map<String, Object>) m : new LinkedHashMap<>();
    }
}
