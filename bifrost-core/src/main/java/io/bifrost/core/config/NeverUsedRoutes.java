package io.bifrost.core.config;

import io.bifrost.core.routing.PrioritizedRoute;
import io.bifrost.core.routing.RouteOrder;

import static java.util.Objects.requireNonNull;

import java.util.Comparator;
import java.util.List;

/** Validation of route order: routes that a catch-all route hides ([RTE-033]). */
final class NeverUsedRoutes {
    private NeverUsedRoutes() {}

    /**
     * The warnings of [RTE-033]: every enabled route placed after an enabled route that matches every host, e.g.
     * {@code routes[4]: route "legacy" is never used: route "mixed" (priority 5) matches every host first}.
     *
     * @param pathOf the path of a route, e.g. {@code routes[4]}
     */
    static <R extends PrioritizedRoute> void warnNeverUsed(
            List<R> routes, java.util.function.Function<R, String> pathOf, ReadContext ctx) {
        R shadow = null;
        for (R route : RouteOrder.effective(routes)) {
            if (!route.enabled()) {
                continue;
            }
            if (shadow != null) {
                ctx.warning(pathOf.apply(route), "route \"" + route.name() + "\" is never used: route \""
                        + shadow.name() + "\" (priority " + shadow.priority() + ") matches every host first");
            } else if (route.matchesEveryHost()) {
                shadow = route;
            }
        }
    }
}
