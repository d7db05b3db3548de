package io.bifrost.core.routing;

import io.bifrost.core.routing.HostPattern.Domain;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An immutable set of routes in effective order ([RTE-030]): priority descending, file order among equals, catch-all
 * routes after every other route. {@link #match} returns the first enabled route with a matching pattern
 * ([RTE-031]). Replacing routes builds a new table ([RTE-034]). Thread-safe.
 *
 * <p>Exact and {@code *.suffix} patterns are indexed by name, so a match costs a few hash lookups per label of the
 * host whatever their number ([RTE-099]); other patterns are checked one by one.
 */
public final class RouteTable {
    private final List<Route> ordered;
    private final List<Route> enabled;
    private final Map<String, Integer> exact = new HashMap<>();
    private final Map<String, Integer> suffix = new HashMap<>();
    private final List<Scanned> scanned = new ArrayList<>();

    private RouteTable(List<Route> inFileOrder) {
        this.ordered = RouteOrder.effective(inFileOrder);
        this.enabled = ordered.stream().filter(Route::enabled).toList();
        for (int i = 0; i < enabled.size(); i++) {
            for (HostPattern p : enabled.get(i).domains()) {
                index(i, p);
            }
        }
    }

    /** Builds the table from routes in file order. */
    public static RouteTable of(List<Route> inFileOrder) {
        return new RouteTable(inFileOrder);
    }

    public static RouteTable empty() {
        return new RouteTable(List.of());
    }

    private void index(int rank, HostPattern p) {
        if (p instanceof Domain d && d.kind() == Domain.Kind.EXACT) {
            exact.putIfAbsent(d.literal(), rank);
        } else if (p instanceof Domain d && d.kind() == Domain.Kind.SUFFIX) {
            suffix.putIfAbsent(d.literal(), rank);
        } else {
            scanned.add(new Scanned(rank, p));
        }
    }

    /** Every route, enabled or not, where effective order puts it (API listings, [SAPI-100]). */
    public List<Route> routes() {
        return ordered;
    }

    /** The routes that take part in matching, in effective order. */
    public List<Route> enabledRoutes() {
        return enabled;
    }

    public Optional<Route> find(String name) {
        return ordered.stream().filter(r -> r.name().equals(name)).findFirst();
    }

    /** The route for {@code key}, with the first of its patterns that matches; empty means {@code no_route}. */
    public Optional<RouteMatch> match(RoutingKey key) {
        int best = Integer.MAX_VALUE;
        if (!key.isIpv6()) {
            best = indexedRank(key.text());
        }
        for (Scanned s : scanned) {
            if (s.rank() >= best) {
                break; // scanned is in rank order: nothing later can win
            }
            if (s.pattern().matches(key)) {
                best = s.rank();
                break;
            }
        }
        if (best == Integer.MAX_VALUE) {
            return Optional.empty();
        }
        Route route = enabled.get(best);
        return route.firstMatch(key).map(p -> new RouteMatch(route, p));
    }

    /** Lowest rank among exact patterns equal to the host and suffix patterns whose apex is the host or a parent. */
    private int indexedRank(String host) {
        int best = exact.getOrDefault(host, Integer.MAX_VALUE);
        String apex = host;
        while (true) {
            Integer rank = suffix.get(apex);
            if (rank != null && rank < best) {
                best = rank;
            }
            int dot = apex.indexOf('.');
            if (dot < 0) {
                return best;
            }
            apex = apex.substring(dot + 1);
        }
    }

    private record Scanned(int rank, HostPattern pattern) {}

    /** The route that matched and the first of its patterns that did ([RTE-092]). */
    public record RouteMatch(Route route, HostPattern pattern) {}
}
