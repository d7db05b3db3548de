package io.bifrost.core.routing;

import static java.util.Objects.requireNonNull;

import io.bifrost.core.backend.Backend;
import io.bifrost.core.backend.BackendRegistry;
import io.bifrost.core.event.RoutePanicChanged;
import io.bifrost.core.port.out.EventSink;
import io.bifrost.core.routing.RouteTable.RouteMatch;
import io.bifrost.core.traffic.ErrorCode;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Routes a destination to a backend: the first matching route ([RTE-031]), then health-aware selection among its
 * candidates with the panic rule ([RTE-050], [RTE-051]). One request, one decision: a failed dial is never retried
 * on another candidate ([RTE-052]). The table is held in an atomic reference and swapped whole ([RTE-034]), so a
 * request is routed entirely against one table. Thread-safe; never blocks.
 */
public final class RouteResolver {
    private final AtomicReference<RouteTable> table;
    private final BackendRegistry backends;
    private final EventSink events;
    private final InstantSource clock;

    public RouteResolver(RouteTable table, BackendRegistry backends, EventSink events, InstantSource clock) {
        this.table = new AtomicReference<>(requireNonNull(table, "table"));
        this.backends = requireNonNull(backends, "backends");
        this.events = requireNonNull(events, "events");
        this.clock = requireNonNull(clock, "clock");
    }

    public RouteTable table() {
        return table.get();
    }

    /** Swaps in a new table; requests already routed keep their backend. */
    public void replace(RouteTable next) {
        table.set(requireNonNull(next, "next"));
    }

    /**
     * Decides where a request for {@code key} goes and advances the route's selection state.
     *
     * @param clientIp canonical text of the proxy client's address (for {@code ip_hash})
     */
    public RouteDecision resolve(RoutingKey key, String clientIp) {
        Optional<RouteMatch> match = table.get().match(key);
        if (match.isEmpty()) {
            return new RouteDecision.Refuse(ErrorCode.NO_ROUTE, "no route for host \"" + key.text() + "\"", null);
        }
        Route route = match.get().route();
        List<Backend> candidates = candidates(route);
        if (candidates.isEmpty()) {
            return noBackend(route, key);
        }
        List<Backend> healthy = candidates.stream().filter(Backend::healthy).toList();
        boolean panic = healthy.isEmpty();
        reportPanic(route, panic, candidates.size());
        Backend chosen = route.balancer().pick(panic ? candidates : healthy, clientIp);
        return new RouteDecision.Forward(route, match.get().pattern(), chosen, panic);
    }

    /**
     * What {@link #resolve} would decide for {@code key} now, without advancing any selection state and without
     * reporting panic transitions ([RTE-090]).
     */
    public RoutePreview preview(RoutingKey key, String clientIp) {
        Optional<RouteMatch> match = table.get().match(key);
        if (match.isEmpty()) {
            return new RoutePreview(ErrorCode.NO_ROUTE, "no route for host \"" + key.text() + "\"", null, null,
                    false, null);
        }
        Route route = match.get().route();
        List<Backend> candidates = candidates(route);
        if (candidates.isEmpty()) {
            RouteDecision.Refuse refuse = (RouteDecision.Refuse) noBackend(route, key);
            return new RoutePreview(ErrorCode.NO_BACKEND, refuse.message(), route, match.get().pattern(), false, null);
        }
        List<Backend> healthy = candidates.stream().filter(Backend::healthy).toList();
        boolean panic = healthy.isEmpty();
        Backend next = route.balancer().peek(panic ? candidates : healthy, clientIp).orElse(null);
        return new RoutePreview(null, null, route, match.get().pattern(), panic, next);
    }

    /** Candidates of a route: its backends in listed order, minus disabled and not-running ones ([RTE-050]). */
    public List<Backend> candidates(Route route) {
        List<Backend> out = new ArrayList<>(route.backends().size());
        for (String name : route.backends()) {
            backends.find(name).filter(Backend::running).ifPresent(out::add);
        }
        return out;
    }

    private static RouteDecision noBackend(Route route, RoutingKey key) {
        return new RouteDecision.Refuse(ErrorCode.NO_BACKEND,
                "route \"" + route.name() + "\" has no usable backend for host \"" + key.text() + "\"", route);
    }

    private void reportPanic(Route route, boolean panic, int candidates) {
        if (panic) {
            route.countPanicSelection();
        }
        if (route.panic(panic)) {
            events.publish(new RoutePanicChanged(clock.instant(), route.name(), panic, candidates));
        }
    }
}
