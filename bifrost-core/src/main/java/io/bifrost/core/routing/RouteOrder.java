package io.bifrost.core.routing;

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
}
