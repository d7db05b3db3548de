package io.bifrost.adapters.vertx.client;

import static java.util.Objects.requireNonNull;

import io.bifrost.adapters.vertx.listeners.ListenerTraffic;
import io.bifrost.adapters.vertx.listeners.ProxyListenerGroup;
import io.bifrost.adapters.vertx.proxy.ConnectionCeilings;
import io.bifrost.adapters.vertx.proxy.ListenerPlan;
import io.bifrost.adapters.vertx.proxy.ProxyAcceptor;
import io.bifrost.adapters.vertx.proxy.ProxyContext;
import io.bifrost.adapters.vertx.proxy.ProxyGateway;
import io.bifrost.adapters.vertx.proxy.TrafficRecorder;
import io.bifrost.adapters.vertx.server.ServerOptions;
import io.bifrost.core.config.ClientProxyConfig;
import io.bifrost.core.config.ListenerConfig;
import io.bifrost.core.traffic.ConnectionRegistry;
import io.bifrost.core.traffic.TrafficCounters;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.SocketAddress;
import java.time.Duration;
import java.util.Optional;

/**
 * Binds the client's HTTP and SOCKS5 listeners ({@code proxy}, [PRX-001], [CFG-151]) with the wire behaviour of the
 * server's ([PRX-120]), on the client's decisions, and drains them at shutdown ([PRX-113]).
 */
final class ClientListeners {
    /** TCP keep-alive on local client sockets ([PRX-057]); the client has no {@code network} section. */
    private static final Duration KEEP_ALIVE = Duration.ofSeconds(30);

    private final Vertx vertx;
    private final ClientProxyConfig config;
    private final ClientOptions options;
    private final ProxyGateway gateway;
    private final ConnectionRegistry connections;
    private final ListenerTraffic traffic;
    private final TrafficRecorder.RequestObserver observer;
    private final ProxyListenerGroup group;

    ClientListeners(Vertx vertx, ClientProxyConfig config, ClientOptions options, ProxyGateway gateway,
            ConnectionRegistry connections, ListenerTraffic traffic, TrafficRecorder.RequestObserver observer) {
        this.vertx = requireNonNull(vertx, "vertx");
        this.config = requireNonNull(config, "config");
        this.options = requireNonNull(options, "options");
        this.gateway = requireNonNull(gateway, "gateway");
        this.connections = requireNonNull(connections, "connections");
        this.traffic = requireNonNull(traffic, "traffic");
        this.observer = requireNonNull(observer, "observer");
        this.group = new ProxyListenerGroup(vertx, ProxyListenerGroup.socketOptions(KEEP_ALIVE));
    }

    Future<Void> bind() {
        ConnectionCeilings ceilings = new ConnectionCeilings(0); // per-listener ceilings only ([CFG-151])
        var hostAddresses = ServerOptions.interfaceAddresses();
        return group.bind(ProxyListenerGroup.plans("proxy", config.http(), config.socks5()).stream()
                .map(plan -> new ProxyListenerGroup.Binding(plan, ProxyListenerGroup.bindHost(plan, hostAddresses),
                        acceptor(plan, ceilings)))
                .toList());
    }

    private ProxyAcceptor acceptor(ListenerPlan plan, ConnectionCeilings ceilings) {
        boolean http = plan.kind() == ListenerPlan.Kind.HTTP;
        TrafficCounters counters = http ? traffic.http() : traffic.socks5();
        ProxyContext ctx = new ProxyContext(vertx, gateway, connections,
                new TrafficRecorder(options.events(), counters, traffic.total(), options.clock(), observer),
                options.clock());
        ListenerConfig listener = http ? config.http() : config.socks5();
        return new ProxyAcceptor(plan.kind(), ctx, ceilings.listener(plan.maxConnections()),
                ProxyListenerGroup.connections(plan.kind(), listener, options.originTls()));
    }

    Optional<SocketAddress> httpAddress() {
        return group.address(ListenerPlan.Kind.HTTP);
    }

    Optional<SocketAddress> socks5Address() {
        return group.address(ListenerPlan.Kind.SOCKS5);
    }

    void closeAllConnections() {
        group.closeAllConnections();
    }

    Future<Void> shutdown(Duration grace) {
        return group.shutdown(grace);
    }
}
