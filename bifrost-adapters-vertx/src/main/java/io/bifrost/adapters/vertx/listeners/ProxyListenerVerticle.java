package io.bifrost.adapters.vertx.listeners;

import static java.util.Objects.requireNonNull;

import io.bifrost.adapters.vertx.proxy.ListenerPlan;
import io.bifrost.adapters.vertx.proxy.ProxyAcceptor;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One event loop's share of the proxy listeners. Deployed once per event loop: every instance listens on the same
 * addresses and Vert.x spreads accepted connections over them, so each connection lives on one event loop from
 * accept to close. Thin: it binds, and hands sockets to the acceptors.
 */
final class ProxyListenerVerticle extends VerticleBase {
    private final List<Binding> bindings;
    private final NetServerOptions options;
    private final List<NetServer> servers = new ArrayList<>();

    /**
     * @param bindings the listeners with the port to pass to Vert.x: a configured port, or one negative id per
     *     listener that asks for an ephemeral port shared by every instance
     */
    ProxyListenerVerticle(List<Binding> bindings, NetServerOptions options) {
        this.bindings = List.copyOf(bindings);
        this.options = requireNonNull(options, "options");
    }

    @Override
    public Future<?> start() {
        List<Future<NetServer>> listening = new ArrayList<>();
        for (Binding b : bindings) {
            NetServer server = vertx.createNetServer(new NetServerOptions(options)).connectHandler(b.acceptor()::accept);
            servers.add(server);
            listening.add(server.listen(b.vertxPort(), b.host()));
        }
        return Future.all(listening);
    }

    /** The bound ports, by listener kind. */
    Map<ListenerPlan.Kind, Integer> actualPorts() {
        Map<ListenerPlan.Kind, Integer> ports = new java.util.EnumMap<>(ListenerPlan.Kind.class);
        for (int i = 0; i < bindings.size(); i++) {
            ports.put(bindings.get(i).plan().kind(), servers.get(i).actualPort());
        }
        return ports;
    }

    /**
     * Stops accepting and lets connections drain: each gets its shutdown handler ([PRX-110] steps 1-4), and those
     * still open after {@code grace} are closed.
     */
    Future<Void> shutdown(Duration grace) {
        return Future.all(servers.stream().map(s -> s.shutdown(grace)).toList()).mapEmpty();
    }

    @Override
    public Future<?> stop() {
        return Future.all(servers.stream().map(NetServer::close).toList());
    }

    /** A listener plan, the port handed to Vert.x, the host to bind and its acceptor. */
    record Binding(ListenerPlan plan, String host, int vertxPort, ProxyAcceptor acceptor) {}
}
