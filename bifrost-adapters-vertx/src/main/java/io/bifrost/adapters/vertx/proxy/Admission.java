package io.bifrost.adapters.vertx.proxy;

import io.bifrost.adapters.vertx.dial.UpstreamDialer;
import io.bifrost.core.policy.Credentials;
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
     * @return how to dial the request's destination
     */
    public static Future<UpstreamDialer> admit(ProxyContext ctx, ClientPeer peer, RequestInfo info,
            String proxyAuthorization, RoutingKey host, int port) {
        ProxyGateway gateway = ctx.gateway();
        Optional<Refusal> refused = gateway.checkClient(peer.ip());
        if (refused.isPresent()) {
            return Future.failedFuture(new ProxyRefusalException(refused.get()));
        }
        Optional<Credentials> credentials = proxyAuthorization == null
                ? Optional.empty() : Credentials.parseBasic(proxyAuthorization);
        return gateway.authenticate(credentials).compose(user -> {
            info.username(user.orElse(null));
            ProxyGateway.Decision decision = gateway.route(peer.ip(), user, host, port, info);
            if (decision.refusal() != null) {
                return Future.failedFuture(new ProxyRefusalException(decision.refusal()));
            }
            return Future.succeededFuture(decision.dialer());
        });
    }
}
