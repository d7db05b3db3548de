package io.bifrost.core.health;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;

/** The result of one health probe ([BKD-062]). */
public sealed interface ProbeOutcome {

    /** When the probe finished. */
    Instant at();

    /** How long the probe took. */
    Duration elapsed();

    boolean succeeded();

    static ProbeOutcome success(Instant at, Duration elapsed) {
        return new Success(at, elapsed);
    }

    static ProbeOutcome failure(Instant at, Duration elapsed, String reason) {
        return new Failure(at, elapsed, reason);
    }

    record Success(Instant at, Duration elapsed) implements ProbeOutcome {
        public Success {
            requireNonNull(at, "at");
            requireNonNull(elapsed, "elapsed");
        }

        @Override
        public boolean succeeded() {
            return true;
        }
    }

    /** @param reason short human text such as {@code connection refused} */
    record Failure(Instant at, Duration elapsed, String reason) implements ProbeOutcome {
        public Failure {
            requireNonNull(at, "at");
            requireNonNull(elapsed, "elapsed");
            requireNonNull(reason, "reason");
        }

        @Override
        public boolean succeeded() {
            return false;
        }
    }
}
