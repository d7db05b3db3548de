package io.bifrost.core.config;

import io.bifrost.core.backend.LoadBalanceStrategy;

import io.bifrost.core.routing.PrioritizedRoute;

import static java.util.Objects.requireNonNull;

import io.bifrost.core.routing.HostPattern;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A server route ([RTE-020]). Immutable.
 *
 * @param name unique among routes; generated {@code route-<n>} (1-based file position) when absent ([RTE-021])
 * @param domains normalised patterns, duplicates dropped after their first occurrence ([RTE-016])
 * @param backends backend names in listed order; {@code backend: x} is normalised to {@code [x]}
 * @param loadBalance default {@code round_robin}; no effect with a single backend
 * @param weights backend name → weight &ge; 0, only for listed backends; default empty; used by {@code weighted}
 * @param priority higher is tried first; may be negative; default 0
 * @param enabled default {@code true}; a disabled route is skipped by matching and by the PAC file
 * @param nameGenerated whether {@code name} was generated (an API rewrite writes it into the file, [RTE-021])
 * @param singleBackendKey whether the file used {@code backend:} rather than {@code backends:} (kept when saving)
 */
public record RouteConfig(
        String name,
        List<HostPattern> domains,
        List<String> backends,
        LoadBalanceStrategy loadBalance,
        Map<String, Integer> weights,
        int priority,
        boolean enabled,
        boolean nameGenerated,
        boolean singleBackendKey) implements PrioritizedRoute {

    public RouteConfig {
        requireNonNull(name, "name");
        domains = List.copyOf(domains);
        backends = List.copyOf(backends);
        requireNonNull(loadBalance, "loadBalance");
        weights = Collections.unmodifiableMap(new LinkedHashMap<>(weights));
    }

    /** The weight of a listed backend for {@code weighted}: the route's weight, else the backend's ([RTE-060]). */
    public int weightOf(BackendConfig backend) {
        Integer w = weights.get(backend.name());
        return w != null ? w : backend.effectiveWeight();
    }
}
