package io.bifrost.core.client;

import static io.bifrost.core.client.ClientConfigs.disabled;
import static io.bifrost.core.client.ClientConfigs.route;
import static org.assertj.core.api.Assertions.assertThat;

import io.bifrost.core.config.ClientRouteConfig;
import io.bifrost.core.config.ClientRouteConfig.Action;
import io.bifrost.core.routing.RoutingKey;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** [RTE-080], [RTE-081], [RTE-093]. */
class ClientRouterTest {
    private static final List<ClientRouteConfig> ROUTES = List.of(
            route("everything", Action.SERVER, 1, "*"),
            route("local", Action.DIRECT, 100, "localhost", "127.0.0.1", "*.local"),
            route("work", Action.SERVER, 90, "*.corp.example.com", "intranet.*"),
            route("corp-direct", Action.DIRECT, 50, "*.example.com", "10.0.0.0/8"));

    private final ClientRouter router = ClientRouter.of(ROUTES, true);

    private static RoutingKey key(String host) {
        return RoutingKey.parse(host).orElseThrow();
    }

    @ParameterizedTest(name = "{0} → {1} via {2} ({3})")
    @CsvSource({
            "localhost,             DIRECT, local,       localhost",
            "printer.local,         DIRECT, local,       *.local",
            "api.corp.example.com,  SERVER, work,        *.corp.example.com",
            "intranet.eu,           SERVER, work,        intranet.*",
            "www.example.com,       DIRECT, corp-direct, *.example.com",
            "10.1.2.3,              DIRECT, corp-direct, 10.0.0.0/8",
            "example.org,           SERVER, everything,  *",
    })
    void decide_firstMatchInEffectiveOrder_namesRouteAndPattern(String host, Action action, String route,
            String pattern) {
        ClientRouteDecision d = router.decide(key(host));

        assertThat(d.action()).isEqualTo(action);
        assertThat(d.routeName()).contains(route);
        assertThat(d.patternText()).contains(pattern);
        assertThat(d.isFallback()).isFalse();
    }

    @Test
    void routes_listedInEffectiveOrderWithCatchAllLast() {
        assertThat(router.routes()).extracting(ClientRouteConfig::name)
                .containsExactly("local", "work", "corp-direct", "everything");
    }

    @Test
    void decide_noMatchWithUpstream_fallsBackToServer() {
        ClientRouter r = ClientRouter.of(List.of(route("local", Action.DIRECT, 100, "localhost")), true);

        ClientRouteDecision d = r.decide(key("example.org"));

        assertThat(d.action()).isEqualTo(Action.SERVER);
        assertThat(d.isFallback()).isTrue();
        assertThat(d.routeName()).isEmpty();
        assertThat(d.patternText()).isEmpty();
    }

    @Test
    void decide_noMatchWithoutUpstream_fallsBackToDirect() {
        ClientRouter r = ClientRouter.of(List.of(route("work", Action.SERVER, 1, "*.corp.example.com")), false);

        assertThat(r.decide(key("example.org"))).isEqualTo(ClientRouteDecision.fallback(Action.DIRECT));
    }

    @Test
    void decide_disabledRouteIsSkippedButStillListed() {
        ClientRouter r = ClientRouter.of(List.of(disabled(route("off", Action.DIRECT, 100, "*.example.com")),
                route("on", Action.SERVER, 1, "www.example.com")), false);

        assertThat(r.decide(key("www.example.com")).routeName()).contains("on");
        assertThat(r.routes()).extracting(ClientRouteConfig::name).containsExactly("off", "on");
    }

    @Test
    void decide_equalPriority_fileOrderWins() {
        ClientRouter r = ClientRouter.of(List.of(route("first", Action.DIRECT, 5, "*.example.com"),
                route("second", Action.SERVER, 5, "www.example.com")), true);

        assertThat(r.decide(key("www.example.com")).routeName()).contains("first");
    }
}
