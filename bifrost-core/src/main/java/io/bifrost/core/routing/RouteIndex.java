package io.bifrost.core.routing;

import io.bifrost.core.routing.HostPattern.Domain;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * First-match lookup over routes of either program ([RTE-030], [RTE-031]): routes in effective order (priority
 * descending, file order among equals, catch-all routes last); {@link #match} returns the first enabled route with a
 * matching pattern, and the first of its patterns that matched. Immutable and thread-safe.
 *
 * <p>Exact and {@code *.suffix} patterns are indexed by name, so a match costs a few hash lookups per label of the
 * host whatever their number ([RTE-099]); other patterns are checked one by one.
 *
 * @param <R> server routes ({@link Route}) or client routes
 */
public final class RouteIndex<R extends PrioritizedRoute> {
    private final List<R> ordered;
    private final List<R> enabled;
    private final Map<String, Integer> exact = new HashMap<>();
    private final Map<String, Integer> suffix = new HashMap<>();
    private final List<Scanned> scanned = new ArrayList<>();

    private RouteIndex(List<R> inFileOrder) {
        this.ordered = RouteOrder.effective(inFileOrder);
        this.enabled = ordered.stream().filter(PrioritizedRoute::enabled).toList();
        for (int i = 0; i < enabled.size(); i++) {
            for (HostPattern p : enabled.get(i).domains()) {
                index(i, p);
            }
        }
    }

    /** Indexes routes given in file order. */
    public static <R extends PrioritizedRoute> RouteIndex<R> of(List<R> inFileOrder) {
        return new RouteIndex<>(List.copyOf(inFileOrder));
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

    /** Every route, enabled or not, where effective order puts it (API listings). */
    public List<R> routes() {
        return ordered;
    }

    /** The routes that take part in matching, in effective order. */
    public List<R> enabledRoutes() {
        return enabled;
    }

    /** The route for {@code key}, with the first of its patterns that matches; empty when none matches. */
    public Optional<Match<R>> match(RoutingKey key) {
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
        R route = enabled.get(best);
        for (HostPattern p : route.domains()) {
            if (p.matches(key)) {
                return Optional.of(new Match<>(route, p));
            }
        }
        return Optional.empty();
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

    /** The route that matched and the first of its patterns that did ([RTE-092], [RTE-093]). */
    public record Match<R>(R route, HostPattern pattern) {}
}
