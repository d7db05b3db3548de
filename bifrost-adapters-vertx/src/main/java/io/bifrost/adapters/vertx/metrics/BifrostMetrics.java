package io.bifrost.adapters.vertx.metrics;

import static java.util.Objects.requireNonNull;

import io.bifrost.core.event.ConfigReloaded;
import io.bifrost.core.event.ConnectionClosed;
import io.bifrost.core.event.ProxyEvent;
import io.bifrost.core.event.RequestCompleted;
import io.bifrost.core.port.out.EventSink;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.time.Instant;

/**
 * The metrics of one server ([SAPI-321]) in a Prometheus registry of its own (not Micrometer's global one, so that
 * several servers can run in one JVM, as tests do). As an {@link EventSink} it counts requests and connection
 * lifetimes; everything else is read from the counters the data path keeps anyway, at scrape time, or every
 * {@code metrics.collection_interval} by {@link #sample()} for the sampled gauges (backend health, latency and
 * connections). JVM and process figures come from Micrometer's standard binders ({@code jvm_*}, {@code process_*},
 * {@code system_cpu_*}). Thread-safe; {@link #publish} never blocks.
 */
public final class BifrostMetrics implements EventSink {
    /** The Prometheus text exposition format of [SAPI-320]. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final MetricsSources sources;
    private final Instant startedAt;
    private final RequestMeters requests;
    private final RefusalMeters refusals;
    private final ConnectionMeters connections;
    private final BackendMeters backends;
    private final RouteMeters routes;
    private final Counter reloadsSucceeded;
    private final Counter reloadsFailed;
    private final JvmGcMetrics gc = new JvmGcMetrics();

    private BifrostMetrics(MetricsSources sources) {
        this.sources = requireNonNull(sources, "sources");
        this.startedAt = sources.clock().instant();
        this.requests = new RequestMeters(registry);
        this.refusals = new RefusalMeters(registry, sources.policies(), sources.auth());
        this.connections = new ConnectionMeters(registry, sources.http(), sources.socks5());
        this.backends = new BackendMeters(registry, sources.backends());
        this.routes = new RouteMeters(registry, sources.routes());
        process(registry);
        reloadsSucceeded = reloads("success");
        reloadsFailed = reloads("failure");
        sample();
    }

    /** Registers every meter and takes the first sample. */
    public static BifrostMetrics create(MetricsSources sources) {
        return new BifrostMetrics(sources);
    }

    private void process(MeterRegistry r) {
        Gauge.builder("bifrost.build.info", () -> 1).description("Bifrost build information (always 1).")
                .tags("version", sources.version(), "java_version", System.getProperty("java.version", "unknown"))
                .register(r);
        Gauge.builder("bifrost.uptime", () -> Duration.between(startedAt, sources.clock().instant()).toMillis() / 1e3)
                .baseUnit("seconds").description("Time since the server started.").register(r);
        FunctionCounter.builder("bifrost.access.log.dropped", sources, s -> s.accessLogDropped().getAsLong())
                .description("Access-log records dropped because the log queue was full.").register(r);
        Gauge.builder("bifrost.websocket.clients", sources, s -> s.websocketClients().getAsInt())
                .description("Connected WebSocket event subscribers.").register(r);
        new JvmMemoryMetrics().bindTo(r);
        gc.bindTo(r);
        new JvmThreadMetrics().bindTo(r);
        new ClassLoaderMetrics().bindTo(r);
        new ProcessorMetrics().bindTo(r);
        new FileDescriptorMetrics().bindTo(r);
        new UptimeMetrics().bindTo(r);
    }

    private Counter reloads(String result) {
        return Counter.builder("bifrost.config.reloads").description("Configuration reloads, by result.")
                .tag("result", result).register(registry);
    }

    @Override
    public void publish(ProxyEvent event) {
        if (event instanceof RequestCompleted completed) {
            requests.record(completed.record());
            refusals.record(completed.record());
        } else if (event instanceof ConnectionClosed closed) {
            connections.closed(closed);
        } else if (event instanceof ConfigReloaded reloaded) {
            configReloaded(reloaded.success());
        }
    }

    /** Refreshes the sampled gauges and discovers new backends and routes; cheap, non-blocking. */
    public void sample() {
        backends.sample();
        routes.sample();
    }

    /** The whole registry in the Prometheus text format ({@link #CONTENT_TYPE}); a few milliseconds of CPU. */
    public String scrape() {
        return registry.scrape();
    }

    /** The registry, for meters of other components (e.g. the management API). */
    public MeterRegistry registry() {
        return registry;
    }

    /** Counts one configuration reload ({@code bifrost_config_reloads_total{result}}). */
    public void configReloaded(boolean success) {
        (success ? reloadsSucceeded : reloadsFailed).increment();
    }

    /** Stops the GC listener and closes the registry. */
    public void close() {
        gc.close();
        registry.close();
    }
}
