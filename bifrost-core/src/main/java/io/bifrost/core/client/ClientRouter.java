package io.bifrost.core.client;

import static java.util.Objects.requireNonNull;

import io.bifrost.core.config.ClientConfig;
import io.bifrost.core.config.ClientRouteConfig;
import io.bifrost.core.config.ClientRouteConfig.Action;
import io.bifrost.core.routing.RouteIndex;
import io.bifrost.core.routing.RoutingKey;
import java.util.List;

/**
 * The client's routing ([RTE-080], [RTE-081]): client routes in effective order ([RTE-030]), the first enabled route
 * with a matching pattern decides the action; with no match, the action is {@code server} when an upstream is
 * configured ({@code server.address} or a named server) and {@code direct} otherwise. Deciding changes no state, so
 * the same call answers the dry run of [RTE-093]. Immutable and thread-safe; a reload builds a new router.
 */
public final class ClientRouter {
    private final RouteIndex<ClientRouteConfig> index;
    private final boolean upstreamConfigured;

    private ClientRouter(List<ClientRouteConfig> routes, boolean upstreamConfigured) {
        this.index = RouteIndex.of(routes);
        this.upstreamConfigured = upstreamConfigured;
    }

    /** The router of a configuration: its routes, and whether it configures an upstream. */
    public static ClientRouter of(ClientConfig config) {
        requireNonNull(config, "config");
        return new ClientRouter(config.routes(), config.hasUpstream());
    }

    /**
     * @param routes client routes in file order
     * @param upstreamConfigured whether {@code server.address} or a named server is configured
     */
    public static ClientRouter of(List<ClientRouteConfig> routes, boolean upstreamConfigured) {
        return new ClientRouter(requireNonNull(routes, "routes"), upstreamConfigured);
    }

    /** Every route, enabled or not, in effective order ([CAPI-070]). */
    public List<ClientRouteConfig> routes() {
        return index.routes();
    }

    public boolean upstreamConfigured() {
        return upstreamConfigured;
    }

    /** The action for {@code host} and the route that decided it ([RTE-081], [RTE-093]). */
    public ClientRouteDecision decide(RoutingKey host) {
        requireNonNull(host, "host");
        return index.match(host)
                .map(m -> new ClientRouteDecision(m.route().action(), m.route(), m.pattern()))
                .orElseGet(() -> ClientRouteDecision.fallback(fallbackAction()));
    }

    /** The action when no route matches ([RTE-081]): {@code server} when an upstream is configured, else direct. */
    public Action fallbackAction() {
        return upstreamConfigured ? Action.SERVER : Action.DIRECT;
    }
}
