package io.bifrost.adapters.vertx.health;

import io.bifrost.core.config.EffectiveHealthCheck;
import io.bifrost.core.health.ProbeOutcome;
import io.vertx.core.Future;

/**
 * Runs one health probe ([BKD-062]). The future always succeeds, within the check's {@code timeout} (plus timer
 * slack): a failed probe is a {@link ProbeOutcome.Failure} with a short reason such as {@code connection refused},
 * {@code timeout after 5s} or {@code HTTP 503}. Implementations are thread-safe and never block the calling event
 * loop.
 */
@FunctionalInterface
public interface HealthProbe {

    Future<ProbeOutcome> probe(EffectiveHealthCheck check);

    /** Releases the clients this probe holds; the probe is not used afterwards. */
    default Future<Void> close() {
        return Future.succeededFuture();
    }
}
