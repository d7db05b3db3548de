package io.bifrost.adapters.vertx.config;

import static io.bifrost.adapters.vertx.config.ContractFilesTest.texts;
import static org.assertj.core.api.Assertions.assertThat;

import io.bifrost.core.client.ClientRouter;
import io.bifrost.core.config.ClientConfig;
import io.bifrost.core.config.ClientConfigTree;
import io.bifrost.core.config.ClientRouteConfig;
import io.bifrost.core.config.ConfigResult;
import io.bifrost.core.config.EnvLookup;
import io.bifrost.core.config.ServerConfig;
import io.bifrost.core.routing.HostPattern;
import io.bifrost.core.routing.RoutingKey;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigTemplatesTest {
    private final ServerConfigLoader server = new ServerConfigLoader(EnvLookup.of(Map.of()));
    private final ClientConfigLoader client = new ClientConfigLoader(EnvLookup.of(Map.of()));

    @Test
    void serverTemplate_validatesWithOnlyTheExposureWarnings() {
        ConfigResult<ServerConfig> result = server.loadText(ConfigTemplates.serverTemplate());

        assertThat(result.errors()).isEmpty();
        assertThat(texts(result)).containsExactly(
                "warning: server.http.listen: proxy accepts unauthenticated clients on all interfaces (\":7080\")",
                "warning: server.socks5.listen: proxy accepts unauthenticated clients on all interfaces (\":7180\")",
                "warning: api.listen: management API is reachable from the network without a token");
        assertThat(ConfigTemplates.serverTemplate()).contains("# ");
    }

    @Test
    void serverTemplate_hasTheContentOfCfg204() {
        ServerConfig c = server.loadText(ConfigTemplates.serverTemplate()).config();

        assertThat(c.backends()).singleElement().satisfies(b -> assertThat(b.type().wireName()).isEqualTo("direct"));
        assertThat(c.routes()).singleElement().satisfies(r -> {
            assertThat(r.domains()).extracting(HostPattern::text).containsExactly("*");
            assertThat(r.backends()).containsExactly("direct");
            assertThat(r.priority()).isEqualTo(1);
        });
        assertThat(c.auth().providers()).singleElement()
                .satisfies(p -> assertThat(p.type().wireName()).isEqualTo("none"));
        assertThat(c.rateLimit()).isEqualTo(ServerConfig.defaults().rateLimit());
        assertThat(c.accessControl()).isEqualTo(ServerConfig.defaults().accessControl());
        assertThat(c.accessLog()).isEqualTo(ServerConfig.defaults().accessLog());
        assertThat(c.metrics()).isEqualTo(ServerConfig.defaults().metrics());
        assertThat(c.logging()).isEqualTo(ServerConfig.defaults().logging());
        assertThat(c.api()).isEqualTo(ServerConfig.defaults().api());
        assertThat(c.server()).isEqualTo(ServerConfig.defaults().server());
    }

    @Test
    void serverBuiltInDefault_validatesWithoutAnyProblemAndListensOnLoopbackOnly() {
        ConfigResult<ServerConfig> result = server.loadBuiltInDefault();

        assertThat(result.problems()).isEmpty();
        ServerConfig c = result.orElseThrow();
        assertThat(c.server().http().listen()).hasToString("127.0.0.1:7080");
        assertThat(c.server().socks5().listen()).hasToString("127.0.0.1:7180");
        assertThat(c.api().listen()).hasToString("127.0.0.1:7082");
        assertThat(c.metrics().listen()).hasToString("127.0.0.1:7090");
    }

    @Test
    void clientTemplate_carriesTheFlagsAndValidates() {
        String text = ConfigTemplates.clientTemplate("bifrost.example.com:7080", "socks5", "127.0.0.1:8080", "");

        ConfigResult<ClientConfig> result = client.loadText(text);

        assertThat(result.problems()).isEmpty();
        ClientConfig c = result.orElseThrow();
        assertThat(c.server().address()).hasToString("bifrost.example.com:7080");
        assertThat(c.server().protocol().wireName()).isEqualTo("socks5");
        assertThat(c.server().retryCount()).isEqualTo(3);
        assertThat(c.proxy().http().listen()).hasToString("127.0.0.1:8080");
        assertThat(c.proxy().socks5().listen().isDisabled()).isTrue();
        assertThat(c.routes()).extracting(ClientRouteConfig::action, ClientRouteConfig::priority).containsExactly(
                org.assertj.core.groups.Tuple.tuple(ClientRouteConfig.Action.DIRECT, 100),
                org.assertj.core.groups.Tuple.tuple(ClientRouteConfig.Action.SERVER, 1));
        assertThat(c.routes().get(0).domains()).extracting(HostPattern::text)
                .containsExactly("localhost", "127.0.0.1", "::1", "*.local");
        assertThat(c.debug()).isEqualTo(ClientConfig.defaults().debug());
        assertThat(c.api()).isEqualTo(ClientConfig.defaults().api());
    }

    @Test
    void clientTemplate_valuesCannotInjectYaml() {
        String text = ConfigTemplates.clientTemplate("x:1\"\nvpn: {enabled: true}", "http",
                ConfigTemplates.CLIENT_HTTP_LISTEN, ConfigTemplates.CLIENT_SOCKS5_LISTEN);

        ConfigResult<ClientConfig> result = client.loadText(text);

        assertThat(texts(result)).singleElement().asString().startsWith("error: server.address: invalid address");
    }

    @Test
    void clientBuiltInDefault_isValidWithoutWarningsAndRoutesEverythingDirect() {
        ConfigResult<ClientConfig> result = client.loadBuiltInDefault();

        assertThat(texts(result)).isEmpty(); // no [RTE-082] warning: no route names the missing server
        ClientConfig c = result.orElseThrow();
        assertThat(c.proxy().http().listen()).hasToString("127.0.0.1:7380");
        assertThat(c.hasUpstream()).isFalse();
        assertThat(c.routes()).isEmpty();
        assertThat(ClientRouter.of(c).decide(RoutingKey.parse("example.com").orElseThrow()).action())
                .isEqualTo(ClientRouteConfig.Action.DIRECT); // [RTE-081]
    }

    @Test
    void clientBuiltInDefault_isWhatTheDefaultsEndpointShows() {
        ClientConfig builtIn = client.loadBuiltInDefault().orElseThrow();

        // [CAPI-054] serves ClientConfig.defaults(): the running default must be that same configuration
        assertThat(ClientConfigTree.of(builtIn)).isEqualTo(ClientConfigTree.of(ClientConfig.defaults()));
    }
}
