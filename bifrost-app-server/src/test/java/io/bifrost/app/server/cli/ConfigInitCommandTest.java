package io.bifrost.app.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.bifrost.adapters.vertx.config.ConfigTemplates;
import io.bifrost.adapters.vertx.config.ServerConfigLoader;
import io.bifrost.core.config.ConfigResult;
import io.bifrost.core.config.EnvLookup;
import io.bifrost.core.config.ServerConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigInitCommandTest {
    @TempDir
    Path dir;

    @Test
    void init_noFile_writesTheTemplateWithMode0600AndItValidates() throws IOException {
        TestCli.Result result = new TestCli(dir).run("config", "init");

        Path written = dir.resolve("server-config.yaml");
        assertThat(result.status()).isZero();
        assertThat(result.out()).contains(written.toString());
        assertThat(Files.readString(written)).isEqualTo(ConfigTemplates.serverTemplate());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(written))).isEqualTo("rw-------");
        ConfigResult<ServerConfig> loaded = new ServerConfigLoader(EnvLookup.of(Map.of())).load(written);
        assertThat(loaded.errors()).isEmpty();
        assertThat(new TestCli(dir).run("validate").status()).isZero();
    }

    @Test
    void init_fileExistsWithoutForce_refusesWithTheSpecMessageAndLeavesItUnchanged() throws IOException {
        Path existing = dir.resolve("server-config.yaml");
        Files.writeString(existing, "mine: true\n");

        TestCli.Result result = new TestCli(dir).run("config", "init");

        assertThat(result.status()).isEqualTo(1);
        assertThat(result.err()).isEqualTo(
                "error: server-config.yaml already exists; use -f to overwrite" + System.lineSeparator());
        assertThat(Files.readString(existing)).isEqualTo("mine: true\n");
    }

    @Test
    void init_forceOnExistingFile_replacesItKeepingItsPermissions() throws IOException {
        Path existing = dir.resolve("custom.yaml");
        Files.writeString(existing, "mine: true\n");
        Files.setPosixFilePermissions(existing, PosixFilePermissions.fromString("rw-r-----"));

        TestCli.Result result = new TestCli(dir).run("config", "init", "-o", "custom.yaml", "-f");

        assertThat(result.status()).isZero();
        assertThat(Files.readString(existing)).isEqualTo(ConfigTemplates.serverTemplate());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(existing))).isEqualTo("rw-r-----");
        try (var files = Files.list(dir)) {
            assertThat(files).as("no temporary file left behind").containsExactly(existing);
        }
    }

    @Test
    void init_outputInMissingDirectory_failsWithStatus1AndLeavesNothing() {
        TestCli.Result result = new TestCli(dir).run("config", "init", "-o", "no/such/dir/c.yaml");

        assertThat(result.status()).isEqualTo(1);
        assertThat(result.err()).startsWith("error: cannot write " + dir.resolve("no/such/dir/c.yaml"));
        assertThat(dir.toFile().list()).isEmpty();
    }
}
