package io.bifrost.adapters.vertx.server;

import static java.util.Objects.requireNonNull;

import io.bifrost.adapters.vertx.dial.BackendDialers;
import io.bifrost.adapters.vertx.proxy.ConnectionCeilings;
import io.bifrost.adapters.vertx.proxy.ListenerPlan;
import io.bifrost.adapters.vertx.proxy.ProxyAcceptor;
import io.bifrost.adapters.vertx.proxy.ProxyContext;
import io.bifrost.adapters.vertx.proxy.ProxyGate;
import io.bifrost.adapters.vertx.proxy.TrafficRecorder;
import io.bifrost.adapters.vertx.proxy.http.HttpProxyConnection;
import io.bifrost.adapters.vertx.proxy.http.HttpSettings;
import io.bifrost.adapters.vertx.proxy.http.codec.Http1Limits;
import io.bifrost.adapters.vertx.proxy.socks5.Socks5ProxyConnection;
import io.bifrost.core.config.ListenerConfig;
import io.bifrost.core.config.ServerConfig;
import io.bifrost.core.port.out.EventSink;
import io.bifrost.core.traffic.ConnectionRegistry;
import io.bifrost.core.traffic.TrafficCounters;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.SocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Binds the proxy listeners of a configuration, one {@link ProxyListenerVerticle} instance per event loop, and
 * drains them at shutdown.
 */
final class ProxyListeners {
    /** Negative ports ask Vert.x for one ephemeral port shared by every instance that uses the same number. */
    private static final AtomicInteger SHARED_EPHEMERAL = new AtomicInteger(-1000);

    private final Vertx vertx;
    private final ServerConfig config;
    private final ServerOptions options;
    private final ProxyGate gate;
    private final BackendDialers dialers;
    private final ConnectionRegistry connections;
    private final BifrostServer.ServerTraffic traffic;
    private final EventSink events;
    private final List<ProxyListenerVerticle> instances = new CopyOnWriteArrayList<>();
    private final List<String> deployments = new ArrayList<>();
    private final Map<ListenerPlan.Kind, SocketAddress> bound = new EnumMap<>(ListenerPlan.Kind.class);
    private final List<ProxyAcceptor> acceptors = new CopyOnWriteArrayList<>();

    ProxyListeners(Vertx vertx, ServerConfig config, ServerOptions options, ProxyGate gate, BackendDialers dialers,
            ConnectionRegistry connections, BifrostServer.ServerTraffic traffic, EventSink events) {
        this.vertx = requireNonNull(vertx, "vertx");
        this.config = requireNonNull(config, "config");
        this.options = requireNonNull(options, "options");
        this.gate = requireNonNull(gate, "gate");
        this.dialers = requireNonNull(dialers, "dialers");
        this.connections = requireNonNull(connections, "connections");
        this.traffic = requireNonNull(traffic, "traffic");
        this.events = requireNonNull(events, "events");
    }

    Future<Void> bind() {
        ConnectionCeilings ceilings = new ConnectionCeilings(config.network().maxConnections());
        Future<Void> chain = Future.succeededFuture();
        for (ListenerPlan plan : plans()) {
            chain = chain.compose(v -> deploy(plan, ceilings));
        }
        return chain.recover(e -> shutdown(Duration.ZERO).transform(ignored -> Future.failedFuture(e)));
    }

    private List<ListenerPlan> plans() {
        List<ListenerPlan> plans = new ArrayList<>();
        add(plans, ListenerPlan.Kind.HTTP, "server.http.listen", config.server().http());
        add(plans, ListenerPlan.Kind.SOCKS5, "server.socks5.listen", config.server().socks5());
        return plans;
    }

    private static void add(List<ListenerPlan> plans, ListenerPlan.Kind kind, String key, ListenerConfig listener) {
        if (!listener.listen().isDisabled()) {
            plans.add(new ListenerPlan(kind, key, listener.listen().host(), listener.listen().port(),
                    listener.maxConnections()));
        }
    }

    private Future<Void> deploy(ListenerPlan plan, ConnectionCeilings ceilings) {
        TrafficCounters counters = plan.kind() == ListenerPlan.Kind.HTTP ? traffic.http() : traffic.socks5();
        ProxyContext ctx = new ProxyContext(vertx, gate, dialers, connections,
                new TrafficRecorder(events, counters, traffic.total(), options.clock()), options.clock());
        ProxyAcceptor acceptor = new ProxyAcceptor(plan.kind(), ctx, ceilings.listener(plan.maxConnections()),
                connectionFactory(plan.kind()));
        acceptors.add(acceptor);
        String host = plan.host().isEmpty() ? allInterfaces(options) : plan.host();
        int vertxPort = plan.port() > 0 ? plan.port() : SHARED_EPHEMERAL.getAndDecrement();
        ProxyListenerVerticle.Binding binding = new ProxyListenerVerticle.Binding(plan, host, vertxPort, acceptor);
        List<ProxyListenerVerticle> mine = new CopyOnWriteArrayList<>();
        return vertx.deployVerticle(() -> {
                    ProxyListenerVerticle v = new ProxyListenerVerticle(List.of(binding), serverOptions());
                    mine.add(v);
                    instances.add(v);
                    return v;
                }, new DeploymentOptions().setInstances(eventLoops()))
                .recover(e -> Future.failedFuture(new IllegalStateException(plan.configKey() + ": cannot bind "
                        + listenText(plan) + ": " + bindReason(e), e)))
                .map(id -> {
                    deployments.add(id);
                    bound.put(plan.kind(), SocketAddress.inetSocketAddress(
                            mine.get(0).actualPorts().get(plan.kind()), host));
                    return null;
                });
    }

    private java.util.function.Function<ProxyAcceptor.Accepted, ProxyAcceptor.Startable> connectionFactory(
            ListenerPlan.Kind kind) {
        if (kind == ListenerPlan.Kind.HTTP) {
            ListenerConfig http = config.server().http();
            HttpSettings settings = new HttpSettings(http.readTimeout(), http.writeTimeout(), http.idleTimeout(),
                    Http1Limits.defaults(), options.originTls());
            return a -> new HttpProxyConnection(a.ctx(), settings, a.client(), a.peer());
        }
        Duration readTimeout = config.server().socks5().readTimeout();
        return a -> new Socks5ProxyConnection(a.ctx(), a.client(), a.peer(), readTimeout);
    }

    private NetServerOptions serverOptions() {
        NetServerOptions o = new NetServerOptions().setTcpNoDelay(true).setReuseAddress(true).setAcceptBacklog(4096);
        Duration keepAlive = config.network().keepalive();
        if (!keepAlive.isZero()) {
            o.setTcpKeepAlive(true).setTcpKeepAliveIdleSeconds((int) Math.max(1, keepAlive.toSeconds()));
        }
        return o;
    }

    /** {@code :port} means IPv4 and IPv6 ([PRX-002]): the dual-stack wildcard where the host has IPv6. */
    static String allInterfaces(ServerOptions options) {
        boolean v6 = options.hostAddresses().get().stream().anyMatch(a -> a.isV6());
        return v6 ? "::" : "0.0.0.0";
    }

    private static int eventLoops() {
        return Math.max(1, Runtime.getRuntime().availableProcessors());
    }

    private static String listenText(ListenerPlan plan) {
        String host = plan.host().indexOf(':') >= 0 ? "[" + plan.host() + "]" : plan.host();
        return host + ":" + plan.port();
    }

    static String bindReason(Throwable e) {
        String msg = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
        if (msg.contains("address already in use")) {
            return "address in use";
        }
        if (msg.contains("cannot assign requested address")) {
            return "address not available on this host";
        }
        if (msg.contains("permission denied")) {
            return "permission denied";
        }
        return String.valueOf(e.getMessage());
    }

    Optional<SocketAddress> httpAddress() {
        return Optional.ofNullable(bound.get(ListenerPlan.Kind.HTTP));
    }

    Optional<SocketAddress> socks5Address() {
        return Optional.ofNullable(bound.get(ListenerPlan.Kind.SOCKS5));
    }

    /** Closes every client connection now, e.g. on a second signal during a drain ([PRX-111]). */
    void closeAllConnections() {
        acceptors.forEach(ProxyAcceptor::closeAll);
    }

    /** [PRX-110]: stop accepting, drain for at most {@code grace}, close the rest, undeploy. */
    Future<Void> shutdown(Duration grace) {
        return Future.join(instances.stream().map(v -> v.shutdown(grace)).toList())
                .transform(ar -> Future.join(deployments.stream().map(vertx::undeploy).toList()))
                .mapEmpty();
    }
}
