package io.bifrost.adapters.vertx.health;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one verticle health checking runs in: its event loop carries every probe timer, and undeploying it (at server
 * stop, or when Vert.x closes) ends every probe loop. The registry of loops is readable from any thread.
 */
final class HealthCheckVerticle extends VerticleBase {
    private final Map<String, ScheduledProbe> byBackend = new ConcurrentHashMap<>();

    @Override
    public Future<?> start() {
        return Future.succeededFuture();
    }

    @Override
    public Future<?> stop() {
        byBackend.values().forEach(ScheduledProbe::cancel);
        byBackend.clear();
        return Future.succeededFuture();
    }

    Context context() {
        return context;
    }

    /** Starts {@code probe}, replacing (and cancelling) the loop the same backend had. */
    void put(String backend, ScheduledProbe probe) {
        ScheduledProbe previous = byBackend.put(backend, probe);
        if (previous != null) {
            previous.cancel();
        }
        probe.begin();
    }

    void remove(String backend) {
        ScheduledProbe previous = byBackend.remove(backend);
        if (previous != null) {
            previous.cancel();
        }
    }

    ScheduledProbe find(String backend) {
        return byBackend.get(backend);
    }

    List<ScheduledProbe> all() {
        return List.copyOf(byBackend.values());
    }
}
