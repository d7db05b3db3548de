package io.bifrost.adapters.vertx.server;

import static java.util.Objects.requireNonNull;

import io.bifrost.adapters.vertx.control.ServerRuntime;
import io.bifrost.adapters.vertx.dial.AddressPolicy;
import io.bifrost.adapters.vertx.dial.BackendDialers;
import io.bifrost.adapters.vertx.dial.UpstreamDialer;
import io.bifrost.adapters.vertx.health.HealthChecks;
import io.bifrost.adapters.vertx.proxy.ProxyGate;
import io.bifrost.core.backend.Backend;
import io.bifrost.core.backend.BackendRegistry;
import io.bifrost.core.config.AccessControlConfig;
import io.bifrost.core.config.BackendConfig;
import io.bifrost.core.config.RateLimitConfig;
import io.bifrost.core.config.RouteConfig;
import io.bifrost.core.config.ServerConfig;
import io.bifrost.core.net.CidrBlock;
import io.bifrost.core.policy.OpenProxyCheck;
import io.bifrost.core.policy.OpenProxyVerdict;
import io.bifrost.core.port.out.EventSink;
import io.bifrost.core.routing.RouteResolver;
import io.vertx.core.Vertx;
import java.util.List;

/**
 * The running objects of a {@link BifrostServer} as its {@link io.bifrost.adapters.vertx.control.ServerControl} changes
 * them: the route table, the gate's policies, the backend registry and dialers. Every change is one atomic swap in
 * thread-safe holders. Listeners and authentication are restart-only, so the open-proxy rule uses the start-up
 * configuration for them.
 */
final class LiveServerRuntime implements ServerRuntime {
    private final Vertx vertx;
    private final ServerConfig startup;
    private final ServerOptions options;
    private final EventSink events;
    private final BackendRegistry backends;
    private final BackendDialers dialers;
    private final RouteResolver routes;
    private final ProxyGate gate;
    private final AddressPolicy resolvedPolicy;
    private final HealthChecks healthChecks;

    /** The parts of the server a runtime changes; all thread-safe. */
    record Parts(BackendRegistry backends, BackendDialers dialers, RouteResolver routes, ProxyGate gate,
            AddressPolicy resolvedPolicy, HealthChecks healthChecks) {}

    LiveServerRuntime(Vertx vertx, ServerConfig startup, ServerOptions options, EventSink events, Parts parts) {
        this.vertx = requireNonNull(vertx, "vertx");
        this.startup = requireNonNull(startup, "startup");
        this.options = requireNonNull(options, "options");
        this.events = requireNonNull(events, "events");
        this.backends = parts.backends();
        this.dialers = parts.dialers();
        this.routes = parts.routes();
        this.gate = parts.gate();
        this.resolvedPolicy = parts.resolvedPolicy();
        this.healthChecks = parts.healthChecks();
    }

    @Override
    public boolean isRunning(String name) {
        return backends.find(name).map(Backend::running).orElse(false);
    }

    @Override
    public void replaceRoutes(List<RouteConfig> next) {
        routes.replace(CoreAssembly.routes(next));
    }

    @Override
    public void replaceAccessControl(AccessControlConfig accessControl) {
        gate.replacePolicies(gate.policies().withAccess(CoreAssembly.access(accessControl)));
    }

    @Override
    public void replaceRateLimit(RateLimitConfig rateLimit) {
        gate.replacePolicies(CoreAssembly.policies(gate.policies().access(), rateLimit, vertx, options.clock()));
    }

    @Override
    public Backend startBackend(ServerConfig config, BackendConfig b) {
        Backend backend = CoreAssembly.backend(config, b, events, options.clock());
        UpstreamDialer dialer = CoreAssembly.dialer(vertx, config.network(), b, resolvedPolicy, options.version());
        if (dialer != null && b.enabled()) {
            dialers.put(b.name(), dialer); // before the backend becomes selectable, so a routed request can dial
        }
        backends.add(backend);
        config.healthCheckOf(b).ifPresent(check -> healthChecks.start(backend, check)); // [BKD-061] item 4
        return backend;
    }

    @Override
    public void stopBackend(String name) {
        healthChecks.stop(name); // [BKD-091]: its probe stops with it
        backends.remove(name); // not selectable from now on ([BKD-091]); tunnels already open keep their sockets
        dialers.remove(name);
    }

    @Override
    public OpenProxyVerdict openProxy(List<CidrBlock> whitelist) {
        return new OpenProxyCheck(StartupChecks.proxySockets(startup), gate.authRequired(), whitelist,
                startup.server().allowOpenProxy(), options.hostAddresses().get()).verdict();
    }
}
