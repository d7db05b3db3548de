package io.bifrost.adapters.vertx.client;

import static java.util.Objects.requireNonNull;

import io.bifrost.adapters.vertx.dial.UpstreamDialer;
import io.bifrost.adapters.vertx.net.BandwidthLimits;
import io.bifrost.adapters.vertx.proxy.ProxyGateway;
import io.bifrost.adapters.vertx.proxy.Refusal;
import io.bifrost.adapters.vertx.proxy.RequestInfo;
import io.bifrost.core.client.ClientRouteDecision;
import io.bifrost.core.client.UpstreamServer;
import io.bifrost.core.config.ClientRouteConfig.Action;
import io.bifrost.core.net.IpAddress;
import io.bifrost.core.policy.Credentials;
import io.bifrost.core.routing.RoutingKey;
import io.bifrost.core.traffic.ErrorCode;
import io.vertx.core.Future;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The client's answers to its listeners ([PRX-120], [PRX-121], [PRX-126]): no access control, rate limits or
 * authentication (credentials sent to the client are ignored); each request goes where the client routes say,
 * {@code direct} from this machine or {@code server} through the active upstream. A {@code server} request fails
 * locally when no upstream is configured ({@code no_backend}) or the client is disconnected
 * ({@code server_disconnected}). Thread-safe.
 */
final class ClientGateway implements ProxyGateway {
    private final Supplier<ClientState> state;
    private final BooleanSupplier connected;
    private final UpstreamDialer direct;
    private final ServerDialer server;

    ClientGateway(Supplier<ClientState> state, BooleanSupplier connected, UpstreamDialer direct, ServerDialer server) {
        this.state = requireNonNull(state, "state");
        this.connected = requireNonNull(connected, "connected");
        this.direct = requireNonNull(direct, "direct");
        this.server = requireNonNull(server, "server");
    }

    @Override
    public Optional<Refusal> checkClient(IpAddress client) {
        return Optional.empty();
    }

    /** The client has no bandwidth limits: they are a server policy ([SEC-052]). */
    @Override
    public BandwidthLimits bandwidth() {
        return BandwidthLimits.unlimited();
    }

    @Override
    public boolean authRequired() {
        return false;
    }

    @Override
    public Future<Optional<String>> authenticate(Optional<Credentials> credentials) {
        return Future.succeededFuture(Optional.empty());
    }

    @Override
    public Decision route(IpAddress client, Optional<String> username, RoutingKey host, int port, RequestInfo info) {
        ClientState s = state.get();
        ClientRouteDecision decision = s.router().decide(host);
        String route = decision.routeName().orElse(null);
        info.action(decision.action().wireName());
        if (decision.action() == Action.DIRECT) {
            info.routed(route, null);
            return Decision.pass(direct);
        }
        Optional<UpstreamServer> active = s.upstreams().active();
        info.routed(route, active.map(UpstreamServer::name).orElse(null));
        if (active.isEmpty()) {
            return Decision.refuse(Refusal.of(ErrorCode.NO_BACKEND, "no server configured"));
        }
        UpstreamServer upstream = active.get();
        if (!connected.getAsBoolean()) {
            return Decision.refuse(Refusal.of(ErrorCode.SERVER_DISCONNECTED, ServerDialer.disconnected(upstream)
                    .detail()));
        }
        return Decision.pass(target -> server.dial(upstream, s.config().server(), target));
    }
}
