package io.bifrost.core.config;

import io.bifrost.core.backend.LoadBalanceStrategy;

import static io.bifrost.core.config.ServerTrees.readWith;
import static io.bifrost.core.config.ServerTrees.texts;
import static org.assertj.core.api.Assertions.assertThat;

import io.bifrost.core.routing.HostPattern;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RoutesReaderTest {
    private static final String BACKENDS = """
            backends: [{name: direct, type: direct}, {name: a, type: direct}, {name: b, type: direct},
                       {name: off1, type: direct, enabled: false}, {name: off2, type: direct, enabled: false}]""";

    private static ConfigResult<ServerConfig> routes(String routes) {
        return readWith("{" + BACKENDS + ", routes: " + routes + "}");
    }

    @Test
    void read_typedRoute_withNormalisedDomainsAndBackends() {
        ServerConfig c = routes("""
                [{name: media, domains: ['.Example.com', '*.example.com', 'cdn.example.net.'], backends: [a, b],
                  load_balance: weighted, weights: {a: 5, b: 0}, priority: -2, enabled: false},
                 {domains: ['*'], backend: direct}]""").orElseThrow();

        RouteConfig media = c.routes().get(0);
        assertThat(media.name()).isEqualTo("media");
        assertThat(media.nameGenerated()).isFalse();
        assertThat(media.domains()).extracting(HostPattern::text).containsExactly("*.example.com", "cdn.example.net");
        assertThat(media.backends()).containsExactly("a", "b");
        assertThat(media.singleBackendKey()).isFalse();
        assertThat(media.loadBalance()).isEqualTo(LoadBalanceStrategy.WEIGHTED);
        assertThat(media.weights()).isEqualTo(Map.of("a", 5, "b", 0));
        assertThat(media.priority()).isEqualTo(-2);
        assertThat(media.enabled()).isFalse();
        RouteConfig fallback = c.routes().get(1);
        assertThat(fallback.name()).isEqualTo("route-2");
        assertThat(fallback.nameGenerated()).isTrue();
        assertThat(fallback.backends()).containsExactly("direct");
        assertThat(fallback.singleBackendKey()).isTrue();
        assertThat(fallback.loadBalance()).isEqualTo(LoadBalanceStrategy.ROUND_ROBIN);
        assertThat(fallback.isCatchAll()).isTrue();
    }

    @Test
    void read_emptyRouteList_isValid() {
        assertThat(routes("[]").problems()).isEmpty();
    }

    @Test
    void read_backendAndBackendsTogetherOrNeither_isAnError() {
        ConfigResult<ServerConfig> result = routes("""
                [{domains: [a.com], backend: a},
                 {domains: [b.com], backend: a, backends: [b]},
                 {domains: [c.com]}]""");

        assertThat(texts(result)).containsExactly(
                "error: routes[1]: set either backend or backends, not both",
                "error: routes[2]: set either backend or backends, not both");
    }

    @Test
    void read_unknownAndDuplicateBackends_areErrors() {
        ConfigResult<ServerConfig> result = routes("""
                [{domains: [a.com], backend: wg},
                 {domains: [b.com], backends: [a, wg, a]},
                 {domains: [c.com], backends: []},
                 {domains: [d.com], backends: [a], weights: {b: 1, zz: 2, a: -1}}]""");

        assertThat(texts(result)).containsExactly(
                "error: routes[0].backend: unknown backend \"wg\"",
                "error: routes[1].backends[1]: unknown backend \"wg\"",
                "error: routes[1].backends[2]: duplicate backend \"a\"",
                "error: routes[2].backends: must not be empty",
                "error: routes[3].weights.b: backend \"b\" is not listed in backends",
                "error: routes[3].weights.zz: unknown backend \"zz\"",
                "error: routes[3].weights.a: must be at least 0, got -1");
    }

    @Test
    void read_domainRules() {
        ConfigResult<ServerConfig> result = routes("""
                [{backend: a},
                 {domains: [], backend: a},
                 {domains: [ok.com, 'a..b', '*.*', ' ', '10.0.0.0/40'], backend: a},
                 {domains: ['10.1.2.3/8'], backend: a}]""");

        assertThat(texts(result)).containsExactly(
                "error: routes[0].domains: required",
                "error: routes[1].domains: must not be empty",
                "error: routes[2].domains[1]: invalid pattern \"a..b\": empty label",
                "error: routes[2].domains[2]: invalid pattern \"*.*\": a pattern of wildcards only; use \"*\"",
                "error: routes[2].domains[3]: invalid pattern \" \": empty pattern",
                "error: routes[2].domains[4]: invalid pattern \"10.0.0.0/40\": prefix length 40 out of range 0-32",
                "warning: routes[3].domains[0]: CIDR block \"10.1.2.3/8\" has host bits set; it is read as 10.0.0.0/8");
    }

    @Test
    void read_nameRules() {
        ConfigResult<ServerConfig> result = routes("""
                [{name: test, domains: [a.com], backend: a},
                 {name: x, domains: [b.com], backend: a},
                 {name: x, domains: [c.com], backend: a},
                 {name: route-5, domains: [d.com], backend: a},
                 {domains: [e.com], backend: a},
                 {name: 'bad name', domains: [f.com], backend: a}]""");

        assertThat(texts(result)).containsExactly(
                "error: routes[0].name: name \"test\" is reserved",
                "error: routes[2].name: duplicate route name \"x\"",
                "error: routes[4].name: duplicate route name \"route-5\" (generated for this unnamed route)",
                "error: routes[5].name: invalid name \"bad name\" (expected 1-64 characters from A-Z a-z 0-9 . _ -, "
                        + "starting with a letter or digit)");
    }

    @Test
    void read_unknownStrategy_isAnError() {
        assertThat(texts(routes("[{domains: [a.com], backends: [a, b], load_balance: fastest}]"))).containsExactly(
                "error: routes[0].load_balance: must be one of round_robin, least_conn, ip_hash, weighted, random, "
                        + "got \"fastest\"");
    }

    @Test
    void read_routeWithOnlyDisabledBackends_warns() {
        ConfigResult<ServerConfig> result = routes("""
                [{name: media, domains: [m.com], backends: [off1, off2]},
                 {name: mixed, domains: [x.com], backends: [off1, a]},
                 {name: parked, domains: [p.com], backend: off1, enabled: false}]""");

        assertThat(texts(result)).containsExactly("warning: routes[0]: all backends of route \"media\" are disabled");
        assertThat(result.isValid()).isTrue();
    }

    @Test
    void read_routesAfterACatchAllInEffectiveOrder_areNeverUsed() {
        ConfigResult<ServerConfig> result = routes("""
                [{name: first, domains: [a.com], backend: a, priority: 10},
                 {name: mixed, domains: ['*', b.com], backend: a, priority: 5},
                 {name: later, domains: [c.com], backend: a, priority: 5},
                 {name: default, domains: ['*'], backend: direct, priority: 100},
                 {name: legacy, domains: [d.com], backend: a, priority: 1},
                 {name: off, domains: [e.com], backend: a, enabled: false}]""");

        assertThat(texts(result)).containsExactly(
                "warning: routes[2]: route \"later\" is never used: route \"mixed\" (priority 5) matches every host first",
                "warning: routes[3]: route \"default\" is never used: route \"mixed\" (priority 5) matches every host first",
                "warning: routes[4]: route \"legacy\" is never used: route \"mixed\" (priority 5) matches every host first");
    }

    @Test
    void read_catchAllRoutes_hideOnlyCatchAllRoutesAfterThem() {
        ConfigResult<ServerConfig> result = routes("""
                [{name: default, domains: ['*'], backend: direct, priority: 100},
                 {name: specific, domains: [a.com], backend: a},
                 {name: spare, domains: ['*'], backend: b, priority: 1}]""");

        assertThat(texts(result)).containsExactly(
                "warning: routes[2]: route \"spare\" is never used: route \"default\" (priority 100) matches every "
                        + "host first");
    }

    @Test
    void read_disabledCatchAll_hidesNothing() {
        assertThat(routes("""
                [{name: default, domains: ['*'], backend: direct, enabled: false},
                 {name: other, domains: ['*'], backend: a}]""").problems()).isEmpty();
    }
}
