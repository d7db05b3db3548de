package io.bifrost.core.config;

import io.bifrost.core.routing.RouteOrder;

import static org.assertj.core.api.Assertions.assertThat;

import io.bifrost.core.routing.HostPattern;
import java.util.List;
import org.junit.jupiter.api.Test;

class RouteOrderTest {

    private static ClientRouteConfig route(String name, int priority, String... domains) {
        return new ClientRouteConfig(name, List.of(domains).stream().map(HostPattern::parse).toList(),
                ClientRouteConfig.Action.DIRECT, priority, true, false);
    }

    @Test
    void effective_priorityDescendingStableWithCatchAllRoutesLast() {
        List<ClientRouteConfig> routes = List.of(
                route("default", 100, "*"),
                route("a", 0, "a.com"),
                route("b", 5, "b.com"),
                route("c", 0, "c.com"),
                route("spare", 200, "*"),
                route("mixed", 1, "*", "m.com"),
                route("negative", -1, "n.com"));

        assertThat(RouteOrder.effective(routes)).extracting(ClientRouteConfig::name)
                .containsExactly("b", "mixed", "a", "c", "negative", "spare", "default");
    }
}
