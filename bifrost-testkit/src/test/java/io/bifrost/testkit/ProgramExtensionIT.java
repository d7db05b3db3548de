package io.bifrost.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bifrost.testkit.client.BifrostClientExtension;
import io.bifrost.testkit.client.ClientTestConfigs;
import io.bifrost.testkit.server.BifrostServerExtension;
import io.bifrost.testkit.server.TestConfigs;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The lifecycle both program extensions share, driven by hand as JUnit drives an instance-field extension: the
 * configuration file in a directory of its own, restart, and clean-up.
 */
class ProgramExtensionIT {
    private static final String CLIENT = ClientTestConfigs.client("routes: [{domains: [\"*\"], action: direct}]\n");

    @Test
    void server_startRestartStop_runsOnItsOwnFileAndRemovesIt() throws Exception {
        BifrostServerExtension bifrost = BifrostServerExtension.withConfig(TestConfigs::directEverywhere);

        bifrost.beforeEach(null);
        Path file = bifrost.configFile();
        assertThat(file.getFileName()).hasToString("server-config.yaml");
        assertThat(Files.readString(file)).isEqualTo(TestConfigs.directEverywhere());
        assertAccepts(bifrost.httpProxy().getPort());
        String restarted = TestConfigs.server("backends: [{name: other, type: direct}]\n");
        bifrost.restart(restarted);
        assertThat(bifrost.configFile()).isEqualTo(file);
        assertThat(Files.readString(file)).isEqualTo(restarted);
        assertThat(bifrost.server().config().backends()).singleElement()
                .satisfies(b -> assertThat(b.name()).isEqualTo("other"));
        bifrost.afterEach(null);

        assertThat(file.getParent()).doesNotExist();
        assertThatThrownBy(bifrost::server).hasMessage("server (not started)");
    }

    @Test
    void client_invalidConfiguration_failsWithTheProblemsAndTheText() throws Exception {
        BifrostClientExtension client = BifrostClientExtension.withConfig(() -> CLIENT + "proxy: 3\n");

        assertThatThrownBy(() -> client.beforeEach(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("invalid test configuration: ").hasMessageContaining("proxy: 3");
        Path dir = client.configFile().getParent();
        client.afterEach(null);

        assertThat(dir).doesNotExist();
    }

    @Test
    void client_startAndStop_servesOnPortZero() throws Exception {
        BifrostClientExtension client = BifrostClientExtension.withConfig(() -> CLIENT);

        client.beforeEach(null);
        assertAccepts(client.socks5Proxy().getPort());
        assertThat(client.configFile().getFileName()).hasToString("client-config.yaml");
        client.afterEach(null);

        assertThatThrownBy(client::client).hasMessage("client (not started)");
    }

    private static void assertAccepts(int port) throws Exception {
        assertThat(port).isPositive();
        try (Socket s = new Socket("127.0.0.1", port)) {
            assertThat(s.isConnected()).isTrue();
        }
    }
}
