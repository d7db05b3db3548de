package io.bifrost.adapters.vertx.control;

import io.bifrost.core.backend.Backend;
import io.bifrost.core.config.AccessControlConfig;
import io.bifrost.core.config.BackendConfig;
import io.bifrost.core.config.RateLimitConfig;
import io.bifrost.core.config.RouteConfig;
import io.bifrost.core.config.ServerConfig;
import io.bifrost.core.health.HealthPolicy;
import io.bifrost.core.health.HealthTracker;
import io.bifrost.core.net.CidrBlock;
import io.bifrost.core.policy.OpenProxyVerdict;
import io.bifrost.core.port.out.EventSink;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A {@link ServerRuntime} that records what the control swaps in; running backends and the open-proxy rule are set. */
final class FakeRuntime implements ServerRuntime {
    final Set<String> running = ConcurrentHashMap.newKeySet();
    final List<String> calls = new CopyOnWriteArrayList<>();
    volatile List<RouteConfig> routes;
    volatile AccessControlConfig accessControl;
    volatile RateLimitConfig rateLimit;
    /** Whitelists that make the server an open proxy (the refusal message is fixed). */
    volatile Predicate<List<CidrBlock>> openProxy = w -> false;
    /** When set, {@link #replaceRoutes} waits for it: lets a test hold a change half-way. */
    volatile CountDownLatch holdRoutes;
    final CountDownLatch routesEntered = new CountDownLatch(1);

    FakeRuntime(String... runningBackends) {
        running.addAll(List.of(runningBackends));
    }

    @Override
    public boolean isRunning(String name) {
        return running.contains(name);
    }

    @Override
    public void replaceRoutes(List<RouteConfig> next) {
        calls.add("routes");
        routesEntered.countDown();
        CountDownLatch hold = holdRoutes;
        if (hold != null) {
            try {
                hold.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        routes = next;
    }

    @Override
    public void replaceAccessControl(AccessControlConfig next) {
        calls.add("access_control");
        accessControl = next;
    }

    @Override
    public void replaceRateLimit(RateLimitConfig next) {
        calls.add("rate_limit");
        rateLimit = next;
    }

    @Override
    public Backend startBackend(ServerConfig config, BackendConfig b) {
        calls.add("start " + b.name());
        boolean runs = b.enabled() && b.type().isSupported();
        if (runs) {
            running.add(b.name());
        }
        return new Backend(b.name(), b.type().wireName(), b.enabled(), b.weight(),
                new HealthTracker(b.name(), b.type().wireName(), HealthPolicy.defaults(), EventSink.discarding()),
                runs ? Instant.EPOCH : null);
    }

    @Override
    public void stopBackend(String name) {
        calls.add("stop " + name);
        running.remove(name);
    }

    @Override
    public OpenProxyVerdict openProxy(List<CidrBlock> whitelist) {
        return openProxy.test(whitelist)
                ? new OpenProxyVerdict.Refuse("server.http.listen: refusing to run an open proxy on public address "
                        + "203.0.113.7; require authentication, restrict access_control.whitelist, bind to a private "
                        + "address, or set server.allow_open_proxy: true", List.of())
                : new OpenProxyVerdict.Proceed(List.of());
    }
}
