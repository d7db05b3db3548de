package io.bifrost.core.backend;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class LoadBalancerTest {
    private static final RandomGenerator SEEDED = new SplittableRandom(42);

    @Test
    void roundRobin_allHealthy_cyclesInListedOrder() {
        LoadBalancer lb = LoadBalancer.create(LoadBalanceStrategy.ROUND_ROBIN, Map.of(), SEEDED);
        List<Backend> set = TestBackends.running("a", "b", "c");

        assertThat(picks(lb, set, 7)).containsExactly("a", "b", "c", "a", "b", "c", "a");
    }

    @Test
    void roundRobin_setShrinks_counterIsNotReset() {
        LoadBalancer lb = LoadBalancer.create(LoadBalanceStrategy.ROUND_ROBIN, Map.of(), SEEDED);
        List<Backend> abc = TestBackends.running("a", "b", "c");
        lb.pick(abc, "x");
        lb.pick(abc, "x");
        lb.pick(abc, "x"); // counter is now 3

        assertThat(lb.pick(abc.subList(0, 2), "x").name()).isEqualTo("b"); // 3 mod 2
    }

    @Test
    void peek_doesNotAdvanceState() {
        LoadBalancer lb = LoadBalancer.create(LoadBalanceStrategy.ROUND_ROBIN, Map.of(), SEEDED);
        List<Backend> set = TestBackends.running("a", "b");

        assertThat(lb.peek(set, "x")).get().extracting(Backend::name).isEqualTo("a");
        assertThat(lb.peek(set, "x")).get().extracting(Backend::name).isEqualTo("a");
        assertThat(lb.pick(set, "x").name()).isEqualTo("a");
        assertThat(lb.peek(set, "x")).get().extracting(Backend::name).isEqualTo("b");
    }

    @Test
    void weighted_fiveOneOne_isTheSmoothSequenceOfTheSpec() {
        LoadBalancer lb = LoadBalancer.create(LoadBalanceStrategy.WEIGHTED, Map.of("a", 5, "b", 1, "c", 1), SEEDED);
        List<Backend> set = TestBackends.running("a", "b", "c");

        assertThat(picks(lb, set, 14)).containsExactly("a", "a", "b", "a", "c", "a", "a", "a", "a", "b", "a", "c",
                "a", "a");
    }

    @Test
    void weighted_backendWeightIsTheDefault_zeroRouteWeightIsSkipped() {
        List<Backend> set = List.of(TestBackends.running("a", 3), TestBackends.running("b", 0),
                TestBackends.running("c", 2));
        LoadBalancer lb = LoadBalancer.create(LoadBalanceStrategy.WEIGHTED, Map.of("c", 0), SEEDED);

        Map<String, Integer> counts = counts(picks(lb, set, 40));

        assertThat(counts).containsEntry("a", 30).containsEntry("b", 10).doesNotContainKey("c");
    }

    @Test
    void weighted_allWeightsZero_countAsOne() {
        LoadBalancer lb = LoadBalancer.create(LoadBalanceStrategy.WEIGHTED, Map.of("a", 0, "b", 0), SEEDED);

        assertThat(picks(lb, TestBackends.running("a", "b"), 4)).containsExactly("a", "b", "a", "b");
    }

    @Test
    void ipHash_specExample_picksIndexTwoOfThree() {
        assertThat(IpHashBalancer.fnv1a32("192.0.2.10")).isEqualTo(1001321528L);
        LoadBalancer lb = LoadBalancer.create(LoadBalanceStrategy.IP_HASH, Map.of(), SEEDED);

        assertThat(lb.pick(TestBackends.running("a", "b", "c"), "192.0.2.10").name()).isEqualTo("c");
        assertThat(lb.pick(TestBackends.running("a", "b", "c"), "192.0.2.10").name()).isEqualTo("c");
    }

    @Test
    void leastConn_fewestActiveWins_tiesToFirstListed() {
        List<Backend> set = TestBackends.running("a", "b", "c");
        set.get(0).stats().dialStarted();
        set.get(0).stats().dialStarted();
        set.get(1).stats().dialStarted();
        set.get(2).stats().dialStarted();
        LoadBalancer lb = LoadBalancer.create(LoadBalanceStrategy.LEAST_CONN, Map.of(), SEEDED);

        assertThat(lb.pick(set, "x").name()).isEqualTo("b");
        set.get(1).stats().dialStarted();
        assertThat(lb.pick(set, "x").name()).isEqualTo("c");
    }

    @Test
    void random_seeded_coversEveryMemberAndCannotBePeeked() {
        LoadBalancer lb = LoadBalancer.create(LoadBalanceStrategy.RANDOM, Map.of(), new SplittableRandom(7));
        List<Backend> set = TestBackends.running("a", "b", "c");

        assertThat(counts(picks(lb, set, 300))).containsOnlyKeys("a", "b", "c")
                .allSatisfy((name, n) -> assertThat(n).isBetween(70, 130));
        assertThat(lb.peek(set, "x")).isEmpty();
    }

    private static List<String> picks(LoadBalancer lb, List<Backend> set, int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(lb.pick(set, "198.51.100.1").name());
        }
        return out;
    }

    private static Map<String, Integer> counts(List<String> picks) {
        Map<String, Integer> counts = new HashMap<>();
        picks.forEach(p -> counts.merge(p, 1, Integer::sum));
        return counts;
    }
}
