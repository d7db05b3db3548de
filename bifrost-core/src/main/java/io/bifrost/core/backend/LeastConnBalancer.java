package io.bifrost.core.backend;

import java.util.List;
import java.util.Optional;

/** The member with the fewest active connections, counted from the start of the dial; ties to the first listed. */
final class LeastConnBalancer implements LoadBalancer {

    @Override
    public Backend pick(List<Backend> set, String clientIp) {
        Backend best = set.get(0);
        long fewest = best.stats().activeConnections();
        for (int i = 1; i < set.size(); i++) {
            long active = set.get(i).stats().activeConnections();
            if (active < fewest) {
                best = set.get(i);
                fewest = active;
            }
        }
        return best;
    }

    @Override
    public Optional<Backend> peek(List<Backend> set, String clientIp) {
        return Optional.of(pick(set, clientIp));
    }
}
