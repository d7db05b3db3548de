package io.bifrost.core.backend;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Chooses one backend of a non-empty set ([RTE-060]). One instance per route: its state (counter, scores) belongs
 * to the route and is discarded with it ([RTE-061]). Thread-safe; never blocks.
 */
public interface LoadBalancer {

    /**
     * @param weights per-route weights by backend name (only {@code weighted} reads them)
     * @param random the source for {@code random}
     */
    static LoadBalancer create(LoadBalanceStrategy strategy, Map<String, Integer> weights, RandomGenerator random) {
        requireNonNull(strategy, "strategy");
        return switch (strategy) {
            case ROUND_ROBIN -> new RoundRobinBalancer();
            case LEAST_CONN -> new LeastConnBalancer();
            case IP_HASH -> new IpHashBalancer();
            case WEIGHTED -> new WeightedBalancer(weights);
            case RANDOM -> new RandomBalancer(random);
        };
    }

    /**
     * Picks a member and advances the balancer's state.
     *
     * @param set the healthy candidates, or all candidates under the panic rule; never empty
     * @param clientIp the proxy client's address in canonical text ({@code ip_hash} hashes it)
     */
    Backend pick(List<Backend> set, String clientIp);

    /**
     * What {@link #pick} would return now, without changing any state ([RTE-090]); empty for {@code random}, whose
     * choice cannot be foretold.
     */
    Optional<Backend> peek(List<Backend> set, String clientIp);
}
