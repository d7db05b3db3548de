package io.bifrost.adapters.vertx.server;

import static java.util.Objects.requireNonNull;

import io.bifrost.adapters.vertx.api.ApiContext;
import io.bifrost.adapters.vertx.api.ApiHooks;
import io.bifrost.adapters.vertx.api.BackendProbeView;
import io.bifrost.adapters.vertx.config.LoadedServerConfig;
import io.bifrost.adapters.vertx.control.FileServerControl;
import io.bifrost.adapters.vertx.control.ServerControl;
import io.bifrost.adapters.vertx.accesslog.AccessLogSink;
import io.bifrost.adapters.vertx.dial.AddressPolicy;
import io.bifrost.adapters.vertx.dial.BackendDialers;
import io.bifrost.adapters.vertx.dial.UpstreamDialer;
import io.bifrost.adapters.vertx.events.EventSinks;
import io.bifrost.adapters.vertx.events.LoggingEventSink;
import io.bifrost.adapters.vertx.events.StatsSnapshot;
import io.bifrost.adapters.vertx.events.WebSocketEventSink;
import io.bifrost.adapters.vertx.health.BackendTester;
import io.bifrost.adapters.vertx.health.HealthChecks;
import io.bifrost.adapters.vertx.health.HealthProbes;
import io.bifrost.adapters.vertx.listeners.ListenerTraffic;
import io.bifrost.adapters.vertx.metrics.BifrostMetrics;
import io.bifrost.adapters.vertx.metrics.MetricsEndpoint;
import io.bifrost.adapters.vertx.metrics.MetricsService;
import io.bifrost.adapters.vertx.metrics.MetricsSources;
import io.bifrost.adapters.vertx.proxy.ProxyGate;
import io.bifrost.core.backend.Backend;
import io.bifrost.core.backend.BackendRegistry;
import io.bifrost.core.config.BackendConfig;
import io.bifrost.core.config.ServerConfig;
import io.bifrost.core.event.ProxyEvent;
import io.bifrost.core.net.IpAddress;
import io.bifrost.core.policy.DestinationDecision;
import io.bifrost.core.policy.DestinationPolicy;
import io.bifrost.core.port.out.EventSink;
import io.bifrost.core.routing.RouteResolver;
import io.bifrost.core.traffic.ConnectionRegistry;
import io.bifrost.core.traffic.RequestLog;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.SocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Bifrost proxy hub, embeddable: the HTTP and SOCKS5 listeners of a {@link ServerConfig}, its routes, backends and
 * policies, and its management API, on a caller-owned {@link Vertx}.
 *
 * <pre>{@code
 * Vertx vertx = BifrostVertx.create();
 * BifrostServer server = BifrostServer.create(vertx, config, ServerOptions.defaults());
 * server.start().await();
 * ...
 * server.stop().await();
 * vertx.close().await();
 * }</pre>
 *
 * Thread-safe; {@link #start} and {@link #stop} are each called once.
 */
public final class BifrostServer {
    /** Full rate buckets must go within 60 s of filling up ([SEC-050]); sweeping twice as often keeps that. */
    private static final Duration RATE_BUCKET_SWEEP = Duration.ofSeconds(30);

    private final Vertx vertx;
    private final ServerConfig config;
    private final ServerOptions options;
    private final EventSink events;
    private final BackendRegistry backends;
    private final BackendDialers dialers;
    private final RouteResolver routes;
    private final ProxyGate gate;
    private final ConnectionRegistry connections;
    private final ServerTraffic traffic = new ServerTraffic();
    private final RequestLog requestLog;
    private final WebSocketEventSink eventStream;
    private final FileServerControl control;
    private final HealthChecks healthChecks;
    private final BackendTester backendTester;
    private final ManagementListener management;
    private final AccessLogSink accessLog;
    private final BifrostMetrics metrics;
    private ProxyListeners listeners;
    private MetricsService metricsService;
    private long sweeper = -1;
    private volatile boolean shuttingDown;
    private volatile Instant startedAt;

    private BifrostServer(Vertx vertx, LoadedServerConfig loaded, ServerOptions options) {
        this.vertx = requireNonNull(vertx, "vertx");
        this.config = loaded.config();
        this.options = requireNonNull(options, "options");
        this.startedAt = options.clock().instant();
        this.requestLog = new RequestLog(config.api().requestLogActive() ? config.api().requestLogSize() : 0);
        this.eventStream = new WebSocketEventSink(vertx, options.eventStream(), options.clock(),
                () -> StatsSnapshot.of(traffic.total(), allBackends()), this::allBackends);
        this.accessLog = config.accessLog().enabled() ? AccessLogSink.create(config.accessLog()) : null;
        // metrics read the backends and routes built below, which publish to this fan-out: hence the late binding
        this.events = EventSinks.fanOut(List.of(new LoggingEventSink(), requestLog, eventStream,
                accessLog == null ? EventSink.discarding() : accessLog, this::publishToMetrics, options.events()));
        List<Backend> running = new ArrayList<>();
        for (BackendConfig b : config.backends()) {
            running.add(CoreAssembly.backend(config, b, events, options.clock()));
        }
        this.backends = new BackendRegistry(running);
        this.routes = new RouteResolver(CoreAssembly.routes(config.routes()), backends, events, options.clock());
        DestinationPolicy initial = DestinationPolicy.of(config.network().allowLoopbackDestinations(),
                List.of(), List.of());
        this.gate = new ProxyGate(vertx, CoreAssembly.policies(config, vertx, options.clock()),
                CoreAssembly.authenticator(config, options.clock()), initial, routes);
        AddressPolicy resolvedPolicy = (address, port) ->
                gate.destinations().checkResolved(address, port) instanceof DestinationDecision.Allowed;
        Map<String, UpstreamDialer> byName = new HashMap<>();
        for (BackendConfig b : config.backends()) {
            UpstreamDialer dialer = CoreAssembly.dialer(vertx, config.network(), b, resolvedPolicy, options.version());
            if (dialer != null && b.enabled()) {
                byName.put(b.name(), dialer);
            }
        }
        this.dialers = new BackendDialers(byName, options.clock());
        this.connections = new ConnectionRegistry(events, options.clock());
        this.healthChecks = new HealthChecks(vertx, HealthProbes.create(vertx, options.clock(), options.version()),
                options.clock());
        LiveServerRuntime runtime = new LiveServerRuntime(vertx, config, options, events,
                new LiveServerRuntime.Parts(backends, dialers, routes, gate, resolvedPolicy, healthChecks));
        this.control = new FileServerControl(vertx, loaded, runtime, FileServerControl.Options.of(events,
                options.clock()));
        this.backendTester = new BackendTester(vertx, backends, gate::destinations,
                b -> CoreAssembly.dialer(vertx, config.network(), b, resolvedPolicy, options.version()),
                b -> control.running().healthCheckOf(b));
        this.metrics = config.metrics().enabled() ? BifrostMetrics.create(new MetricsSources(options.version(),
                options.clock(), traffic.http(), traffic.socks5(), backends, routes, gate::policies, config.auth(),
                () -> accessLog == null ? 0 : accessLog.dropped(), eventStream::subscriberCount)) : null;
        this.management = config.api().enabled() ? new ManagementListener(vertx, apiContext()) : null;
    }

    private void publishToMetrics(ProxyEvent event) {
        if (metrics != null) {
            metrics.publish(event);
        }
    }

    private List<Backend> allBackends() {
        return backends.all();
    }

    private ApiContext apiContext() {
        BackendProbeView probes = BackendProbeView.fromTrackers(control::running, backends);
        ApiHooks hooks = ApiHooks.defaults(probes, backends)
                .withDegraded(healthChecks::degraded)
                .withTester(new ApiBackendTester(backendTester, control::running));
        if (metrics != null && config.metrics().listen().isDisabled()) { // [SAPI-320]: served by the API instead
            hooks = hooks.withMetrics(ctx -> MetricsEndpoint.respond(vertx, metrics, ctx.request()));
        }
        return new ApiContext(config, control, backends, routes, connections, traffic.total(), requestLog, eventStream,
                hooks, new RunningState(this, gate::authRequired), options.build(), options.clock());
    }

    /** A server on a configuration built in code; API saves write {@code server-config.yaml} ([CFG-003]). */
    public static BifrostServer create(Vertx vertx, ServerConfig config, ServerOptions options) {
        return new BifrostServer(vertx, LoadedServerConfig.of(requireNonNull(config, "config")), options);
    }

    /** A server on a loaded file (or the built-in default), which reloads and API saves read and write. */
    public static BifrostServer create(Vertx vertx, LoadedServerConfig loaded, ServerOptions options) {
        return new BifrostServer(vertx, requireNonNull(loaded, "loaded"), options);
    }

    /**
     * Checks what must hold before binding (bindable source addresses, the open-proxy rule of [SEC-090]), opens the
     * access log, binds the proxy listeners, the management API and the metrics listener, starts the health checks
     * and completes with this server; fails naming the configuration key and address that could not be bound
     * ([PRX-002]) or the access-log output that could not be opened, leaving nothing bound. Connections the proxy
     * listeners accept before the destination policy knows every bound listener wait unread until it does
     * ([SEC-060]).
     */
    public Future<BifrostServer> start() {
        return vertx.executeBlocking(() -> {
                    StartupChecks.Passed passed = StartupChecks.run(config, gate.authRequired(),
                            options.hostAddresses().get());
                    control.startupWarnings(passed.exposureWarnings()); // [SEC-090]: listed by /status too
                    if (accessLog != null) {
                        accessLog.start(); // fails naming access_log.output
                    }
                    return passed.hostAddresses();
                })
                .compose(hostAddresses -> {
                    listeners = new ProxyListeners(vertx, config, options, gate, dialers, connections, traffic, events);
                    return listeners.bind().map(v -> hostAddresses);
                })
                .compose(hostAddresses -> management == null ? Future.succeededFuture(hostAddresses)
                        : management.bind(options).map(v -> hostAddresses)
                                .recover(e -> listeners.shutdown(Duration.ZERO).transform(x -> Future.failedFuture(e))))
                .compose(hostAddresses -> startMetrics(hostAddresses).map(v -> hostAddresses))
                .map(hostAddresses -> {
                    startedAt = options.clock().instant();
                    int apiPort = apiAddress().map(SocketAddress::port).orElse(0);
                    int metricsPort = metricsAddress().map(SocketAddress::port).orElse(0);
                    gate.replaceDestinations(DestinationPolicy.of(config.network().allowLoopbackDestinations(),
                            hostAddresses, StartupChecks.ownSockets(config, listeners, apiPort, metricsPort)));
                    listeners.open(); // [SEC-060]: connections accepted since the bind start only now
                    sweeper = vertx.setPeriodic(RATE_BUCKET_SWEEP.toMillis(), id -> gate.sweepRateLimits());
                    return this;
                })
                .compose(server -> healthChecks.open().map(v -> startHealthChecks()))
                .recover(e -> closeObservability().transform(ignored -> Future.failedFuture(e)));
    }

    /** Probes every running backend that has an effective check ([BKD-061]), once the listeners are bound. */
    private BifrostServer startHealthChecks() {
        ServerConfig running = control.running();
        for (BackendConfig b : running.backends()) {
            backends.find(b.name()).ifPresent(backend ->
                    running.healthCheckOf(b).ifPresent(check -> healthChecks.start(backend, check)));
        }
        return this;
    }

    /**
     * After the listeners ([SAPI-320]); a bind failure shuts them down again and fails naming metrics.listen. The
     * sampling timer runs with {@code metrics.listen: ""} too ([CFG-118]): the API serves the same gauges.
     */
    private Future<Void> startMetrics(List<IpAddress> hostAddresses) {
        if (metrics == null) {
            return Future.succeededFuture();
        }
        String wildcard = hostAddresses.stream().anyMatch(IpAddress::isV6) ? "::" : "0.0.0.0";
        return MetricsService.start(vertx, metrics, config.metrics(), wildcard)
                .onSuccess(service -> metricsService = service)
                .<Void>mapEmpty()
                .recover(e -> listeners.shutdown(Duration.ZERO)
                        .eventually(() -> management == null ? Future.succeededFuture() : management.close())
                        .transform(ignored -> Future.failedFuture(e)));
    }

    /** Graceful stop with the configured {@code server.graceful_period} ([PRX-110]). */
    public Future<Void> stop() {
        return stop(config.server().gracefulPeriod());
    }

    /**
     * Stops accepting, lets requests in progress and tunnels finish for at most {@code grace}, then closes what is
     * left; the management API stays up during the drain (health answers {@code shutting_down}) and closes last.
     * {@code Duration.ZERO} closes at once.
     */
    public Future<Void> stop(Duration grace) {
        shuttingDown = true;
        if (sweeper >= 0) {
            vertx.cancelTimer(sweeper);
        }
        // the drain starts now, so a request head completing after this call is refused; probes stop alongside.
        // [PRX-110] step 6: the API and metrics stay up while connections drain; the access log is flushed last
        Future<Void> drained = listeners == null ? null : listeners.shutdown(grace);
        return healthChecks.close().otherwiseEmpty()
                .transform(ar -> drained != null ? drained // else still starting: bound by now, or never
                        : listeners == null ? Future.succeededFuture() : listeners.shutdown(grace))
                .eventually(() -> management == null ? Future.succeededFuture() : management.close())
                .eventually(this::closeObservability)
                .transform(ar -> control.close());
    }

    private Future<Void> closeObservability() {
        Future<Void> metricsStopped = metricsService == null ? Future.succeededFuture() : metricsService.stop();
        return metricsStopped.transform(ar -> accessLog == null ? Future.succeededFuture() : accessLog.close())
                .andThen(ar -> {
                    if (metrics != null) {
                        metrics.close();
                    }
                });
    }

    /**
     * Closes every proxy client connection now, tunnels and handshakes included; with a drain in progress this ends
     * it ([PRX-111]: a second signal skips the rest of the grace period).
     */
    public void closeAllConnections() {
        if (listeners != null) {
            listeners.closeAllConnections();
        }
    }

    /** True from the moment {@link #stop} is called ([PRX-110]). */
    public boolean shuttingDown() {
        return shuttingDown;
    }

    /** When {@link #start} completed (or the server was created, before that). */
    public Instant startedAt() {
        return startedAt;
    }

    /** The bound management API address, when {@code api.enabled} and started. */
    public Optional<SocketAddress> apiAddress() {
        return management == null ? Optional.empty() : management.address();
    }

    /** The bound HTTP listener address, when it is enabled and started. */
    public Optional<SocketAddress> httpAddress() {
        return listeners == null ? Optional.empty() : listeners.httpAddress();
    }

    /** The bound SOCKS5 listener address, when it is enabled and started. */
    public Optional<SocketAddress> socks5Address() {
        return listeners == null ? Optional.empty() : listeners.socks5Address();
    }

    /** The bound metrics listener, when metrics are enabled on a listener of their own and started. */
    public Optional<SocketAddress> metricsAddress() {
        return metricsService == null ? Optional.empty() : metricsService.address();
    }

    /**
     * The metrics, when {@code metrics.enabled}; the management API mounts them when {@code metrics.listen} is
     * {@code ""} ({@link io.bifrost.adapters.vertx.metrics.MetricsEndpoint#respond}).
     */
    public Optional<BifrostMetrics> metrics() {
        return Optional.ofNullable(metrics);
    }

    /** The access log, when {@code access_log.enabled}: {@link AccessLogSink#reopen()} on reload and rotation. */
    public Optional<AccessLogSink> accessLog() {
        return Optional.ofNullable(accessLog);
    }

    /** The configuration the server started with; {@link #control()} has the current and running ones. */
    public ServerConfig config() {
        return config;
    }

    /** Reloads and configuration changes ([CFG-091], [SAPI-030]-[SAPI-175]). */
    public ServerControl control() {
        return control;
    }

    public BackendRegistry backends() {
        return backends;
    }

    public RouteResolver routes() {
        return routes;
    }

    public ConnectionRegistry connections() {
        return connections;
    }

    /** Backend health checks: probe views, {@code degraded}, and hooks for backends added or removed at run time. */
    public HealthChecks healthChecks() {
        return healthChecks;
    }

    /** Test dials through a backend ([BKD-080]). */
    public BackendTester backendTester() {
        return backendTester;
    }

    /** The in-memory request log ([SAPI-200]); capacity 0 when disabled. */
    public RequestLog requestLog() {
        return requestLog;
    }

    /** The event WebSocket's subscribers ([SAPI-250]); an event sink of this server's fan-out. */
    public WebSocketEventSink eventStream() {
        return eventStream;
    }

    /** Listener-side counters: all listeners, and each one ([SAPI-013]). */
    public ServerTraffic traffic() {
        return traffic;
    }

    /** Listener-side counters: all listeners and each one (the counters both programs keep). */
    public static final class ServerTraffic extends ListenerTraffic {
    }
}
