package io.bifrost.core.routing;

import java.util.List;
import java.util.Optional;

/**
 * An immutable set of server routes in effective order ([RTE-030]): priority descending, file order among equals,
 * catch-all routes after every other route. {@link #match} returns the first enabled route with a matching pattern
 * ([RTE-031]), in the time {@link RouteIndex} promises ([RTE-099]). Replacing routes builds a new table
 * ([RTE-034]). Thread-safe.
 */
public final class RouteTable {
    private final RouteIndex<Route> index;

    private RouteTable(List<Route> inFileOrder) {
        this.index = RouteIndex.of(inFileOrder);
    }

    /** Builds the table from routes in file order. */
    public static RouteTable of(List<Route> inFileOrder) {
        return new RouteTable(inFileOrder);
    }

    public static RouteTable empty() {
        return new RouteTable(List.of());
    }

    /** Every route, enabled or not, where effective order puts it (API listings, [SAPI-100]). */
    public List<Route> routes() {
        return index.routes();
    }

    /** The routes that take part in matching, in effective order. */
    public List<Route> enabledRoutes() {
        return index.enabledRoutes();
    }

    public Optional<Route> find(String name) {
        return routes().stream().filter(r -> r.name().equals(name)).findFirst();
    }

    /** The route for {@code key}, with the first of its patterns that matches; empty means {@code no_route}. */
    public Optional<RouteMatch> match(RoutingKey key) {
        return index.match(key).map(m -> new RouteMatch(m.route(), m.pattern()));
    }

    /** The route that matched and the first of its patterns that did ([RTE-092]). */
    public record RouteMatch(Route route, HostPattern pattern) {}
}
