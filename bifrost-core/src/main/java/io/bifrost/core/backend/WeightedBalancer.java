package io.bifrost.core.backend;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Smooth weighted round robin ([RTE-060]), as nginx does it: every member's running score grows by its weight, the
 * highest score wins (ties to the first listed) and pays back the total. Weights {@code a=5, b=1, c=1} give
 * {@code a, a, b, a, c, a, a}. Scores are per backend name so they survive changes of the healthy set.
 */
final class WeightedBalancer implements LoadBalancer {
    private final Map<String, Integer> routeWeights;
    private final Map<String, Long> scores = new HashMap<>();

    WeightedBalancer(Map<String, Integer> routeWeights) {
        this.routeWeights = Map.copyOf(routeWeights);
    }

    @Override
    public synchronized Backend pick(List<Backend> set, String clientIp) {
        return choose(set, true);
    }

    @Override
    public synchronized Optional<Backend> peek(List<Backend> set, String clientIp) {
        return Optional.of(choose(set, false));
    }

    private Backend choose(List<Backend> set, boolean commit) {
        int[] weights = effectiveWeights(set);
        long total = 0;
        int winner = -1;
        long best = Long.MIN_VALUE;
        long[] next = new long[set.size()];
        for (int i = 0; i < set.size(); i++) {
            if (weights[i] == 0) {
                continue;
            }
            total += weights[i];
            next[i] = scores.getOrDefault(set.get(i).name(), 0L) + weights[i];
            if (next[i] > best) {
                best = next[i];
                winner = i;
            }
        }
        if (commit) {
            next[winner] -= total;
            for (int i = 0; i < set.size(); i++) {
                if (weights[i] != 0) {
                    scores.put(set.get(i).name(), next[i]);
                }
            }
        }
        return set.get(winner);
    }

    /** Route weight if present, else the backend's weight if > 0, else 1; all zero counts as all one. */
    private int[] effectiveWeights(List<Backend> set) {
        int[] w = new int[set.size()];
        boolean any = false;
        for (int i = 0; i < w.length; i++) {
            Backend b = set.get(i);
            Integer routeWeight = routeWeights.get(b.name());
            w[i] = routeWeight != null ? routeWeight : b.weight() > 0 ? b.weight() : 1;
            any |= w[i] > 0;
        }
        if (!any) {
            java.util.Arrays.fill(w, 1);
        }
        return w;
    }
}
