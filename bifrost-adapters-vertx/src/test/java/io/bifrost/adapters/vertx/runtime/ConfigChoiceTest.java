package io.bifrost.adapters.vertx.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.bifrost.adapters.vertx.config.ClientConfigLoader;
import io.bifrost.adapters.vertx.config.ServerConfigLoader;
import io.bifrost.core.config.ClientConfig;
import io.bifrost.core.config.ConfigResult;
import io.bifrost.core.config.EnvLookup;
import io.bifrost.core.config.ServerConfig;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** [CFG-003]: which file a command reads, and when the built-in default stands in. */
class ConfigChoiceTest {
    @TempDir
    Path dir;

    private final ServerConfigLoader loader = new ServerConfigLoader(EnvLookup.of(Map.of()));

    @Test
    void run_noOptionAndNoDefaultFile_usesTheBuiltInDefaultWithLoopbackListeners() {
        ConfigChoice choice = ConfigChoice.of(context(), null, ServerConfigLoader.DEFAULT_FILE_NAME, true);

        assertThat(choice.builtInDefault()).isTrue();
        assertThat(choice.missing()).isFalse();
        ConfigResult<ServerConfig> result = choice.load(loader::load, loader::loadBuiltInDefault);
        assertThat(result.errors()).isEmpty();
        assertThat(result.config().server().http().listen().toString()).isEqualTo("127.0.0.1:7080");
        assertThat(result.config().server().socks5().listen().toString()).isEqualTo("127.0.0.1:7180");
        assertThat(result.config().api().listen().toString()).isEqualTo("127.0.0.1:7082");
        assertThat(result.config().metrics().listen().toString()).isEqualTo("127.0.0.1:7090");
    }

    @Test
    void run_clientWithoutFile_usesTheClientBuiltInDefault() {
        ClientConfigLoader client = new ClientConfigLoader(EnvLookup.of(Map.of()));
        ConfigChoice choice = ConfigChoice.of(context(), null, ClientConfigLoader.DEFAULT_FILE_NAME, true);

        ConfigResult<ClientConfig> result = choice.load(client::load, client::loadBuiltInDefault);

        assertThat(choice.file()).isEqualTo(dir.resolve("client-config.yaml"));
        assertThat(result.errors()).isEmpty();
        assertThat(result.config().proxy().http().listen().toString()).isEqualTo("127.0.0.1:7380");
        assertThat(result.config().hasUpstream()).isFalse();
    }

    @Test
    void run_noOptionAndDefaultFilePresent_readsThatFile() throws IOException {
        Files.writeString(dir.resolve("server-config.yaml"), "backends: [{name: b, type: direct}]\n");

        ConfigChoice choice = ConfigChoice.of(context(), null, ServerConfigLoader.DEFAULT_FILE_NAME, true);

        assertThat(choice.builtInDefault()).isFalse();
        assertThat(choice.file()).isEqualTo(dir.resolve("server-config.yaml"));
        assertThat(choice.load(loader::load, loader::loadBuiltInDefault).config().backends()).singleElement()
                .satisfies(b -> assertThat(b.name()).isEqualTo("b"));
    }

    @Test
    void explicitFileMissing_isMissingEvenWhenTheBuiltInDefaultIsAllowed() {
        ConfigChoice choice = ConfigChoice.of(context(), Path.of("sub/../etc.yaml"),
                ServerConfigLoader.DEFAULT_FILE_NAME, true);

        assertThat(choice.missing()).isTrue();
        assertThat(choice.notFoundMessage("bifrost-server")).isEqualTo("config file not found: "
                + dir.resolve("etc.yaml") + " (create one with \"bifrost-server config init\")");
    }

    @Test
    void validate_noDefaultFile_isMissingRatherThanTheBuiltInDefault() {
        ConfigChoice choice = ConfigChoice.of(context(), null, ServerConfigLoader.DEFAULT_FILE_NAME, false);

        assertThat(choice.builtInDefault()).isFalse();
        assertThat(choice.missing()).isTrue();
    }

    private CliContext context() {
        return new CliContext(new ByteArrayInputStream(new byte[0]), new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()), dir, EnvLookup.of(Map.of()), lifecycle -> { });
    }
}
