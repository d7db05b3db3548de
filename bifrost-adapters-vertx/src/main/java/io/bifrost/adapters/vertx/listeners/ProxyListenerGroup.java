package io.bifrost.adapters.vertx.listeners;

import static java.util.Objects.requireNonNull;

import io.bifrost.adapters.vertx.proxy.ListenerPlan;
import io.bifrost.adapters.vertx.proxy.ProxyAcceptor;
import io.bifrost.adapters.vertx.proxy.http.HttpProxyConnection;
import io.bifrost.adapters.vertx.proxy.http.HttpSettings;
import io.bifrost.adapters.vertx.proxy.http.OriginTls;
import io.bifrost.adapters.vertx.proxy.http.codec.Http1Limits;
import io.bifrost.adapters.vertx.proxy.socks5.Socks5ProxyConnection;
import io.bifrost.core.config.ListenerConfig;
import io.bifrost.core.net.IpAddress;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.SocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The proxy listeners of one program, server or client ([PRX-001]): each bound by one {@link ProxyListenerVerticle}
 * instance per event loop, so every accepted connection lives on one event loop from accept to close, and drained
 * together at shutdown ([PRX-110]). A bind failure names the configuration key and address ([PRX-002]) and unbinds
 * what was bound. Thread-safe.
 */
public final class ProxyListenerGroup {
    /** Negative ports ask Vert.x for one ephemeral port shared by every instance that uses the same number. */
    private static final AtomicInteger SHARED_EPHEMERAL = new AtomicInteger(-1000);

    private final Vertx vertx;
    private final NetServerOptions options;
    private final List<ProxyListenerVerticle> instances = new CopyOnWriteArrayList<>();
    private final List<String> deployments = new CopyOnWriteArrayList<>();
    private final Map<ListenerPlan.Kind, SocketAddress> bound = new EnumMap<>(ListenerPlan.Kind.class);
    private final List<ProxyAcceptor> acceptors = new CopyOnWriteArrayList<>();

    /** @param options socket options of every listener; copied, never modified */
    public ProxyListenerGroup(Vertx vertx, NetServerOptions options) {
        this.vertx = requireNonNull(vertx, "vertx");
        this.options = new NetServerOptions(requireNonNull(options, "options"));
    }

    /**
     * Binds the listeners in order; when one fails, unbinds the others and fails with
     * {@code <config key>: cannot bind <address>: <reason>}.
     */
    public Future<Void> bind(List<Binding> listeners) {
        Future<Void> chain = Future.succeededFuture();
        for (Binding b : List.copyOf(listeners)) {
            chain = chain.compose(v -> bind(b).mapEmpty());
        }
        return chain.recover(e -> shutdown(Duration.ZERO).transform(ignored -> Future.failedFuture(e)));
    }

    private Future<SocketAddress> bind(Binding b) {
        ListenerPlan plan = b.plan();
        acceptors.add(b.acceptor());
        int vertxPort = plan.port() > 0 ? plan.port() : SHARED_EPHEMERAL.getAndDecrement();
        ProxyListenerVerticle.Binding binding = new ProxyListenerVerticle.Binding(plan, b.host(), vertxPort,
                b.acceptor());
        List<ProxyListenerVerticle> mine = new CopyOnWriteArrayList<>();
        return vertx.deployVerticle(() -> {
                    ProxyListenerVerticle v = new ProxyListenerVerticle(List.of(binding), options);
                    mine.add(v);
                    instances.add(v);
                    return v;
                }, new DeploymentOptions().setInstances(eventLoops()))
                .recover(e -> Future.failedFuture(new IllegalStateException(plan.configKey() + ": cannot bind "
                        + listenText(plan) + ": " + bindReason(e), e)))
                .map(id -> {
                    deployments.add(id);
                    SocketAddress address = SocketAddress.inetSocketAddress(
                            mine.get(0).actualPorts().get(plan.kind()), b.host());
                    synchronized (bound) {
                        bound.put(plan.kind(), address);
                    }
                    return address;
                });
    }

    /** The bound address of the listener of {@code kind}, once bound. */
    public Optional<SocketAddress> address(ListenerPlan.Kind kind) {
        synchronized (bound) {
            return Optional.ofNullable(bound.get(kind));
        }
    }

    /** Closes every client connection now, e.g. on a second signal during a drain ([PRX-111]). */
    public void closeAllConnections() {
        acceptors.forEach(ProxyAcceptor::closeAll);
    }

    /** [PRX-110]: stop accepting, drain for at most {@code grace}, close the rest, undeploy. */
    public Future<Void> shutdown(Duration grace) {
        acceptors.forEach(ProxyAcceptor::drainAll); // at once; each NetServer's notice reaches its loop later
        return Future.join(instances.stream().map(v -> v.shutdown(grace)).toList())
                .transform(ar -> Future.join(new ArrayList<>(deployments).stream().map(vertx::undeploy).toList()))
                .mapEmpty();
    }

    /**
     * The enabled listeners of a program's configuration: {@code <prefix>.http.listen}, {@code <prefix>.socks5.listen}
     * ({@code server} or {@code proxy}).
     */
    public static List<ListenerPlan> plans(String prefix, ListenerConfig http, ListenerConfig socks5) {
        List<ListenerPlan> plans = new ArrayList<>(2);
        add(plans, ListenerPlan.Kind.HTTP, prefix + ".http.listen", http);
        add(plans, ListenerPlan.Kind.SOCKS5, prefix + ".socks5.listen", socks5);
        return plans;
    }

    private static void add(List<ListenerPlan> plans, ListenerPlan.Kind kind, String key, ListenerConfig listener) {
        if (!listener.listen().isDisabled()) {
            plans.add(new ListenerPlan(kind, key, listener.listen().host(), listener.listen().port(),
                    listener.maxConnections()));
        }
    }

    /** The protocol connection of a listener, with its timers ([PRX-105]). */
    public static Function<ProxyAcceptor.Accepted, ProxyAcceptor.Startable> connections(ListenerPlan.Kind kind,
            ListenerConfig listener, OriginTls originTls) {
        if (kind == ListenerPlan.Kind.HTTP) {
            HttpSettings settings = new HttpSettings(listener.readTimeout(), listener.writeTimeout(),
                    listener.idleTimeout(), Http1Limits.defaults(), originTls);
            return a -> new HttpProxyConnection(a.ctx(), settings, a.client(), a.peer());
        }
        Duration readTimeout = listener.readTimeout();
        return a -> new Socks5ProxyConnection(a.ctx(), a.client(), a.peer(), readTimeout);
    }

    /** Listener socket options: no Nagle, address reuse, a deep backlog, TCP keep-alive unless zero ([PRX-057]). */
    public static NetServerOptions socketOptions(Duration keepAlive) {
        NetServerOptions o = new NetServerOptions().setTcpNoDelay(true).setReuseAddress(true).setAcceptBacklog(4096);
        if (!keepAlive.isZero()) {
            o.setTcpKeepAlive(true).setTcpKeepAliveIdleSeconds((int) Math.max(1, keepAlive.toSeconds()));
        }
        return o;
    }

    /** The host to bind: {@code plan}'s, or for {@code :port} the wildcard of {@link #allInterfaces}. */
    public static String bindHost(ListenerPlan plan, List<IpAddress> hostAddresses) {
        return plan.host().isEmpty() ? allInterfaces(hostAddresses) : plan.host();
    }

    /** {@code :port} means IPv4 and IPv6 ([PRX-002]): the dual-stack wildcard where the host has IPv6. */
    public static String allInterfaces(List<IpAddress> hostAddresses) {
        return hostAddresses.stream().anyMatch(IpAddress::isV6) ? "::" : "0.0.0.0";
    }

    private static int eventLoops() {
        return Math.max(1, Runtime.getRuntime().availableProcessors());
    }

    private static String listenText(ListenerPlan plan) {
        String host = plan.host().indexOf(':') >= 0 ? "[" + plan.host() + "]" : plan.host();
        return host + ":" + plan.port();
    }

    /** A short reason for a failed bind: {@code address in use}, {@code permission denied}, ... */
    public static String bindReason(Throwable e) {
        String msg = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
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

    /** A listener to bind: its plan, the resolved host and its acceptor. */
    public record Binding(ListenerPlan plan, String host, ProxyAcceptor acceptor) {
        public Binding {
            requireNonNull(plan, "plan");
            requireNonNull(host, "host");
            requireNonNull(acceptor, "acceptor");
        }
    }
}
