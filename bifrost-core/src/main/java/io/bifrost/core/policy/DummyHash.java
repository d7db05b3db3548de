package io.bifrost.core.policy;

import java.util.Collection;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The fixed bcrypt hash that unknown and disabled users are compared against ([SEC-033]). bcrypt keeps its cost in the
 * hash text ({@code $2a$12$<22 salt chars><31 hash chars>}), so one real hash with its cost field rewritten is a valid
 * hash of any cost: verifying against it costs exactly as much as verifying a real user's hash of that cost, and the
 * core needs no bcrypt code to produce it.
 */
final class DummyHash {
    /** Salt and digest of a real cost-12 bcrypt hash of a throw-away password; its plaintext does not matter. */
    private static final String SALT_AND_DIGEST = "RXGbhBtNH9ZKpjCQcxDdteHUZwaeyDUl/onMrZjfCLXWAk0UPj5gm";

    /** The cost of {@code bifrost-server hash-password} ([SEC-032]), used when no configured hash gives one. */
    static final int DEFAULT_COST = 12;

    private DummyHash() {}

    /** A dummy hash at the most common cost among {@code hashes} (ties: the higher cost), or the default cost. */
    static String matching(Collection<String> hashes) {
        int cost = hashes.stream()
                .map(DummyHash::costOf)
                .filter(c -> c > 0)
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()))
                .entrySet()
                .stream()
                .max(Map.Entry.<Integer, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey)
                .orElse(DEFAULT_COST);
        return ofCost(cost);
    }

    static String ofCost(int cost) {
        if (cost < 4 || cost > 31) {
            throw new IllegalArgumentException("cost: " + cost + " (expected: 4-31)");
        }
        return String.format("$2a$%02d$%s", cost, SALT_AND_DIGEST);
    }

    /** The cost of a {@code $2x$NN$...} hash, or -1 when the text does not have that shape. */
    static int costOf(String hash) {
        if (hash.length() < 7 || !hash.startsWith("$2") || hash.charAt(3) != '$' || hash.charAt(6) != '$') {
            return -1;
        }
        char tens = hash.charAt(4);
        char ones = hash.charAt(5);
        if (tens < '0' || tens > '9' || ones < '0' || ones > '9') {
            return -1;
        }
        int cost = (tens - '0') * 10 + (ones - '0');
        return cost >= 4 && cost <= 31 ? cost : -1;
    }
}
