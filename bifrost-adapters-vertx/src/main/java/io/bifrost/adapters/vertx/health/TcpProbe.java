package io.bifrost.adapters.vertx.health;

import static java.util.Objects.requireNonNull;

import io.bifrost.core.config.EffectiveHealthCheck;
import io.bifrost.core.config.HostPort;
import io.bifrost.core.health.ProbeOutcome;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.ConnectOptions;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.NetSocket;
import java.time.InstantSource;

/**
 * The {@code tcp} probe ([BKD-062]): a TCP connection to {@code host:port} is established within {@code timeout}
 * (name resolution included, asynchronous), then closed. Success = connected. Thread-safe; never blocks.
 */
public final class TcpProbe implements HealthProbe {
    private final Vertx vertx;
    private final InstantSource clock;
    private final NetClient client; // a field: Vert.x 5 closes clients nothing references

    public TcpProbe(Vertx vertx, InstantSource clock) {
        this.vertx = requireNonNull(vertx, "vertx");
        this.clock = requireNonNull(clock, "clock");
        this.client = vertx.createNetClient(new NetClientOptions().setTcpNoDelay(true));
    }

    @Override
    public Future<ProbeOutcome> probe(EffectiveHealthCheck check) {
        long start = System.nanoTime();
        HostPort target;
        try {
            target = ProbeTargets.tcp(check.target());
        } catch (IllegalArgumentException e) {
            return Future.succeededFuture(Probes.failure(clock, start, e.getMessage()));
        }
        ConnectOptions options = new ConnectOptions().setHost(target.host()).setPort(target.port())
                .setTimeout((int) Math.min(Integer.MAX_VALUE, Math.max(1, check.timeout().toMillis())));
        Future<NetSocket> connected = Probes.bound(vertx, check.timeout(), client.connect(options), () -> { },
                NetSocket::close);
        return Probes.outcome(connected.onSuccess(NetSocket::close), clock, start,
                e -> ProbeFailures.describe(e, target.host(), check.timeout()));
    }

    @Override
    public Future<Void> close() {
        return client.close();
    }
}
