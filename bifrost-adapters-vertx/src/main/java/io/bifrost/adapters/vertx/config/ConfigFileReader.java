package io.bifrost.adapters.vertx.config;

import io.bifrost.core.config.ConfigProblem;
import io.bifrost.core.config.ConfigResult;
import io.bifrost.core.config.ConfigSecrets;
import io.bifrost.core.config.EnvLookup;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;

/** The steps shared by both loaders: read UTF-8 text, parse, then hand the tree to a core reader ([CFG-030]). */
final class ConfigFileReader<T> {
    static final String READABLE_SECRETS = "config file is readable by other users and contains secrets";

    /**
     * A load with what a later save needs ([CFG-097], [CFG-098]).
     *
     * @param tree the parsed tree before environment expansion; {@code null} when the text did not parse (or the
     *     document is empty)
     * @param modified the file's modification time before it was read; {@code null} for text
     */
    record Loaded<T>(Object tree, ConfigResult<T> result, Instant modified) {}

    private final String program;
    private final BiFunction<Object, EnvLookup, ConfigResult<T>> reader;
    private final EnvLookup env;

    ConfigFileReader(String program, BiFunction<Object, EnvLookup, ConfigResult<T>> reader, EnvLookup env) {
        this.program = program;
        this.reader = reader;
        this.env = env;
    }

    ConfigResult<T> load(Path file) {
        return loadWithTree(file).result();
    }

    Loaded<T> loadWithTree(Path file) {
        byte[] bytes;
        Instant modified;
        try {
            modified = Files.getLastModifiedTime(file).toInstant();
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return failed("config file not found: " + file + " (create one with \"" + program + " config init\")");
        } catch (IOException e) {
            return failed("cannot read config file " + file + ": " + e.getMessage());
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
            Loaded<T> loaded = loadTextWithTree(text);
            return new Loaded<>(loaded.tree(), withPermissionWarning(file, loaded), modified);
        } catch (CharacterCodingException e) {
            return failed("config file " + file + " is not valid UTF-8");
        }
    }

    /** [SEC-090]: a file others can read must not hold secrets in clear; a warning, never an error. */
    private static <T> ConfigResult<T> withPermissionWarning(Path file, Loaded<T> loaded) {
        ConfigResult<T> result = loaded.result();
        if (!result.isValid() || !readableByOthers(file) || !ConfigSecrets.hasLiteralSecret(loaded.tree())) {
            return result;
        }
        List<ConfigProblem> problems = new ArrayList<>(result.problems());
        problems.add(ConfigProblem.warning(ConfigProblem.ROOT, READABLE_SECRETS));
        return ConfigResult.of(result.config(), problems);
    }

    /** False where the file system has no POSIX permissions (Windows ACLs are left to the operator). */
    private static boolean readableByOthers(Path file) {
        try {
            PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
            if (view == null) {
                return false;
            }
            Set<PosixFilePermission> permissions = view.readAttributes().permissions();
            return permissions.contains(PosixFilePermission.GROUP_READ)
                    || permissions.contains(PosixFilePermission.OTHERS_READ);
        } catch (IOException e) {
            return false;
        }
    }

    ConfigResult<T> loadText(String text) {
        return loadTextWithTree(text).result();
    }

    Loaded<T> loadTextWithTree(String text) {
        ConfigResult<Object> parsed = YamlConfigParser.parse(text);
        if (!parsed.problems().isEmpty()) {
            return new Loaded<>(null, ConfigResult.failed(parsed.problems()), null);
        }
        return new Loaded<>(parsed.config(), reader.apply(parsed.config(), env), null);
    }

    private static <T> Loaded<T> failed(String message) {
        return new Loaded<>(null, ConfigResult.failed(List.of(ConfigProblem.error(ConfigProblem.ROOT, message))),
                null);
    }
}
