package io.bifrost.adapters.vertx.net;

import static java.util.Objects.requireNonNull;

import io.bifrost.core.policy.BandwidthBudget;
import io.vertx.core.Vertx;
import java.time.Duration;

/**
 * Paces one direction of one proxied connection ([SEC-052]). The relay reports every chunk it forwards; when the
 * chunk overdraws the budget the relay stops reading its source (back-pressure: nothing is dropped, the sender's TCP
 * window closes) and the throttle resumes it with a timer once the rate has paid the debt off.
 *
 * <p>{@link #unlimited()} answers {@code false} and does nothing else, so an unlimited connection pays one virtual
 * call per chunk. Not thread-safe: one direction of one connection lives on one event loop.
 */
public interface Throttle {

    /**
     * Accounts for {@code bytes} that were just forwarded. While this answers {@code true} the caller keeps its
     * source paused; chunks that still arrive meanwhile are reported too (they deepen the debt and answer
     * {@code true} again).
     *
     * @param resume run on the calling event loop once the debt is paid off; when several callers share a throttle
     *     (the requests of one persistent connection), the most recent one's {@code resume} is the one run
     * @return {@code true} when the caller must stop reading until {@code resume} runs
     */
    boolean consume(int bytes, Runnable resume);

    /** Whether this throttle may ever pause its direction ({@code false} only for {@link #unlimited()}). */
    boolean paces();

    /** Never pauses. */
    static Throttle unlimited() {
        return Unlimited.INSTANCE;
    }

    /** At most {@code budget}'s rate on average, after a first burst of one bucket ({@link BandwidthBudget}). */
    static Throttle of(BandwidthBudget budget, Vertx vertx) {
        return new Limited(budget, vertx);
    }

    /** The no-op throttle. */
    final class Unlimited implements Throttle {
        private static final Unlimited INSTANCE = new Unlimited();

        private Unlimited() {}

        @Override
        public boolean consume(int bytes, Runnable resume) {
            return false;
        }

        @Override
        public boolean paces() {
            return false;
        }
    }

    /** A token bucket of bytes, with one Vert.x timer at a time for the pauses. */
    final class Limited implements Throttle {
        private final BandwidthBudget budget;
        private final Vertx vertx;
        private Runnable resume;
        private boolean waiting;

        private Limited(BandwidthBudget budget, Vertx vertx) {
            this.budget = requireNonNull(budget, "budget");
            this.vertx = requireNonNull(vertx, "vertx");
        }

        @Override
        public boolean paces() {
            return true;
        }

        @Override
        public boolean consume(int bytes, Runnable resume) {
            Duration wait = budget.consume(bytes);
            if (waiting) {
                this.resume = resume;
                return true; // the pending timer looks at the debt again before resuming
            }
            if (wait.isZero()) {
                return false;
            }
            this.resume = resume;
            waiting = true;
            resumeAfter(wait);
            return true;
        }

        private void resumeAfter(Duration wait) {
            // Vert.x timers have millisecond resolution; rounding up keeps the average rate at or under the limit
            long millis = Math.max(1, (wait.toNanos() + 999_999) / 1_000_000);
            vertx.setTimer(millis, id -> { // a timer set on an event loop fires on that event loop
                Duration more = budget.delayFor(0);
                if (!more.isZero()) {
                    resumeAfter(more); // chunks that arrived while paused deepened the debt
                    return;
                }
                waiting = false;
                Runnable r = resume;
                resume = null;
                r.run();
            });
        }

        public long bytesPerSecond() {
            return budget.bytesPerSecond();
        }
    }
}
