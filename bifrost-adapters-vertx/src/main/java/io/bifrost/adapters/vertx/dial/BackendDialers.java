package io.bifrost.adapters.vertx.dial;

import static java.util.Objects.requireNonNull;

import io.bifrost.adapters.vertx.net.StreamSocket;
import io.bifrost.core.backend.Backend;
import io.bifrost.core.backend.BackendStats;
import io.bifrost.core.traffic.ErrorCode;
import io.vertx.core.Future;
import java.time.InstantSource;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The dialers of the running backends by name, and the bookkeeping every dial shares ([BKD-050]): a dial counts as
 * an active connection from its start, a failure counts as an error with its code and detail, and the upstream
 * socket's bytes go to the backend's counters while it is open. Thread-safe.
 */
public final class BackendDialers {
    private final Map<String, UpstreamDialer> byName = new ConcurrentHashMap<>();
    private final InstantSource clock;

    public BackendDialers(Map<String, UpstreamDialer> dialers, InstantSource clock) {
        this.byName.putAll(dialers);
        this.clock = requireNonNull(clock, "clock");
    }

    public void put(String backend, UpstreamDialer dialer) {
        byName.put(requireNonNull(backend, "backend"), requireNonNull(dialer, "dialer"));
    }

    public void remove(String backend) {
        byName.remove(backend);
    }

    /** Dials {@code target} through {@code backend}; fails with {@link DialFailure} only. */
    public Future<Upstream> dial(Backend backend, DialTarget target) {
        UpstreamDialer dialer = byName.get(backend.name());
        if (dialer == null) {
            return Future.failedFuture(new DialFailure(ErrorCode.INTERNAL_ERROR,
                    "backend \"" + backend.name() + "\" has no dialer"));
        }
        BackendStats stats = backend.stats();
        stats.dialStarted();
        return dialer.dial(target).andThen(ar -> {
            if (ar.failed()) {
                DialFailure failure = ar.cause() instanceof DialFailure d ? d
                        : new DialFailure(ErrorCode.INTERNAL_ERROR, String.valueOf(ar.cause()));
                stats.dialFailed(failure.code().code(), failure.detail(), clock.instant());
            } else {
                StreamSocket socket = ar.result().socket();
                socket.counter(new BackendCounter(stats)).onClose(stats::connectionClosed);
            }
        }).recover(e -> Future.failedFuture(e instanceof DialFailure ? e
                : new DialFailure(ErrorCode.INTERNAL_ERROR, String.valueOf(e))));
    }

    /** Backend family of [GEN-006]: written to the upstream is "sent". */
    private record BackendCounter(BackendStats stats) implements StreamSocket.ByteCounter {
        @Override
        public void read(long n) {
            stats.addBytesReceived(n);
        }

        @Override
        public void written(long n) {
            stats.addBytesSent(n);
        }
    }
}
