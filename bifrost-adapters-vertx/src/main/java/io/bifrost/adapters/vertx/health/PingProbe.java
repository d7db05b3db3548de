package io.bifrost.adapters.vertx.health;

import static java.util.Objects.requireNonNull;

import io.bifrost.core.config.EffectiveHealthCheck;
import io.bifrost.core.health.ProbeOutcome;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code ping} probe ([BKD-062], a SHOULD): one ICMP echo to the target host; success = a reply within
 * {@code timeout}. It uses {@link InetAddress#isReachable(int)}, which blocks (and resolves names with the blocking
 * resolver), so it runs on a small worker pool of its own, never on an event loop and never starving other blocking
 * work.
 *
 * <p>When ICMP is not available to the process ({@link IcmpSupport}), every probe fails with
 * {@code ping not available} rather than letting the JDK fall back to a TCP connection to port 7, and a warning is
 * logged once, on the first probe (within a second of start-up, [BKD-063]). Thread-safe.
 */
public final class PingProbe implements HealthProbe {
    static final String NOT_AVAILABLE = "ping not available";
    private static final Logger LOG = LoggerFactory.getLogger(PingProbe.class);
    private static final int WORKERS = 4;

    private final InstantSource clock;
    private final boolean icmpAvailable;
    private final WorkerExecutor workers;
    private final AtomicBoolean warned = new AtomicBoolean();

    /** @param icmpAvailable usually {@link IcmpSupport#detect()} */
    public PingProbe(Vertx vertx, InstantSource clock, boolean icmpAvailable) {
        requireNonNull(vertx, "vertx");
        this.clock = requireNonNull(clock, "clock");
        this.icmpAvailable = icmpAvailable;
        this.workers = vertx.createSharedWorkerExecutor("bifrost-ping", WORKERS, 2, TimeUnit.MINUTES);
    }

    public boolean icmpAvailable() {
        return icmpAvailable;
    }

    @Override
    public Future<ProbeOutcome> probe(EffectiveHealthCheck check) {
        long start = System.nanoTime();
        if (!icmpAvailable) {
            if (warned.compareAndSet(false, true)) {
                LOG.warn("ping health checks: ICMP is not available to this process (it needs CAP_NET_RAW on Linux, "
                        + "root on macOS/BSD); every ping probe fails with \"{}\"", NOT_AVAILABLE);
            }
            return Future.succeededFuture(Probes.failure(clock, start, NOT_AVAILABLE));
        }
        String host = ProbeTargets.ping(check.target());
        Duration timeout = check.timeout();
        Future<Boolean> replied = workers.executeBlocking(() -> echo(host, timeout, start), false);
        Future<Boolean> healthy = replied.compose(ok -> ok ? Future.succeededFuture(true)
                : Future.failedFuture(new Probes.ProbeTimeoutException(timeout)));
        return Probes.outcome(healthy, clock, start, e -> ProbeFailures.describe(e, host, timeout));
    }

    /** Blocking: resolve, then one echo with what is left of the timeout. */
    private static boolean echo(String host, Duration timeout, long start) throws java.io.IOException {
        InetAddress address = InetAddress.getByName(host);
        long leftMs = timeout.toMillis() - Probes.since(start).toMillis();
        if (leftMs <= 0) {
            return false;
        }
        return address.isReachable((int) Math.min(Integer.MAX_VALUE, leftMs));
    }

    @Override
    public Future<Void> close() {
        return workers.close();
    }
}
