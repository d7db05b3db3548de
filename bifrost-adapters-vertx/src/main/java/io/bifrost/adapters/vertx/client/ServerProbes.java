package io.bifrost.adapters.vertx.client;

import static java.util.Objects.requireNonNull;

import io.bifrost.adapters.vertx.health.HealthProbe;
import io.bifrost.core.client.ClientUpstreams;
import io.bifrost.core.client.ServerReachability;
import io.bifrost.core.client.UpstreamServer;
import io.bifrost.core.config.EffectiveHealthCheck;
import io.bifrost.core.config.HealthCheckConfig;
import io.bifrost.core.health.ProbeOutcome;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * Probes the upstreams for reachability ([CAPI-010], [CAPI-040]) with the settings of {@code server.health_check}
 * ([CFG-152]: {@code tcp} every 30 s within 5 s by default; {@code http} and {@code ping} as for backends,
 * [BKD-062]). The block's {@code target} applies to {@code default}; every other upstream is probed at its own
 * address. {@code server.health_check} is restart-only ([CFG-085]), so the settings are those of start-up; the list
 * of upstreams is read anew for every round. Results go to {@link ServerReachability}. Thread-safe; never blocks.
 */
final class ServerProbes {
    private final Vertx vertx;
    private final HealthProbe probe;
    private final ServerReachability reachability;
    private final HealthCheckConfig settings;
    private long timer = -1;

    /** @param settings {@code server.health_check} as written, or {@code null} for the defaults */
    ServerProbes(Vertx vertx, HealthProbe probe, ServerReachability reachability, HealthCheckConfig settings) {
        this.vertx = requireNonNull(vertx, "vertx");
        this.probe = requireNonNull(probe, "probe");
        this.reachability = requireNonNull(reachability, "reachability");
        this.settings = settings;
    }

    /** Probes every upstream {@code upstreams} yields now, then again every {@code interval}. */
    synchronized void start(Supplier<List<UpstreamServer>> upstreams) {
        Runnable round = () -> upstreams.get().forEach(this::probe);
        round.run();
        Duration interval = settings != null && settings.interval() != null ? settings.interval()
                : HealthCheckConfig.DEFAULT_INTERVAL;
        timer = vertx.setPeriodic(Math.max(1, interval.toMillis()), id -> round.run());
    }

    /** Stops the rounds and releases the probes' clients. */
    synchronized Future<Void> stop() {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
            timer = -1;
        }
        return probe.close();
    }

    /** One probe of {@code server} with the configured timeout; recorded, and returned. */
    Future<ProbeOutcome> probe(UpstreamServer server) {
        return probe(server, check(server).timeout());
    }

    /** One probe of {@code server} bounded by {@code timeout}; recorded, and returned. */
    Future<ProbeOutcome> probe(UpstreamServer server, Duration timeout) {
        EffectiveHealthCheck c = check(server);
        EffectiveHealthCheck bounded = new EffectiveHealthCheck(c.type(), c.interval(), timeout, c.target(), c.path(),
                c.scheme(), c.insecureSkipVerify(), c.healthyThreshold(), c.unhealthyThreshold());
        return probe.probe(bounded).onSuccess(outcome -> reachability.probed(server, outcome));
    }

    private EffectiveHealthCheck check(UpstreamServer server) {
        HealthCheckConfig own = settings;
        if (own != null && !server.name().equals(ClientUpstreams.DEFAULT_NAME)) {
            own = new HealthCheckConfig(own.type(), own.interval(), own.timeout(), null, own.path(), own.scheme(),
                    own.insecureSkipVerify(), own.healthyThreshold(), own.unhealthyThreshold());
        }
        return HealthCheckConfig.effective(HealthCheckConfig.empty(), own, server.address()).orElseThrow();
    }
}
