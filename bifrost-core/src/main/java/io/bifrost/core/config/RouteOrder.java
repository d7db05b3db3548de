package io.bifrost.core.config;

import static java.util.Objects.requireNonNull;

import java.util.Comparator;
import java.util.List;

/** The effective order of routes ([RTE-030]), shared by server and client routing and by validation. */
public final class RouteOrder {
    private RouteOrder() {}

    /**
     * Routes sorted for matching: catch-all routes last, then by priority descending, ties in file order (stable).
     * Disabled routes are kept where they would be if enabled (API listings show them there); matching skips them.
     */
    public static <R extends PrioritizedRoute> List<R> effective(List<R> routes) {
        requireNonNull(routes, "routes");
        return routes.stream()
                .sorted(Comparator.comparing((R r) -> r.isCatchAll())
                        .thenComparing(Comparator.comparingInt((R r) -> r.priority()).reversed()))
                .toList();
    }

    /**
     * The warnings of [RTE-033]: every enabled route placed after an enabled route that matches every host, e.g.
     * {@code routes[4]: route "legacy" is never used: route "mixed" (priority 5) matches every host first}.
     *
     * @param pathOf the path of a route, e.g. {@code routes[4]}
     */
    static <R extends PrioritizedRoute> void warnNeverUsed(
            List<R> routes, java.util.function.Function<R, String> pathOf, ReadContext ctx) {
        R shadow = null;
        for (R route : effective(routes)) {
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
