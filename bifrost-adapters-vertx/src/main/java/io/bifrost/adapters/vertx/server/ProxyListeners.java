package io.bifrost.adapters.vertx.server;

import static java.util.Objects.requireNonNull;

import io.bifrost.adapters.vertx.dial.BackendDialers;
import io.bifrost.adapters.vertx.listeners.ProxyListenerGroup;
import io.bifrost.adapters.vertx.proxy.ConnectionCeilings;
import io.bifrost.adapters.vertx.proxy.ListenerPlan;
import io.bifrost.adapters.vertx.proxy.ProxyAcceptor;
import io.bifrost.adapters.vertx.proxy.ProxyContext;
import io.bifrost.adapters.vertx.proxy.ProxyGate;
import io.bifrost.adapters.vertx.proxy.TrafficRecorder;
import io.bifrost.core.config.ListenerConfig;
import io.bifrost.core.config.ServerConfig;
import io.bifrost.core.port.out.EventSink;
import io.bifrost.core.traffic.ConnectionRegistry;
import io.bifrost.core.traffic.TrafficCounters;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.net.SocketAddress;
import java.time.Duration;
import java.util.Optional;

/** Binds the server's proxy listeners ([PRX-001]) on its policies, routes and backends, and drains them. */
final class ProxyListeners {
    private final Vertx vertx;
    private final ServerConfig config;
    private final ServerOptions options;
    private final ServerGateway gateway;
    private final ConnectionRegistry connections;
    private final BifrostServer.ServerTraffic traffic;
    private final EventSink events;
    private final ProxyListenerGroup group;
    private final Promise<Void> opened = Promise.promise();

    ProxyListeners(Vertx vertx, ServerConfig config, ServerOptions options, ProxyGate gate, BackendDialers dialers,
            ConnectionRegistry connections, BifrostServer.ServerTraffic traffic, EventSink events) {
        this.vertx = requireNonNull(vertx, "vertx");
        this.config = requireNonNull(config, "config");
        this.options = requireNonNull(options, "options");
        this.gateway = new ServerGateway(gate, dialers);
        this.connections = requireNonNull(connections, "connections");
        this.traffic = requireNonNull(traffic, "traffic");
        this.events = requireNonNull(events, "events");
        this.group = new ProxyListenerGroup(vertx, ProxyListenerGroup.socketOptions(config.network().keepalive()));
    }

    Future<Void> bind() {
        ConnectionCeilings ceilings = new ConnectionCeilings(config.network().maxConnections());
        return group.bind(ProxyListenerGroup.plans("server", config.server().http(), config.server().socks5())
                .stream()
                .map(plan -> new ProxyListenerGroup.Binding(plan,
                        ProxyListenerGroup.bindHost(plan, options.hostAddresses().get()), acceptor(plan, ceilings)))
                .toList());
    }

    private ProxyAcceptor acceptor(ListenerPlan plan, ConnectionCeilings ceilings) {
        boolean http = plan.kind() == ListenerPlan.Kind.HTTP;
        TrafficCounters counters = http ? traffic.http() : traffic.socks5();
        ProxyContext ctx = new ProxyContext(vertx, gateway, connections,
                new TrafficRecorder(events, counters, traffic.total(), options.clock()), options.clock());
        ListenerConfig listener = http ? config.server().http() : config.server().socks5();
        return new ProxyAcceptor(plan.kind(), ctx, ceilings.listener(plan.maxConnections()),
                ProxyListenerGroup.connections(plan.kind(), listener, options.originTls()), opened.future());
    }

    /**
     * Lets connections accepted since {@link #bind()} start, and those accepted from now on start at once. Call once
     * the gate's destination policy knows every own listener ([SEC-060]): until then a request to the proxy's own or
     * the API's port could pass.
     */
    void open() {
        opened.tryComplete();
    }

    /** A short reason for a failed bind, as start-up messages give it. */
    static String bindReason(Throwable e) {
        return ProxyListenerGroup.bindReason(e);
    }

    /** The wildcard a {@code :port} listener binds ([PRX-002]). */
    static String allInterfaces(ServerOptions options) {
        return ProxyListenerGroup.allInterfaces(options.hostAddresses().get());
    }

    Optional<SocketAddress> httpAddress() {
        return group.address(ListenerPlan.Kind.HTTP);
    }

    Optional<SocketAddress> socks5Address() {
        return group.address(ListenerPlan.Kind.SOCKS5);
    }

    /** Closes every client connection now, e.g. on a second signal during a drain ([PRX-111]). */
    void closeAllConnections() {
        group.closeAllConnections();
    }

    /** [PRX-110]: stop accepting, drain for at most {@code grace}, close the rest, undeploy. */
    Future<Void> shutdown(Duration grace) {
        opened.tryFail("the listeners were shut down before they opened"); // connections held since bind() close
        return group.shutdown(grace);
    }
}
