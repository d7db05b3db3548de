package io.bifrost.adapters.vertx.health;

import static java.util.Objects.requireNonNull;

import io.bifrost.core.config.EffectiveHealthCheck;
import io.bifrost.core.health.ProbeOutcome;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.InstantSource;

/** The probe of each type of [BKD-062], behind one {@link HealthProbe}. Thread-safe. */
public final class HealthProbes implements HealthProbe {
    private final TcpProbe tcp;
    private final HttpProbe http;
    private final PingProbe ping;

    public HealthProbes(TcpProbe tcp, HttpProbe http, PingProbe ping) {
        this.tcp = requireNonNull(tcp, "tcp");
        this.http = requireNonNull(http, "http");
        this.ping = requireNonNull(ping, "ping");
    }

    /**
     * The server's probes: {@code https} verified against the runtime's default trust store, ICMP availability
     * detected by {@link IcmpSupport#detect()}.
     *
     * @param version Bifrost's version for the {@code http} probe's {@code User-Agent}
     */
    public static HealthProbes create(Vertx vertx, InstantSource clock, String version) {
        return new HealthProbes(new TcpProbe(vertx, clock), new HttpProbe(vertx, clock, version, null),
                new PingProbe(vertx, clock, IcmpSupport.detect()));
    }

    @Override
    public Future<ProbeOutcome> probe(EffectiveHealthCheck check) {
        return switch (check.type()) {
            case TCP -> tcp.probe(check);
            case HTTP -> http.probe(check);
            case PING -> ping.probe(check);
        };
    }

    @Override
    public Future<Void> close() {
        return Future.join(tcp.close(), http.close(), ping.close()).mapEmpty();
    }
}
