package io.bifrost.core.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.bifrost.core.backend.LoadBalanceStrategy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RouteTableTest {

    static Route route(String name, int priority, String... patterns) {
        return route(name, priority, true, patterns);
    }

    static Route route(String name, int priority, boolean enabled, String... patterns) {
        return new Route(name, Arrays.stream(patterns).map(HostPattern::parse).toList(), List.of("direct"),
                LoadBalanceStrategy.ROUND_ROBIN, Map.of(), priority, enabled, new SplittableRandom(1));
    }

    @Test
    void routes_effectiveOrder_priorityThenFileOrder_catchAllLast() {
        RouteTable table = RouteTable.of(List.of(
                route("default", 100, "*"),
                route("low", -5, "low.example"),
                route("a", 10, "a.example"),
                route("b", 10, "b.example"),
                route("fallback", 1, "*"),
                route("mixed", 50, "*", "m.example")));

        assertThat(table.routes()).extracting(Route::name)
                .containsExactly("mixed", "a", "b", "low", "default", "fallback");
    }

    @Test
    void match_laterSpecificRouteIsNotShadowedByCatchAll() {
        RouteTable table = RouteTable.of(List.of(route("default", 1, "*"), route("corp", 0, "*.corp.example")));

        assertThat(name(table, "git.corp.example")).isEqualTo("corp");
        assertThat(name(table, "example.org")).isEqualTo("default");
    }

    @Test
    void match_firstRouteInEffectiveOrderWins_acrossPatternKinds() {
        RouteTable table = RouteTable.of(List.of(
                route("glob", 1, "api.*.example.com"),
                route("suffix", 5, "*.example.com"),
                route("exact", 3, "api.eu.example.com"),
                route("cidr", 0, "10.0.0.0/8"),
                route("ipv4-domain", 2, "10.1.*")));

        assertThat(name(table, "api.eu.example.com")).isEqualTo("suffix");
        assertThat(name(table, "10.1.2.3")).isEqualTo("ipv4-domain");
        assertThat(name(table, "10.9.9.9")).isEqualTo("cidr");
        assertThat(table.match(key("example.org"))).isEmpty();
    }

    @Test
    void match_disabledRoute_isSkipped() {
        RouteTable table = RouteTable.of(List.of(route("off", 10, false, "*.example.com"),
                route("on", 0, "www.example.com")));

        assertThat(name(table, "www.example.com")).isEqualTo("on");
        assertThat(table.routes()).extracting(Route::name).containsExactly("off", "on");
    }

    @Test
    void match_reportsFirstMatchingPatternOfTheRoute() {
        RouteTable table = RouteTable.of(List.of(route("r", 0, "other.test", "*.example.com", "www.example.com")));

        assertThat(table.match(key("www.example.com"))).get()
                .extracting(m -> m.pattern().text()).isEqualTo("*.example.com");
    }

    @Test
    void match_tenThousandIndexedPatterns_matchesTheRightRoute() {
        List<Route> routes = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            routes.add(route("exact-" + i, 0, "host" + i + ".example.com"));
            routes.add(route("suffix-" + i, 0, "*.zone" + i + ".example.net"));
        }
        RouteTable table = RouteTable.of(routes);

        assertThat(name(table, "host4999.example.com")).isEqualTo("exact-4999");
        assertThat(name(table, "a.b.zone1234.example.net")).isEqualTo("suffix-1234");
        assertThat(name(table, "zone77.example.net")).isEqualTo("suffix-77");
        assertThat(table.match(key("nothing.example.org"))).isEmpty();
    }

    private static String name(RouteTable table, String host) {
        return table.match(key(host)).orElseThrow().route().name();
    }

    static RoutingKey key(String host) {
        return RoutingKey.parse(host).orElseThrow();
    }
}
