package io.bifrost.core.policy;

import static io.bifrost.core.policy.AccessControlTest.ip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.bifrost.core.policy.RateDecision.Limited;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RateLimiterTest {
    private static final RateLimitKey KEY = RateLimitKey.ip(ip("192.0.2.44"));

    private final MutableClock clock = MutableClock.start();

    @Test
    void tryAcquire_freshBucket_admitsBurstThenLimits() {
        RateLimiter limiter = RateLimiter.create(1, 3, clock);

        assertThat(acquireTimes(limiter, KEY, 3)).allMatch(RateDecision::isAdmitted);
        assertThat(limiter.tryAcquire(KEY)).isEqualTo(new Limited(1));
    }

    @Test
    void tryAcquire_refillsContinuouslyUpToBurst() {
        RateLimiter limiter = RateLimiter.create(2, 4, clock);
        acquireTimes(limiter, KEY, 4);

        clock.advance(Duration.ofMillis(499));
        assertThat(limiter.tryAcquire(KEY).isAdmitted()).isFalse();
        clock.advance(Duration.ofMillis(1));
        assertThat(limiter.tryAcquire(KEY).isAdmitted()).isTrue();
        assertThat(limiter.tryAcquire(KEY).isAdmitted()).isFalse();

        clock.advance(Duration.ofHours(1));
        assertThat(acquireTimes(limiter, KEY, 5)).extracting(RateDecision::isAdmitted)
                .containsExactly(true, true, true, true, false);
    }

    @ParameterizedTest(name = "{0}/s, {1} ms after draining → Retry-After {2}")
    @CsvSource({
            "10,    0,     1",
            "1,     0,     1",
            "1,     999,   1",
            "0.5,   0,     2",
            "0.5,   1,     2",
            "0.5,   1001,  1",
            "0.3,   0,     4",
            "0.25,  1000,  3",
            "0.01,  0,     100",
    })
    void tryAcquire_empty_retryAfterIsSecondsToOneTokenRoundedUp(double rate, long millis, long retryAfter) {
        RateLimiter limiter = RateLimiter.create(rate, 1, clock);
        limiter.tryAcquire(KEY);

        clock.advance(Duration.ofMillis(millis));

        assertThat(limiter.tryAcquire(KEY)).isEqualTo(new Limited(retryAfter));
    }

    @Test
    void tryAcquire_keysHaveSeparateBuckets() {
        RateLimiter limiter = RateLimiter.create(1, 1, clock);

        assertThat(limiter.tryAcquire(RateLimitKey.ip(ip("192.0.2.1"))).isAdmitted()).isTrue();
        assertThat(limiter.tryAcquire(RateLimitKey.ip(ip("192.0.2.2"))).isAdmitted()).isTrue();
        assertThat(limiter.tryAcquire(RateLimitKey.anon(ip("192.0.2.1"))).isAdmitted()).isTrue();
        assertThat(limiter.tryAcquire(RateLimitKey.user("192.0.2.1")).isAdmitted()).isTrue();
        assertThat(limiter.tryAcquire(RateLimitKey.ip(ip("::ffff:192.0.2.1"))).isAdmitted()).isFalse();
        assertThat(limiter.size()).isEqualTo(4);
    }

    @Test
    void tryAcquire_clockStepsBack_refillsNothingExtra() {
        RateLimiter limiter = RateLimiter.create(1, 1, clock);
        limiter.tryAcquire(KEY);
        Instant drainedAt = clock.instant();

        clock.set(drainedAt.minusSeconds(30));
        assertThat(limiter.tryAcquire(KEY).isAdmitted()).isFalse();
        clock.set(drainedAt.plusMillis(999));
        assertThat(limiter.tryAcquire(KEY).isAdmitted()).isFalse();
        clock.set(drainedAt.plusSeconds(1));
        assertThat(limiter.tryAcquire(KEY).isAdmitted()).isTrue();
    }

    @Test
    void sweep_dropsOnlyBucketsThatAreFullAgain() {
        RateLimiter limiter = RateLimiter.create(1, 10, clock);
        RateLimitKey busy = RateLimitKey.user("busy");
        limiter.tryAcquire(KEY);                       // 9 of 10 left: full again after 1 s
        acquireTimes(limiter, busy, 10);               // 0 of 10 left: full again after 10 s

        clock.advance(Duration.ofMillis(999));
        assertThat(limiter.sweep()).isZero();
        clock.advance(Duration.ofMillis(1));
        assertThat(limiter.sweep()).isEqualTo(1);
        assertThat(limiter.size()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(9));
        assertThat(limiter.sweep()).isEqualTo(1);
        assertThat(limiter.size()).isZero();
        assertThat(acquireTimes(limiter, busy, 10)).as("a dropped bucket comes back full")
                .allMatch(RateDecision::isAdmitted);
    }

    @Test
    void key_textAndMetricType() {
        assertThat(RateLimitKey.ip(ip("::ffff:192.0.2.1"))).hasToString("ip:192.0.2.1");
        assertThat(RateLimitKey.anon(ip("2001:DB8::1"))).hasToString("anon:2001:db8::1");
        assertThat(RateLimitKey.user("alice")).hasToString("user:alice");
        assertThat(RateLimitKey.Kind.IP.metricType()).isEqualTo("ip");
        assertThat(RateLimitKey.Kind.USER.metricType()).isEqualTo("user");
        assertThat(RateLimitKey.Kind.ANON.metricType()).isEqualTo("user");
    }

    @Test
    void create_invalidSettings_rejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> RateLimiter.create(0, 1, clock))
                .withMessage("requestsPerSecond: 0.0 (expected: > 0)");
        assertThatIllegalArgumentException().isThrownBy(() -> RateLimiter.create(Double.NaN, 1, clock));
        assertThatIllegalArgumentException().isThrownBy(() -> RateLimiter.create(Double.POSITIVE_INFINITY, 1, clock));
        assertThatIllegalArgumentException().isThrownBy(() -> RateLimiter.create(1, 0, clock))
                .withMessage("burstSize: 0 (expected: >= 1)");
    }

    @Test
    void tryAcquire_concurrentOnFrozenClock_admitsExactlyTheBurstPerKey() throws Exception {
        RateLimiter limiter = RateLimiter.create(100, 200, clock);
        List<RateLimitKey> keys = List.of(KEY, RateLimitKey.user("alice"), RateLimitKey.anon(ip("2001:db8::7")));

        long admitted = hammer(8, 3_000, i -> limiter.tryAcquire(keys.get(i % keys.size())));

        assertThat(admitted).isEqualTo(200L * keys.size());
    }

    @Test
    void tryAcquire_concurrentWhileTimePasses_admitsAtMostBurstPlusRefill() throws Exception {
        AtomicLong ticks = new AtomicLong();
        Instant start = Instant.parse("2025-01-01T00:00:00Z");
        InstantSource ticking = () -> start.plusNanos(ticks.getAndIncrement() * 10_000); // 10 µs per reading
        RateLimiter limiter = RateLimiter.create(1_000, 50, ticking);

        long admitted = hammer(8, 5_000, i -> limiter.tryAcquire(KEY));

        double elapsedSeconds = ticks.get() * 10_000 / 1e9; // 40 000 readings → 0.4 s → at most 400 refilled
        assertThat(admitted).isLessThanOrEqualTo((long) (50 + 1_000 * elapsedSeconds)).isGreaterThan(50);
    }

    /** Runs {@code perThread} calls on each of {@code threads} threads at once; returns how many were admitted. */
    private static long hammer(int threads, int perThread, java.util.function.IntFunction<RateDecision> call)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Callable<Long>> tasks = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                tasks.add(() -> {
                    long ok = 0;
                    for (int i = 0; i < perThread; i++) {
                        ok += call.apply(i).isAdmitted() ? 1 : 0;
                    }
                    return ok;
                });
            }
            long total = 0;
            for (Future<Long> result : pool.invokeAll(tasks)) {
                total += result.get();
            }
            return total;
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<RateDecision> acquireTimes(RateLimiter limiter, RateLimitKey key, int times) {
        List<RateDecision> decisions = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            decisions.add(limiter.tryAcquire(key));
        }
        return decisions;
    }
}
