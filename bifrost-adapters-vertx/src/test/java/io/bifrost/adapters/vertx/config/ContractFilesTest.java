package io.bifrost.adapters.vertx.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.bifrost.core.config.ClientConfig;
import io.bifrost.core.config.ConfigProblem;
import io.bifrost.core.config.ConfigResult;
import io.bifrost.core.config.EnvLookup;
import io.bifrost.core.config.ServerConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The four files of [CFG-210], copied verbatim from the spec: they load without errors and with the listed warnings. */
class ContractFilesTest {
    private static final List<String> SERVER_EXPOSURE = List.of(
            "warning: server.http.listen: proxy accepts unauthenticated clients on all interfaces (\":7080\")",
            "warning: server.socks5.listen: proxy accepts unauthenticated clients on all interfaces (\":7180\")",
            "warning: api.listen: management API is reachable from the network without a token");

    private final ServerConfigLoader server = new ServerConfigLoader(EnvLookup.of(Map.of()));
    private final ClientConfigLoader client = new ClientConfigLoader(EnvLookup.of(Map.of()));

    static String contract(String name) throws IOException {
        try (InputStream in = ContractFilesTest.class.getResourceAsStream("/config-contract/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static List<String> texts(ConfigResult<?> result) {
        return result.problems().stream().map(p -> p.severity().wireName() + ": " + p).toList();
    }

    @Test
    void serverGeneralExample_loadsWithTheExposureWarningsOnly() throws IOException {
        ConfigResult<ServerConfig> result = server.loadText(contract("server-general.yaml"));

        assertThat(texts(result)).containsExactlyElementsOf(SERVER_EXPOSURE);
        ServerConfig c = result.orElseThrow();
        assertThat(c.backends()).singleElement().satisfies(b -> assertThat(b.priority()).isEqualTo(10));
        assertThat(c.routes()).singleElement().satisfies(r -> assertThat(r.name()).isEqualTo("route-1"));
        assertThat(c.mesh().enabled()).isTrue();
        assertThat(c.webUi().listen()).hasToString(":7081");
    }

    @Test
    void serverRouterExample_loadsWithTheExposureWarningsOnly() throws IOException {
        ConfigResult<ServerConfig> result = server.loadText(contract("server-router.yaml"));

        assertThat(texts(result)).containsExactlyElementsOf(SERVER_EXPOSURE);
        ServerConfig c = result.orElseThrow();
        assertThat(c.server().http().maxConnections()).isEqualTo(100);
        assertThat(c.api().requestLogActive()).isFalse();
        assertThat(c.healthCheck()).isNotNull();
        assertThat(c.healthCheckOf(c.backends().get(0))).as("direct backend without target").isEmpty();
    }

    @Test
    void clientDesktopExample_loadsWithoutProblems() throws IOException {
        ConfigResult<ClientConfig> result = client.loadText(contract("client-desktop.yaml"));

        assertThat(result.problems()).isEmpty();
        ClientConfig c = result.orElseThrow();
        assertThat(c.routes()).hasSize(3);
        assertThat(c.server().address()).hasToString("proxy.example.com:7080");
        assertThat(c.vpn().raw()).containsKeys("tun", "split_tunnel");
    }

    @Test
    void clientContainerExample_loadsWithTheExposureWarningsOnly() throws IOException {
        ConfigResult<ClientConfig> result = client.loadText(contract("client-container.yaml"));

        assertThat(texts(result)).containsExactly(
                "warning: proxy.http.listen: local proxy is reachable from the network without authentication",
                "warning: proxy.socks5.listen: local proxy is reachable from the network without authentication",
                "warning: api.listen: management API is reachable from the network without a token");
        assertThat(result.isValid()).isTrue();
    }

    @Test
    void problems_ofAContractFileChangedToBeInvalid_comeInFileOrder() throws IOException {
        String text = contract("server-general.yaml")
                .replace("read_timeout: \"30s\"", "read_timeout: 30")
                .replace("type: direct", "type: wireguard")
                .replace("format: text", "format: fancy");

        ConfigResult<ServerConfig> result = server.loadText(text);

        assertThat(result.errors()).extracting(ConfigProblem::toString).containsExactly(
                "server.http.read_timeout: duration needs a unit, e.g. \"30s\"",
                "backends[0].type: backend type \"wireguard\" is not supported by this version of Bifrost; run the "
                        + "tunnel outside Bifrost (for example a WireGuard-to-SOCKS5 sidecar) and point a "
                        + "socks5_proxy backend at it",
                "logging.format: must be one of text, json, got \"fancy\"");
    }
}
