package io.bifrost.adapters.vertx.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.bifrost.core.config.ClientConfig;
import io.bifrost.core.config.ConfigResult;
import io.bifrost.core.config.EnvLookup;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Saving the client file: validation first, atomic write, the file's own text kept ([CFG-095]-[CFG-097]). */
class ClientConfigFileTest {
    private static final EnvLookup ENV = EnvLookup.of(Map.of("PROXY_PASSWORD", "s3cret"));

    @TempDir
    Path dir;

    private ClientConfigFile open(String yaml) throws IOException {
        Path file = dir.resolve("client-config.yaml");
        Files.writeString(file, yaml);
        ClientConfigFile.Opened opened = ClientConfigFile.open(file, false, ENV);
        assertThat(opened.result().errors()).isEmpty();
        return opened.file();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> servers(Path file) throws IOException {
        Map<String, Object> tree = (Map<String, Object>) YamlConfigParser.parse(Files.readString(file)).config();
        return (List<Map<String, Object>>) tree.get("servers");
    }

    @Test
    void selectServer_setsTheChosenEntryAndClearsTheOthersThatHadTheFlag() throws IOException {
        ClientConfigFile file = open("""
                server: {address: "proxy.example.com:7080", password: "${PROXY_PASSWORD}"}
                servers:
                  - {name: eu, address: "eu.example.com:7080", is_default: true}
                  - {name: us, address: "us.example.com:7180"}
                  - {name: asia, address: "asia.example.com:7180"}
                custom_key: kept
                """);

        Files.setPosixFilePermissions(file.path(), PosixFilePermissions.fromString("rw-r-----"));

        ConfigResult<ClientConfig> saved = file.selectServer("us");

        assertThat(saved.config().servers()).extracting(s -> s.isDefault()).containsExactly(false, true, false);
        assertThat(servers(file.path())).extracting(s -> s.get("is_default")).containsExactly(false, true, null);
        String text = Files.readString(file.path());
        assertThat(text).contains("${PROXY_PASSWORD}").doesNotContain("s3cret").contains("custom_key: kept");
        // [CFG-095]: the new file gets the permissions of the one it replaces
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.path()))).isEqualTo("rw-r-----");
    }

    @Test
    void selectServer_default_clearsEveryFlag() throws IOException {
        ClientConfigFile file = open("""
                server: {address: "proxy.example.com:7080"}
                servers:
                  - {name: eu, address: "eu.example.com:7080", is_default: true}
                """);

        file.selectServer("default");

        assertThat(servers(file.path())).extracting(s -> s.get("is_default")).containsExactly(false);
    }

    @Test
    void selectServer_unknownName_isRejectedAndNothingIsWritten() throws IOException {
        ClientConfigFile file = open("servers: [{name: eu, address: \"eu.example.com:7080\"}]\n");
        String before = Files.readString(file.path());

        assertThatIllegalArgumentException().isThrownBy(() -> file.selectServer("mars")).withMessageContaining("mars");
        assertThat(Files.readString(file.path())).isEqualTo(before);
    }

    @Test
    void save_invalidTree_writesNothingAndReportsTheProblem() throws IOException {
        ClientConfigFile file = open("routes: []\n");

        ConfigResult<ClientConfig> result = file.save(Map.of("server", Map.of("retry_count", 99)));

        assertThat(result.isValid()).isFalse();
        assertThat(result.errors()).extracting(Object::toString).anyMatch(p -> p.startsWith("server.retry_count"));
        assertThat(Files.readString(file.path())).isEqualTo("routes: []\n");
    }

    @Test
    void builtInDefault_reloadWithoutAFile_readsTheDefaultAndSaveCreatesTheFile() throws IOException {
        Path file = dir.resolve("client-config.yaml");
        ClientConfigFile.Opened opened = ClientConfigFile.open(file, true, ENV);

        assertThat(opened.result().config().hasUpstream()).isFalse();
        assertThat(opened.file().reload().isValid()).isTrue();
        assertThat(opened.file().save(opened.file().tree()).isValid()).isTrue();
        assertThat(Files.exists(file)).isTrue();
        assertThat(opened.file().builtInDefault()).isFalse();
    }
}
