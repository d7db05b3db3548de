package io.bifrost.adapters.vertx.proxy;

import io.bifrost.core.policy.Credentials;
import io.bifrost.core.routing.RouteDecision;
import io.bifrost.core.routing.RoutingKey;
import io.vertx.core.Future;
import java.util.Optional;

/**
 * Runs [PRX-010] steps 2-8 for one HTTP request or CONNECT and fills the request's record as it goes. Fails with a
 * {@link ProxyRefusalException} naming the first step that refused.
 */
public final class Admission {
    private Admission() {}

    /**
     * @param proxyAuthorization the {@code Proxy-Authorization} field value, or {@code null}
     * @return the backend to dial through
     */
    public static Future<RouteDecision.Forward> admit(ProxyContext ctx, ClientPeer peer, RequestInfo info,
            String proxyAuthorization, RoutingKey host, int port) {
        Optional<Refusal> refused = ctx.gate().checkClient(peer.ip());
        if (refused.isPresent()) {
            return Future.failedFuture(new ProxyRefusalException(refused.get()));
        }
        Optional<Credentials> credentials = proxyAuthorization == null
                ? Optional.empty() : Credentials.parseBasic(proxyAuthorization);
        return ctx.gate().authenticate(credentials).compose(user -> {
            info.username(user.orElse(null));
            ProxyGate.Routed routed = ctx.gate().route(peer.ip(), user, host, port);
            if (routed.refusal() != null) {
                return Future.failedFuture(new ProxyRefusalException(routed.refusal()));
            }
            info.routed(routed.forward().route().name(), routed.forward().backend().name());
            return Future.succeededFuture(routed.forward());
        });
    }
}
