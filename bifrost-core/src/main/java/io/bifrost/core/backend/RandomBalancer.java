package io.bifrost.core.backend;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/** A uniformly random member ([RTE-060]). */
final class RandomBalancer implements LoadBalancer {
    private final RandomGenerator random;

    RandomBalancer(RandomGenerator random) {
        this.random = requireNonNull(random, "random");
    }

    @Override
    public Backend pick(List<Backend> set, String clientIp) {
        return set.get(random.nextInt(set.size()));
    }

    @Override
    public Optional<Backend> peek(List<Backend> set, String clientIp) {
        return Optional.empty();
    }
}
