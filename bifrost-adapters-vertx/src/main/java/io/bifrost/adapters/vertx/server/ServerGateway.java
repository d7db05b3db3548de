package io.bifrost.adapters.vertx.server;

import static java.util.Objects.requireNonNull;

import io.bifrost.adapters.vertx.dial.BackendDialers;
import io.bifrost.adapters.vertx.net.BandwidthLimits;
import io.bifrost.adapters.vertx.proxy.ProxyGate;
import io.bifrost.adapters.vertx.proxy.ProxyGateway;
import io.bifrost.adapters.vertx.proxy.Refusal;
import io.bifrost.adapters.vertx.proxy.RequestInfo;
import io.bifrost.core.backend.Backend;
import io.bifrost.core.net.IpAddress;
import io.bifrost.core.policy.Credentials;
import io.bifrost.core.routing.RoutingKey;
import io.vertx.core.Future;
import java.util.Optional;

/**
 * The server's answers to its listeners: the policies and routes of {@link ProxyGate}, and the chosen backend's
 * dialer. A request records its route and backend once routed ([RTE-062]). Thread-safe.
 */
final class ServerGateway implements ProxyGateway {
    private final ProxyGate gate;
    private final BackendDialers dialers;

    ServerGateway(ProxyGate gate, BackendDialers dialers) {
        this.gate = requireNonNull(gate, "gate");
        this.dialers = requireNonNull(dialers, "dialers");
    }

    @Override
    public Optional<Refusal> checkClient(IpAddress client) {
        return gate.checkClient(client);
    }

    @Override
    public BandwidthLimits bandwidth() {
        return gate.policies().bandwidth();
    }

    @Override
    public boolean authRequired() {
        return gate.authRequired();
    }

    @Override
    public Future<Optional<String>> authenticate(Optional<Credentials> credentials) {
        return gate.authenticate(credentials);
    }

    @Override
    public Decision route(IpAddress client, Optional<String> username, RoutingKey host, int port, RequestInfo info) {
        ProxyGate.Routed routed = gate.route(client, username, host, port);
        if (routed.refusal() != null) {
            return Decision.refuse(routed.refusal());
        }
        Backend backend = routed.forward().backend();
        info.routed(routed.forward().route().name(), backend.name());
        return Decision.pass(target -> dialers.dial(backend, target));
    }
}
