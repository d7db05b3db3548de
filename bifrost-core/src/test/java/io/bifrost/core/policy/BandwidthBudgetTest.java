package io.bifrost.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BandwidthBudgetTest {
    private final MutableClock clock = MutableClock.start();

    @ParameterizedTest(name = "{0} B/s → bucket {1} B")
    @CsvSource({"1, 16384", "1000, 16384", "16384, 16384", "16385, 16385", "1250000, 1250000"})
    void capacity_isOneSecondButAtLeast16KiB(long rate, long capacity) {
        assertThat(BandwidthBudget.create(rate, clock).capacityBytes()).isEqualTo(capacity);
    }

    @Test
    void consume_withinTheFullBucket_noPause() {
        BandwidthBudget budget = BandwidthBudget.create(100_000, clock);

        assertThat(budget.consume(60_000)).isZero();
        assertThat(budget.consume(40_000)).isZero();
    }

    @Test
    void consume_intoDebt_pausesUntilTheRatePaysItOff() {
        BandwidthBudget budget = BandwidthBudget.create(100_000, clock);
        budget.consume(100_000);

        assertThat(budget.consume(50_000)).isEqualTo(Duration.ofMillis(500));
        clock.advance(Duration.ofMillis(200));
        assertThat(budget.consume(0)).isEqualTo(Duration.ofMillis(300));
        clock.advance(Duration.ofMillis(300));
        assertThat(budget.consume(0)).isZero();
    }

    @Test
    void delayFor_answersWhatConsumeWouldWithoutConsuming() {
        BandwidthBudget budget = BandwidthBudget.create(20_000, clock); // bucket 20 000 B
        budget.consume(20_000);

        assertThat(budget.delayFor(5_000)).isEqualTo(Duration.ofMillis(250));
        assertThat(budget.delayFor(5_000)).isEqualTo(Duration.ofMillis(250));
        clock.advance(Duration.ofMillis(100)); // 2 000 B back
        assertThat(budget.delayFor(2_000)).isZero();
        assertThat(budget.delayFor(5_000)).isEqualTo(Duration.ofMillis(150));
        assertThat(budget.consume(5_000)).isEqualTo(Duration.ofMillis(150));
    }

    @Test
    void refill_isCappedAtTheBucket() {
        BandwidthBudget budget = BandwidthBudget.create(1_000, clock); // bucket 16 384 B
        clock.advance(Duration.ofHours(1));

        assertThat(budget.delayFor(16_384)).isZero();
        assertThat(budget.delayFor(17_384)).isEqualTo(Duration.ofSeconds(1));
    }

    /** [SEC-052]: over a 10 s window of a sustained transfer the average rate stays within 10 % of the limit. */
    @Test
    void sustainedTransfer_tenSecondWindows_stayNearTheLimit() {
        long rate = 1_250_000; // 10 Mbps
        int chunk = 64 * 1024;
        BandwidthBudget budget = BandwidthBudget.create(rate, clock);
        Instant start = clock.instant();
        List<long[]> passed = new ArrayList<>(); // {nanos since start, bytes}

        while (Duration.between(start, clock.instant()).toSeconds() < 40) {
            passed.add(new long[] {Duration.between(start, clock.instant()).toNanos(), chunk});
            clock.advance(budget.consume(chunk)); // a reader that pauses exactly as told
        }

        for (int from = 0; from <= 30; from += 5) {
            long lo = from * 1_000_000_000L;
            long hi = lo + 10_000_000_000L;
            long bytes = passed.stream().filter(p -> p[0] >= lo && p[0] < hi).mapToLong(p -> p[1]).sum();
            double average = bytes / 10.0;
            assertThat(average).as("window from %d s", from).isBetween(0.9 * rate, 1.1 * rate + chunk / 10.0);
            if (from > 0) { // past the initial full bucket the rate is the limit itself, give or take one chunk
                assertThat(average).as("window from %d s", from).isCloseTo(rate, within(chunk / 10.0));
            }
        }
    }

    @Test
    void create_andConsume_rejectNonsense() {
        assertThatIllegalArgumentException().isThrownBy(() -> BandwidthBudget.create(0, clock))
                .withMessage("bytesPerSecond: 0 (expected: >= 1)");
        BandwidthBudget budget = BandwidthBudget.create(1, clock);
        assertThatIllegalArgumentException().isThrownBy(() -> budget.consume(-1));
        assertThatIllegalArgumentException().isThrownBy(() -> budget.delayFor(-1));
    }
}
