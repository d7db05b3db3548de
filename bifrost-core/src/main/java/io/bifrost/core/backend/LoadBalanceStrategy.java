package io.bifrost.core.backend;

import java.util.Locale;
import java.util.Optional;

/** How a route chooses among its candidate backends ([RTE-060]). */
public enum LoadBalanceStrategy {
    ROUND_ROBIN,
    LEAST_CONN,
    IP_HASH,
    WEIGHTED,
    RANDOM;

    private final String wireName = name().toLowerCase(Locale.ROOT);

    /** Every spelling, for messages: {@code round_robin, least_conn, ip_hash, weighted, random}. */
    public static String allowedValues() {
        return java.util.Arrays.stream(values()).map(LoadBalanceStrategy::wireName)
                .collect(java.util.stream.Collectors.joining(", "));
    }

    /** The configuration and API spelling, e.g. {@code round_robin}. */
    public String wireName() {
        return wireName;
    }

    /** Parses the configuration spelling (case-sensitive, as written in the spec). */
    public static Optional<LoadBalanceStrategy> parse(String text) {
        for (LoadBalanceStrategy s : values()) {
            if (s.wireName.equals(text)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
