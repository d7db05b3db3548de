package io.bifrost.adapters.vertx.config;

import static io.bifrost.adapters.vertx.config.ContractFilesTest.texts;
import static org.assertj.core.api.Assertions.assertThat;

import io.bifrost.core.config.ClientConfig;
import io.bifrost.core.config.ConfigResult;
import io.bifrost.core.config.EnvLookup;
import io.bifrost.core.config.ServerConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    @TempDir
    Path dir;

    @Test
    void load_missingFile_explainsHowToCreateOne() {
        Path file = dir.resolve("server-config.yaml");

        ConfigResult<ServerConfig> result = new ServerConfigLoader(EnvLookup.of(Map.of())).load(file);

        assertThat(texts(result)).containsExactly("error: (root): config file not found: " + file
                + " (create one with \"bifrost-server config init\")");
        assertThat(texts(new ClientConfigLoader(EnvLookup.of(Map.of())).load(file))).containsExactly(
                "error: (root): config file not found: " + file + " (create one with \"bifrost-client config init\")");
    }

    @Test
    void load_fileWithEnvironmentReferences_expandsThemFromTheInjectedLookup() throws IOException {
        Path file = dir.resolve("server-config.yaml");
        Files.writeString(file, ConfigTemplates.serverBuiltInDefault()
                .replace("token: \"\"", "token: \"${BIFROST_API_TOKEN}\"")
                .replace("requests_per_second: 100", "requests_per_second: ${RPS}"));

        ConfigResult<ServerConfig> result = new ServerConfigLoader(
                EnvLookup.of(Map.of("BIFROST_API_TOKEN", "0123456789abcdef-token", "RPS", "250"))).load(file);

        assertThat(result.problems()).isEmpty();
        assertThat(result.orElseThrow().api().token()).isEqualTo("0123456789abcdef-token");
        assertThat(result.config().rateLimit().requestsPerSecond()).isEqualTo(250.0);
    }

    @Test
    void load_fileReadableByOthersWithALiteralSecret_warnsButLoads() throws IOException {
        Path file = dir.resolve("server-config.yaml");
        Files.writeString(file, ConfigTemplates.serverBuiltInDefault()
                .replace("token: \"\"", "token: \"0123456789abcdef-token\""));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        ConfigResult<ServerConfig> result = new ServerConfigLoader(EnvLookup.of(Map.of())).load(file);

        assertThat(result.isValid()).isTrue();
        assertThat(texts(result)).containsExactly(
                "warning: (root): config file is readable by other users and contains secrets"); // [SEC-090]
    }

    @Test
    void load_secretsOnlyByReferenceOrFileOwnerOnly_noPermissionWarning() throws IOException {
        Path shared = dir.resolve("shared.yaml");
        Files.writeString(shared, ConfigTemplates.serverBuiltInDefault()
                .replace("token: \"\"", "token: \"${BIFROST_API_TOKEN}\""));
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rw-r--r--"));
        Path own = dir.resolve("own.yaml");
        Files.writeString(own, ConfigTemplates.serverBuiltInDefault()
                .replace("token: \"\"", "token: \"0123456789abcdef-token\""));
        Files.setPosixFilePermissions(own, PosixFilePermissions.fromString("rw-------"));
        ServerConfigLoader loader = new ServerConfigLoader(
                EnvLookup.of(Map.of("BIFROST_API_TOKEN", "0123456789abcdef-token")));

        assertThat(loader.load(shared).problems()).isEmpty();
        assertThat(loader.load(own).problems()).isEmpty();
    }

    @Test
    void loadWithSource_keepsTheTreeAsWrittenTheFileAndItsModificationTime() throws IOException {
        Path file = dir.resolve("server-config.yaml");
        Files.writeString(file, ConfigTemplates.serverBuiltInDefault()
                .replace("token: \"\"", "token: \"${BIFROST_API_TOKEN}\""));
        EnvLookup env = EnvLookup.of(Map.of("BIFROST_API_TOKEN", "0123456789abcdef-token"));

        LoadedServerConfig loaded = new ServerConfigLoader(env).loadWithSource(file).orElseThrow();

        assertThat(loaded.file()).isEqualTo(file.toAbsolutePath());
        assertThat(((Map<?, ?>) ((Map<?, ?>) loaded.originalTree()).get("api")).get("token"))
                .isEqualTo("${BIFROST_API_TOKEN}");
        assertThat(loaded.config().api().token()).isEqualTo("0123456789abcdef-token");
        assertThat(loaded.fileModified()).isEqualTo(Files.getLastModifiedTime(file).toInstant());
        assertThat(loaded.env()).isSameAs(env);
    }

    @Test
    void loadWithSource_invalidFile_failsWithItsProblems_builtInDefaultHasNoFile() {
        ServerConfigLoader loader = new ServerConfigLoader(EnvLookup.of(Map.of()));

        assertThat(loader.loadWithSource(dir.resolve("absent.yaml")).isValid()).isFalse();
        LoadedServerConfig builtIn = loader.loadBuiltInDefaultWithSource().orElseThrow();
        assertThat(builtIn.file()).isNull();
        assertThat(builtIn.originalTree()).isInstanceOf(Map.class);
        assertThat(builtIn.config().server().http().listen()).hasToString("127.0.0.1:7080");
    }

    @Test
    void load_unsetVariable_isAnErrorNamingKeyAndVariable() {
        ConfigResult<ServerConfig> result = new ServerConfigLoader(EnvLookup.of(Map.of()))
                .loadText(ConfigTemplates.serverBuiltInDefault().replace("token: \"\"", "token: \"${BIFROST_API_TOKEN}\""));

        assertThat(texts(result)).containsExactly(
                "error: api.token: environment variable BIFROST_API_TOKEN is not set");
    }

    @Test
    void load_invalidUtf8_isAnError() throws IOException {
        Path file = dir.resolve("client-config.yaml");
        Files.write(file, new byte[] {'a', ':', ' ', (byte) 0xC3, (byte) 0x28, '\n'});

        ConfigResult<ClientConfig> result = new ClientConfigLoader(EnvLookup.of(Map.of())).load(file);

        assertThat(texts(result)).containsExactly("error: (root): config file " + file + " is not valid UTF-8");
    }

    @Test
    void load_syntaxError_stopsBeforeValidation() throws IOException {
        Path file = dir.resolve("client-config.yaml");
        Files.writeString(file, "proxy:\n  http:\n    listen: \"127.0.0.1:7380\n", StandardCharsets.UTF_8);

        ConfigResult<ClientConfig> result = new ClientConfigLoader(EnvLookup.of(Map.of())).load(file);

        assertThat(result.errors()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("(root)");
            assertThat(p.message()).matches("line \\d+, column \\d+: .*");
        });
    }
}
