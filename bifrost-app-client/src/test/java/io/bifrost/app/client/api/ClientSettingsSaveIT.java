package io.bifrost.app.client.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.bifrost.adapters.vertx.config.ClientConfigFile;
import io.bifrost.adapters.vertx.config.ConfigFileWriter;
import io.bifrost.adapters.vertx.config.FileSystemOps;
import io.bifrost.adapters.vertx.config.YamlConfigParser;
import io.bifrost.core.config.EnvLookup;
import io.bifrost.testkit.FakePorts;
import io.bifrost.testkit.client.BifrostClientExtension;
import io.bifrost.testkit.client.ClientTestConfigs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * [CAPI-046]: {@code POST /api/v1/settings} saves the tray switches and the server selection as one change, so a save
 * that fails leaves neither on disk nor in effect. The client's file is written through a {@link FileSystemOps} that
 * counts the saves and fails them once its budget is spent.
 */
class ClientSettingsSaveIT {
    private final Saves saves = new Saves();

    @RegisterExtension
    final BifrostClientExtension client = BifrostClientExtension.withConfig(() -> ClientTestConfigs.client(
            ClientTestConfigs.server(new InetSocketAddress("127.0.0.1", FakePorts.closedPort()), "http") + """
            servers:
              - name: b
                address: "127.0.0.1:%d"
            """.formatted(FakePorts.closedPort())))
            .options(o -> o.withConfigFile(ClientConfigFile.open(o.file().orElseThrow().path(), false,
                    EnvLookup.system(), new ConfigFileWriter(saves, Clock.systemUTC())).file(), o.warnings()));

    private final ApiCalls api = new ApiCalls(client::api);

    @Test
    void post_traySwitchAndServer_areWrittenInOneSave() throws Exception {
        saves.allow(1); // a second save would fail: the old two-step update wrote the tray, then failed

        ApiCalls.Answer updated = api.post("/api/v1/settings", "{\"auto_connect\": true, \"current_server\": \"b\"}");

        assertThat(updated.status()).isEqualTo(200);
        assertThat(saves.done()).isEqualTo(1);
        assertThat(saved().get("tray")).isEqualTo(Map.of("auto_connect", true));
        assertThat(savedServers().get(0)).containsEntry("name", "b").containsEntry("is_default", true);
        assertThat(api.get("/api/v1/settings").json().getString("current_server")).isEqualTo("b");
    }

    @Test
    void post_saveFails_changesNeitherTheFileNorTheSelection() throws Exception {
        String before = Files.readString(client.configFile());
        saves.allow(0);

        ApiCalls.Answer failed = api.post("/api/v1/settings", "{\"auto_connect\": true, \"current_server\": \"b\"}");

        assertThat(failed.status()).isEqualTo(500);
        assertThat(failed.json().getString("code")).isEqualTo("SAVE_FAILED");
        assertThat(Files.readString(client.configFile())).isEqualTo(before);
        assertThat(api.get("/api/v1/settings").json().getString("current_server")).isEqualTo("default");
        assertThat(api.get("/api/v1/settings").json().getBoolean("auto_connect")).isFalse();
    }

    private Map<?, ?> saved() throws Exception {
        return (Map<?, ?>) YamlConfigParser.parse(Files.readString(client.configFile())).config();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> savedServers() throws Exception {
        return (List<Map<String, Object>>) saved().get("servers");
    }

    /** The real file system, with a budget of saves: each one counts, those past the budget fail before renaming. */
    private static final class Saves implements FileSystemOps {
        private final FileSystemOps system = FileSystemOps.system();
        private final AtomicInteger budget = new AtomicInteger(Integer.MAX_VALUE);
        private final AtomicInteger done = new AtomicInteger();

        void allow(int saves) {
            budget.set(saves);
        }

        int done() {
            return done.get();
        }

        @Override
        public void writeSynced(Path file, byte[] content) {
            system.writeSynced(file, content);
        }

        @Override
        public void moveAtomically(Path source, Path target) {
            if (budget.getAndDecrement() <= 0) {
                throw new UncheckedIOException("cannot rename " + source + " (this test's disk is full)",
                        new IOException("no space left"));
            }
            system.moveAtomically(source, target);
            done.incrementAndGet();
        }
    }
}
