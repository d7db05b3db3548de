package io.bifrost.adapters.vertx.api;

import static java.util.Objects.requireNonNull;

import io.bifrost.core.backend.Backend;
import io.bifrost.core.backend.BackendRegistry;
import io.bifrost.core.config.ServerConfig;
import io.bifrost.core.health.HealthState;
import io.bifrost.core.health.ProbeOutcome;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What the API shows about backends' health probes: a seam for the health-check machinery, which knows more (e.g.
 * the latency of the last <em>successful</em> probe even after failures). Implementations are thread-safe and
 * non-blocking: the API calls them on its event loop.
 */
@FunctionalInterface
public interface BackendProbeView {

    /** The probe of a running backend, or empty when it has none ([BKD-061]) or does not run. */
    Optional<ProbeStatus> probe(String backend);

    /**
     * A view built from the configured probe ({@link ServerConfig#healthCheckOf}) and each backend's
     * {@link io.bifrost.core.health.HealthTracker} state. {@code latency} is the last probe's when it succeeded.
     */
    static BackendProbeView fromTrackers(Supplier<ServerConfig> config, BackendRegistry backends) {
        requireNonNull(config, "config");
        requireNonNull(backends, "backends");
        return name -> {
            Optional<Backend> backend = backends.find(name).filter(Backend::running);
            if (backend.isEmpty()) {
                return Optional.empty();
            }
            ServerConfig c = config.get();
            return c.backend(name).flatMap(c::healthCheckOf).map(check -> {
                HealthState state = backend.get().health().state();
                ProbeOutcome last = state.last();
                String error = last instanceof ProbeOutcome.Failure f ? f.reason() : null;
                return new ProbeStatus(check.type().wireName(), check.target(), check.interval(),
                        last == null ? null : last.at(), last == null ? null : last.succeeded(), error,
                        state.consecutiveSuccesses(), state.consecutiveFailures(),
                        last != null && last.succeeded() ? last.elapsed() : null);
            });
        };
    }
}
