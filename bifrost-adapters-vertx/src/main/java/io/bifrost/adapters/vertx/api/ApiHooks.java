package io.bifrost.adapters.vertx.api;

import static java.util.Objects.requireNonNull;

import io.bifrost.core.backend.BackendRegistry;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.function.BooleanSupplier;

/**
 * What other parts of the server lend the API: health state, probe details, test dials and the metrics document.
 * Immutable; every member is thread-safe and non-blocking.
 *
 * @param degraded whether any enabled, probed backend is unhealthy ([SAPI-010], [BKD-064])
 * @param probes probe details per backend ([BKD-050])
 * @param tester test dials ([SAPI-045])
 * @param metrics serves the metrics document on the API listener when {@code metrics.listen} is empty
 *     ([SAPI-320]); {@code null} when there is none
 */
public record ApiHooks(BooleanSupplier degraded, BackendProbeView probes, BackendTester tester,
        Handler<RoutingContext> metrics) {

    public ApiHooks {
        requireNonNull(degraded, "degraded");
        requireNonNull(probes, "probes");
        requireNonNull(tester, "tester");
    }

    /**
     * Hooks from what the core knows: {@code degraded} when a running backend with a probe is unhealthy, no test
     * dials, no metrics.
     */
    public static ApiHooks defaults(BackendProbeView probes, BackendRegistry backends) {
        requireNonNull(backends, "backends");
        BooleanSupplier degraded = () -> backends.all().stream()
                .anyMatch(b -> b.running() && !b.healthy() && probes.probe(b.name()).isPresent());
        return new ApiHooks(degraded, probes, BackendTester.unavailable(), null);
    }

    public ApiHooks withDegraded(BooleanSupplier degraded) {
        return new ApiHooks(degraded, probes, tester, metrics);
    }

    public ApiHooks withProbes(BackendProbeView probes) {
        return new ApiHooks(degraded, probes, tester, metrics);
    }

    public ApiHooks withTester(BackendTester tester) {
        return new ApiHooks(degraded, probes, tester, metrics);
    }

    public ApiHooks withMetrics(Handler<RoutingContext> metrics) {
        return new ApiHooks(degraded, probes, tester, metrics);
    }
}
