package io.bifrost.core.routing;

import static java.util.Objects.requireNonNull;

import io.bifrost.core.backend.LoadBalanceStrategy;
import io.bifrost.core.backend.LoadBalancer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.random.RandomGenerator;

/**
 * A server route at run time ([RTE-020]): its patterns, candidate backend names and the selection state that
 * belongs to it ([RTE-061]). Built fresh for every route table, so replacing the table resets the state.
 * Thread-safe.
 */
public final class Route implements PrioritizedRoute {
    private final String name;
    private final List<HostPattern> patterns;
    private final List<String> backends;
    private final LoadBalanceStrategy strategy;
    private final Map<String, Integer> weights;
    private final int priority;
    private final boolean enabled;
    private final LoadBalancer balancer;
    private final AtomicBoolean inPanic = new AtomicBoolean();
    private final LongAdder panicSelections = new LongAdder();

    /**
     * @param backends candidate names in listed order: the route's {@code backend}, or its {@code backends}
     * @param weights per-backend weights for {@code weighted}; may be empty
     * @param random the source for {@code random} selection (thread-safe, e.g. {@code ThreadLocalRandom.current()})
     */
    public Route(String name, List<HostPattern> patterns, List<String> backends, LoadBalanceStrategy strategy,
            Map<String, Integer> weights, int priority, boolean enabled, RandomGenerator random) {
        this.name = requireNonNull(name, "name");
        this.patterns = List.copyOf(patterns);
        this.backends = List.copyOf(backends);
        this.strategy = requireNonNull(strategy, "strategy");
        this.weights = Map.copyOf(weights);
        this.priority = priority;
        this.enabled = enabled;
        if (this.patterns.isEmpty()) {
            throw new IllegalArgumentException("route \"" + name + "\": patterns (expected: at least one)");
        }
        if (this.backends.isEmpty()) {
            throw new IllegalArgumentException("route \"" + name + "\": backends (expected: at least one)");
        }
        this.balancer = LoadBalancer.create(strategy, this.weights, random);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<HostPattern> domains() {
        return patterns;
    }

    public List<String> backends() {
        return backends;
    }

    public LoadBalanceStrategy strategy() {
        return strategy;
    }

    public Map<String, Integer> weights() {
        return weights;
    }

    @Override
    public int priority() {
        return priority;
    }

    @Override
    public boolean enabled() {
        return enabled;
    }

    /** The first of this route's patterns that matches, in listed order. */
    public Optional<HostPattern> firstMatch(RoutingKey key) {
        for (HostPattern p : patterns) {
            if (p.matches(key)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    LoadBalancer balancer() {
        return balancer;
    }

    /** Flips the panic flag; true when this call changed it (so the transition is reported once). */
    boolean panic(boolean panic) {
        return inPanic.compareAndSet(!panic, panic);
    }

    public boolean inPanic() {
        return inPanic.get();
    }

    void countPanicSelection() {
        panicSelections.increment();
    }

    /** Selections made under the panic rule ({@code bifrost_route_panic_total}). */
    public long panicSelections() {
        return panicSelections.sum();
    }

    @Override
    public String toString() {
        return name;
    }
}
