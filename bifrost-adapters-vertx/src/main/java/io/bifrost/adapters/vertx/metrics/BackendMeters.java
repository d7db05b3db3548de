package io.bifrost.adapters.vertx.metrics;

import static java.util.Objects.requireNonNull;

import io.bifrost.core.backend.Backend;
import io.bifrost.core.backend.BackendRegistry;
import io.bifrost.core.backend.BackendStats;
import io.bifrost.core.health.HealthState;
import io.bifrost.core.health.ProbeOutcome;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Per-backend meters. Health, latency and active connections are sampled ({@link #sample()}, every
 * {@code metrics.collection_interval}, [SAPI-321]); byte counters are read at scrape time. The backend set may change
 * at run time ([BKD-090], [BKD-091]): each sample registers meters for new backends and removes those of backends
 * that are gone, or that were replaced by a new backend of the same name (whose counters start again at 0).
 * {@link #sample()} is called by one thread at a time; the sampled values are read by scrapes on others.
 */
final class BackendMeters {
    private final MeterRegistry registry;
    private final BackendRegistry backends;
    private final Map<String, Sampled> byName = new HashMap<>();

    BackendMeters(MeterRegistry registry, BackendRegistry backends) {
        this.registry = requireNonNull(registry, "registry");
        this.backends = requireNonNull(backends, "backends");
    }

    synchronized void sample() {
        Map<String, Backend> current = new HashMap<>();
        for (Backend b : backends.all()) {
            current.put(b.name(), b);
        }
        byName.entrySet().removeIf(e -> {
            boolean gone = current.get(e.getKey()) != e.getValue().backend;
            if (gone) {
                e.getValue().meters.forEach(registry::remove);
            }
            return gone;
        });
        for (Backend b : current.values()) {
            byName.computeIfAbsent(b.name(), n -> new Sampled(b)).refresh();
        }
    }

    /** The sampled values of one backend and the meters that show them. */
    private final class Sampled {
        final Backend backend;
        final List<Meter> meters = new ArrayList<>(5);
        volatile double healthy;
        volatile double connections;
        volatile double latencySeconds = Double.NaN;

        Sampled(Backend backend) {
            this.backend = backend;
            String name = backend.name();
            BackendStats stats = backend.stats();
            meters.add(Gauge.builder("bifrost.backend.health", this, s -> s.healthy)
                    .description("Backend health (1 healthy, 0 unhealthy).")
                    .tags("backend", name, "type", backend.type()).register(registry));
            meters.add(Gauge.builder("bifrost.backend.connections", this, s -> s.connections)
                    .description("Active upstream connections through the backend.").tag("backend", name)
                    .register(registry));
            meters.add(FunctionCounter.builder("bifrost.bytes.sent", stats, BackendStats::bytesSent)
                    .description("Bytes written to upstreams through the backend.").tag("backend", name)
                    .register(registry));
            meters.add(FunctionCounter.builder("bifrost.bytes.received", stats, BackendStats::bytesReceived)
                    .description("Bytes read from upstreams through the backend.").tag("backend", name)
                    .register(registry));
        }

        void refresh() {
            healthy = backend.healthy() ? 1 : 0;
            connections = backend.stats().activeConnections();
            HealthState state = backend.health().state();
            ProbeOutcome last = state.last();
            if (last != null && last.succeeded()) {
                boolean first = Double.isNaN(latencySeconds);
                latencySeconds = last.elapsed().toNanos() / 1e9;
                if (first) { // shown from the first successful probe on, never as NaN
                    meters.add(Gauge.builder("bifrost.backend.latency", this, s -> s.latencySeconds)
                            .baseUnit("seconds").description("Duration of the last successful health probe.")
                            .tag("backend", backend.name()).register(registry));
                }
            }
        }
    }
}
