package io.bifrost.adapters.vertx.client;

import static java.util.Objects.requireNonNull;

import io.bifrost.adapters.vertx.clientapi.ClientApi;
import io.bifrost.adapters.vertx.clientapi.ClientApiContext;
import io.bifrost.adapters.vertx.clientapi.ClientView;
import io.bifrost.adapters.vertx.control.ClientControl;
import io.bifrost.adapters.vertx.dial.AddressPolicy;
import io.bifrost.adapters.vertx.dial.DirectDialSettings;
import io.bifrost.adapters.vertx.dial.DirectDialer;
import io.bifrost.adapters.vertx.health.HealthProbes;
import io.bifrost.adapters.vertx.listeners.ListenerTraffic;
import io.bifrost.adapters.vertx.listeners.ProxyListenerGroup;
import io.bifrost.adapters.vertx.proxy.RequestInfo;
import io.bifrost.adapters.vertx.server.ServerOptions;
import io.bifrost.core.client.ClientRouter;
import io.bifrost.core.client.ServerReachability;
import io.bifrost.core.client.TrafficDebugger;
import io.bifrost.core.config.ClientConfig;
import io.bifrost.core.config.ClientRouteConfig.Action;
import io.bifrost.core.config.ListenAddress;
import io.bifrost.core.routing.RoutingKey;
import io.bifrost.core.traffic.ConnectionRegistry;
import io.bifrost.core.traffic.RequestRecord;
import io.bifrost.core.traffic.TrafficCounters;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.SocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A Bifrost client, embeddable: the local HTTP and SOCKS5 listeners of a {@link ClientConfig} ([PRX-120]-[PRX-127]),
 * its routes ({@code direct} or through the upstream server, with retries), connection state, reachability probes
 * and traffic debugger, on a caller-owned {@link Vertx}.
 *
 * <pre>{@code
 * Vertx vertx = BifrostVertx.create();
 * BifrostClient client = BifrostClient.create(vertx, config, ClientOptions.defaults());
 * client.start().await();
 * client.control().disconnect().await();   // what the management API drives
 * client.stop().await();
 * vertx.close().await();
 * }</pre>
 *
 * <p>With {@code api.enabled} the client serves its management API ({@link ClientApi}) on {@code api.listen}, which
 * works through {@link #control()} (state, servers, routes, configuration), {@link #debugger()} (entries and the live
 * stream) and {@link #traffic()}. Thread-safe; {@link #start} is called once.
 */
public final class BifrostClient {
    /** The client's fixed grace period for a graceful stop ([PRX-113]). */
    public static final Duration GRACE_PERIOD = Duration.ofSeconds(5);
    /** [PRX-121]: {@code direct} connects within 30 s, DNS resolved locally, no destination policy. */
    private static final Duration DIRECT_CONNECT_TIMEOUT = Duration.ofSeconds(30);

    private final Vertx vertx;
    private final ClientConfig config;
    private final ClientOptions options;
    private final ServerProbes probes;
    private final ClientRuntime runtime;
    private final TrafficDebugger debugger;
    private final ListenerTraffic traffic = new ListenerTraffic();
    private final ConnectionRegistry connections;
    private final ClientListeners listeners;
    private final ClientApi api;
    private volatile Instant startedAt;
    private volatile boolean shuttingDown;
    private volatile SocketAddress apiAddress;
    private Future<Void> stopped; // guarded by this

    private BifrostClient(Vertx vertx, ClientConfig config, ClientOptions options) {
        this.vertx = requireNonNull(vertx, "vertx");
        this.config = requireNonNull(config, "config");
        this.options = requireNonNull(options, "options");
        ServerReachability reachability = new ServerReachability();
        ServerConnections serverConnections = new ServerConnections();
        this.debugger = new TrafficDebugger(config.debug());
        this.probes = new ServerProbes(vertx, HealthProbes.create(vertx, options.clock(), options.version()),
                reachability, config.server().healthCheck());
        this.runtime = new ClientRuntime(vertx, config, options, reachability, serverConnections, probes, debugger);
        this.connections = new ConnectionRegistry(options.events(), options.clock());
        DirectDialer direct = new DirectDialer(vertx, new DirectDialSettings(DIRECT_CONNECT_TIMEOUT,
                Duration.ofSeconds(30), null, true, false), AddressPolicy.ALLOW_ALL);
        ServerDialer server = new ServerDialer(vertx, options.clock(), options.version(), reachability,
                serverConnections, runtime::isConnected);
        ClientGateway gateway = new ClientGateway(runtime::snapshot, runtime::isConnected, direct, server);
        this.listeners = new ClientListeners(vertx, config.proxy(), options, gateway, connections, traffic,
                this::recordDebugEntry);
        this.api = config.api().enabled() ? new ClientApi(vertx, new ClientApiContext(config.api(), runtime,
                debugger, new View(), options.build(), options.clock(), options.api())) : null;
    }

    public static BifrostClient create(Vertx vertx, ClientConfig config, ClientOptions options) {
        return new BifrostClient(vertx, config, options);
    }

    /**
     * Binds the listeners, then the management API when {@code api.enabled} ([CAPI-001]), starts probing the
     * upstreams ([CAPI-010]) and completes with this client; fails naming the configuration key and address that
     * could not be bound ([PRX-002]).
     */
    public Future<BifrostClient> start() {
        return listeners.bind().compose(v -> bindApi()).map(v -> {
            startedAt = options.clock().instant();
            probes.start(() -> runtime.snapshot().upstreams().all());
            return this;
        });
    }

    private Future<Void> bindApi() {
        if (api == null) {
            return Future.succeededFuture();
        }
        ListenAddress listen = config.api().listen();
        String host = listen.host().isEmpty()
                ? ProxyListenerGroup.allInterfaces(ServerOptions.interfaceAddresses()) : listen.host();
        return api.listen(host, listen.port())
                .recover(e -> listeners.shutdown(Duration.ZERO).transform(ignored -> Future.failedFuture(
                        new IllegalStateException("api.listen: cannot bind " + listen + ": "
                                + ProxyListenerGroup.bindReason(e), e))))
                .map(port -> {
                    apiAddress = SocketAddress.inetSocketAddress(port, host);
                    return null;
                });
    }

    /** Graceful stop with the fixed grace period of [PRX-113]. */
    public Future<Void> stop() {
        return stop(GRACE_PERIOD);
    }

    /**
     * Stops probing and accepting; lets requests and tunnels finish for at most {@code grace}, closes the rest; the
     * management API stays up during the drain (health answers 503, [CAPI-013]) and closes last. Later calls return
     * the first call's future.
     */
    public synchronized Future<Void> stop(Duration grace) {
        if (stopped == null) { // a second stop (a signal during the drain, a test's clean-up) joins the first
            shuttingDown = true;
            Future<Void> drained = listeners.shutdown(grace); // now: a request head completing later is refused
            stopped = probes.stop().transform(ignored -> drained)
                    .eventually(() -> api == null ? Future.succeededFuture() : api.close());
        }
        return stopped;
    }

    /** Closes every local client connection now, tunnels and handshakes included ([PRX-111]). */
    public void closeAllConnections() {
        listeners.closeAllConnections();
    }

    /** The bound HTTP listener address, when it is enabled and started. */
    public Optional<SocketAddress> httpAddress() {
        return listeners.httpAddress();
    }

    /** The bound SOCKS5 listener address, when it is enabled and started. */
    public Optional<SocketAddress> socks5Address() {
        return listeners.socks5Address();
    }

    /** The bound management API address, when {@code api.enabled} and started. */
    public Optional<SocketAddress> apiAddress() {
        return Optional.ofNullable(apiAddress);
    }

    /** State, servers, routes and configuration, as the management API reads and changes them. */
    public ClientControl control() {
        return runtime;
    }

    /** The traffic debugger ([CAPI-090]-[CAPI-095]), also the source of the log stream ([CAPI-101]). */
    public TrafficDebugger debugger() {
        return debugger;
    }

    /** Bytes and connections of the local listeners since start ([CAPI-012]). */
    public ListenerTraffic traffic() {
        return traffic;
    }

    /** Open local client connections that made a request. */
    public ConnectionRegistry connections() {
        return connections;
    }

    /** When the listeners were bound; empty before. */
    public Optional<Instant> startedAt() {
        return Optional.ofNullable(startedAt);
    }

    /** The client as its management API sees it. */
    private final class View implements ClientView {
        @Override
        public Optional<Instant> startedAt() {
            return BifrostClient.this.startedAt();
        }

        @Override
        public boolean shuttingDown() {
            return shuttingDown;
        }

        @Override
        public Optional<SocketAddress> httpAddress() {
            return BifrostClient.this.httpAddress();
        }

        @Override
        public Optional<SocketAddress> socks5Address() {
            return BifrostClient.this.socks5Address();
        }

        @Override
        public TrafficCounters traffic() {
            return traffic.total();
        }
    }

    /** [PRX-127]: one debugger entry per request, with what only the client knows about it. */
    private void recordDebugEntry(RequestRecord record, RequestInfo info) {
        Action action = action(info);
        String server = action == Action.SERVER ? info.backend() : null;
        String error = info.error() == null ? null
                : info.error().code() + (info.errorDetail() == null ? "" : ": " + info.errorDetail());
        debugger.record(record, action, server, error);
    }

    /**
     * The entry's action, which [CAPI-090] requires: the route decision's; for a request refused before it was routed
     * (malformed, {@code TRACE}, over a connection limit) the decision its host gets now, as the dry run of [RTE-093]
     * would answer, or the no-match rule of [RTE-081] when its host is unknown.
     */
    private Action action(RequestInfo info) {
        Optional<Action> routed = info.action() == null ? Optional.empty() : Action.parse(info.action());
        if (routed.isPresent()) {
            return routed.get();
        }
        ClientRouter router = runtime.snapshot().router();
        return RoutingKey.parse(info.host()).map(host -> router.decide(host).action())
                .orElseGet(router::fallbackAction);
    }
}
