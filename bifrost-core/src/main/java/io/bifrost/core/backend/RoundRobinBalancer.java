package io.bifrost.core.backend;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/** {@code set[counter mod len(set)]}, then the counter moves on; never reset when the set changes ([RTE-060]). */
final class RoundRobinBalancer implements LoadBalancer {
    private final AtomicLong counter = new AtomicLong();

    @Override
    public Backend pick(List<Backend> set, String clientIp) {
        return set.get((int) Math.floorMod(counter.getAndIncrement(), (long) set.size()));
    }

    @Override
    public Optional<Backend> peek(List<Backend> set, String clientIp) {
        return Optional.of(set.get((int) Math.floorMod(counter.get(), (long) set.size())));
    }
}
