package io.bifrost.adapters.vertx.config;

import io.bifrost.core.config.ConfigProblem;
import io.bifrost.core.config.ConfigResult;
import io.bifrost.core.config.EnvLookup;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BiFunction;

/** The steps shared by both loaders: read UTF-8 text, parse, then hand the tree to a core reader ([CFG-030]). */
final class ConfigFileReader<T> {
    private final String program;
    private final BiFunction<Object, EnvLookup, ConfigResult<T>> reader;
    private final EnvLookup env;

    ConfigFileReader(String program, BiFunction<Object, EnvLookup, ConfigResult<T>> reader, EnvLookup env) {
        this.program = program;
        this.reader = reader;
        this.env = env;
    }

    ConfigResult<T> load(Path file) {
        byte[] bytes;
        try {
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
            return loadText(text);
        } catch (CharacterCodingException e) {
            return failed("config file " + file + " is not valid UTF-8");
        }
    }

    ConfigResult<T> loadText(String text) {
        ConfigResult<Object> parsed = YamlConfigParser.parse(text);
        if (!parsed.problems().isEmpty()) {
            return ConfigResult.failed(parsed.problems());
        }
        return reader.apply(parsed.config(), env);
    }

    private static <T> ConfigResult<T> failed(String message) {
        return ConfigResult.failed(List.of(ConfigProblem.error(ConfigProblem.ROOT, message)));
    }
}
