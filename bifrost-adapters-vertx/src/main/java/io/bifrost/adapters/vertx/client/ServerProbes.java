package io.bifrost.adapters.vertx.client;

import static java.util.Objects.requireNonNull;

import io.bifrost.core.client.ServerReachability;
import io.bifrost.core.client.UpstreamServer;
import io.bifrost.core.config.HostPort;
import io.bifrost.core.health.ProbeOutcome;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.net.ConnectOptions;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.function.Supplier;

/**
 * Probes the upstreams for reachability ([CAPI-010], [CAPI-040]): every {@code interval}, a TCP connection to each
 * upstream's address within {@code timeout}, then closed; results go to {@link ServerReachability}. Only the TCP
 * probe exists here: {@code server.health_check.type} {@code http} and {@code ping} are probed by TCP as well (the
 * backend health probes are not part of the adapters yet). Thread-safe; never blocks.
 */
final class ServerProbes {
    private final Vertx vertx;
    private final InstantSource clock;
    private final ServerReachability reachability;
    private final NetClient client; // a field: Vert.x 5 closes clients nothing references
    private long timer = -1;

    ServerProbes(Vertx vertx, InstantSource clock, ServerReachability reachability) {
        this.vertx = requireNonNull(vertx, "vertx");
        this.clock = requireNonNull(clock, "clock");
        this.reachability = requireNonNull(reachability, "reachability");
        this.client = vertx.createNetClient(new NetClientOptions().setTcpNoDelay(true));
    }

    /** Probes every upstream {@code upstreams} yields now, then again every {@code interval}. */
    synchronized void start(Duration interval, Duration timeout, Supplier<List<UpstreamServer>> upstreams) {
        Runnable round = () -> upstreams.get().forEach(u -> probe(u, timeout));
        round.run();
        timer = vertx.setPeriodic(Math.max(1, interval.toMillis()), id -> round.run());
    }

    synchronized void stop() {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
            timer = -1;
        }
    }

    /** One probe of {@code server}; the outcome is recorded, and returned. */
    Future<ProbeOutcome> probe(UpstreamServer server, Duration timeout) {
        long start = System.nanoTime();
        HostPort target = server.address();
        ConnectOptions options = new ConnectOptions().setHost(target.host()).setPort(target.port())
                .setTimeout((int) Math.min(Integer.MAX_VALUE, Math.max(1, timeout.toMillis())));
        Promise<ProbeOutcome> outcome = Promise.promise();
        long deadline = vertx.setTimer(Math.max(1, timeout.toMillis()), id -> outcome.tryComplete(
                ProbeOutcome.failure(clock.instant(), elapsed(start), "timed out after " + timeout.toMillis() + "ms")));
        client.connect(options).onComplete(ar -> {
            vertx.cancelTimer(deadline);
            if (ar.succeeded()) {
                ar.result().close();
                outcome.tryComplete(ProbeOutcome.success(clock.instant(), elapsed(start)));
            } else {
                outcome.tryComplete(ProbeOutcome.failure(clock.instant(), elapsed(start),
                        String.valueOf(ar.cause().getMessage())));
            }
        });
        return outcome.future().onSuccess(o -> reachability.probed(server, o));
    }

    private static Duration elapsed(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
