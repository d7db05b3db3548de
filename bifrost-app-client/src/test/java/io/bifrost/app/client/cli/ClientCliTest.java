package io.bifrost.app.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.bifrost.adapters.vertx.config.ClientConfigLoader;
import io.bifrost.adapters.vertx.config.ConfigTemplates;
import io.bifrost.core.client.ClientRouter;
import io.bifrost.core.config.ClientConfig;
import io.bifrost.core.config.ClientRouteConfig;
import io.bifrost.core.config.ClientRouteConfig.Action;
import io.bifrost.core.config.ConfigResult;
import io.bifrost.core.config.EnvLookup;
import io.bifrost.core.config.UpstreamProtocol;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code bifrost-client} commands and exit statuses ([CFG-201]-[CFG-205]). */
class ClientCliTest {
    @TempDir
    Path dir;

    private ConfigResult<ClientConfig> load(Path file) {
        return new ClientConfigLoader(EnvLookup.of(Map.of())).load(file);
    }

    @Test
    void init_withServer_writesTheTemplateWithMode0600ThatValidates() throws IOException {
        ClientCliRun run = ClientCliRun.of(dir, "config", "init", "-s", "proxy.example.com:7080");

        Path written = dir.resolve("client-config.yaml");
        assertThat(run.status()).isZero();
        assertThat(run.out()).contains(written.toString());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(written))).isEqualTo("rw-------");
        ClientConfig config = load(written).orElseThrow();
        assertThat(config.server().address()).hasToString("proxy.example.com:7080");
        assertThat(config.server().protocol()).isEqualTo(UpstreamProtocol.HTTP);
        assertThat(config.proxy().http().listen()).hasToString(ConfigTemplates.CLIENT_HTTP_LISTEN);
        // [CFG-204]: local names direct at priority 100, everything else through the server at priority 1
        assertThat(ClientRouter.of(config).routes()).extracting(ClientRouteConfig::action, ClientRouteConfig::priority)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Action.DIRECT, 100),
                        org.assertj.core.groups.Tuple.tuple(Action.SERVER, 1));
        ClientCliRun validate = ClientCliRun.of(dir, "validate");
        assertThat(validate.status()).isZero();
        assertThat(validate.outLines()).containsExactly("Configuration is valid");
    }

    @Test
    void init_protocolListenersAndOutput_areWritten() {
        ClientCliRun run = ClientCliRun.of(dir, "config", "init", "-s", "10.0.0.5:7180", "-p", "socks5", "-o",
                "laptop.yaml", "--http-listen", "127.0.0.1:8080", "--socks5-listen", "");

        assertThat(run.status()).isZero();
        ClientConfig config = load(dir.resolve("laptop.yaml")).orElseThrow();
        assertThat(config.server().protocol()).isEqualTo(UpstreamProtocol.SOCKS5);
        assertThat(config.proxy().http().listen()).hasToString("127.0.0.1:8080");
        assertThat(config.proxy().socks5().listen().isDisabled()).isTrue();
    }

    @Test
    void init_fileExists_refusesWithoutForceAndReplacesWithIt() throws IOException {
        Path existing = dir.resolve("client-config.yaml");
        Files.writeString(existing, "mine: true\n");

        ClientCliRun refused = ClientCliRun.of(dir, "config", "init", "-s", "proxy.example.com:7080");

        assertThat(refused.status()).isEqualTo(1);
        assertThat(refused.err().strip()).isEqualTo("error: client-config.yaml already exists; use -f to overwrite");
        assertThat(Files.readString(existing)).isEqualTo("mine: true\n");
        assertThat(ClientCliRun.of(dir, "config", "init", "-s", "proxy.example.com:7080", "-f").status()).isZero();
        assertThat(Files.readString(existing)).contains("proxy.example.com:7080");
    }

    @Test
    void init_invalidServerAddress_reportsTheKeyAndWritesNothing() {
        ClientCliRun run = ClientCliRun.of(dir, "config", "init", "-s", "no-port-here");

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).contains("error: server.address: ");
        assertThat(Files.exists(dir.resolve("client-config.yaml"))).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "config init                          | Missing required option: '--server=HOST:PORT'",
            "config init -s a.example:1 -p quic   | Invalid value for option '--protocol': 'quic'",
            "config                               | Missing required subcommand",
            "--bogus                              | Unknown option: '--bogus'",
    })
    void usageError_exits2AndNamesTheProblem(String commandLine, String message) {
        ClientCliRun run = ClientCliRun.of(dir, commandLine.split(" "));

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains(message);
    }

    @Test
    void validate_missingDefaultFile_exits1NamingTheInitCommand() {
        ClientCliRun run = ClientCliRun.of(dir, "validate");

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err().strip()).isEqualTo("error: config file not found: " + dir.resolve("client-config.yaml")
                + " (create one with \"bifrost-client config init\")");
    }

    @Test
    void validate_invalidFile_listsWarningsAndErrorsThenTheCount() throws IOException {
        Files.writeString(dir.resolve("c.yaml"), """
                proxy:
                  http: {listen: "0.0.0.0:7380"}
                routes:
                  - {domains: ["*"], action: proxy}
                vpn: {enabled: true}
                """);

        ClientCliRun run = ClientCliRun.of(dir, "validate", "-c", "c.yaml");

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.outLines()).contains(
                "warning: proxy.http.listen: local proxy is reachable from the network without authentication",
                "Configuration is invalid: 2 error(s)");
        assertThat(run.outLines()).anyMatch(l -> l.startsWith("error: routes[0].action: "))
                .anyMatch(l -> l.startsWith("error: vpn.enabled: "));
    }

    @Test
    void version_printsOneLineInTheSpecFormat() {
        ClientCliRun run = ClientCliRun.of(dir, "version");

        assertThat(run.status()).isZero();
        assertThat(run.outLines()).singleElement().asString().matches(
                "bifrost-client 1\\.0\\.0-SNAPSHOT \\(commit [0-9a-z]+, built [0-9TZ:.-]+, java \\d+(\\.\\d+)*, "
                        + "[a-z]+/[a-z0-9]+\\)");
        assertThat(ClientCliRun.of(dir, "--version").out()).isEqualTo(run.out());
    }

    @Test
    void run_missingExplicitFile_exits1WithTheSpecMessage() {
        ClientCliRun run = ClientCliRun.of(dir, "-c", "nope.yaml");

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).contains("error: config file not found: " + dir.resolve("nope.yaml"));
    }
}
