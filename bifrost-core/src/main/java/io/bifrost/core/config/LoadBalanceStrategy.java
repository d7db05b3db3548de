package io.bifrost.core.config;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** How a route with several backends picks one ([RTE-060]). */
public enum LoadBalanceStrategy {
    ROUND_ROBIN("round_robin"),
    LEAST_CONN("least_conn"),
    IP_HASH("ip_hash"),
    WEIGHTED("weighted"),
    RANDOM("random");

    /** The accepted names for messages: {@code round_robin, least_conn, ip_hash, weighted, random}. */
    static final String ALLOWED = Arrays.stream(values()).map(LoadBalanceStrategy::wireName)
            .collect(Collectors.joining(", "));

    private final String wireName;

    LoadBalanceStrategy(String wireName) {
        this.wireName = wireName;
    }

    /** The configuration and API name, e.g. {@code least_conn}. */
    public String wireName() {
        return wireName;
    }

    /** The strategy named {@code name} (exact, case-sensitive); empty when unknown. */
    public static Optional<LoadBalanceStrategy> parse(String name) {
        requireNonNull(name, "name");
        return Arrays.stream(values()).filter(s -> s.wireName.equals(name)).findFirst();
    }
}
