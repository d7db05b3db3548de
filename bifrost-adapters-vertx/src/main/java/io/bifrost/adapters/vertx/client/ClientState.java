package io.bifrost.adapters.vertx.client;

import static java.util.Objects.requireNonNull;

import io.bifrost.core.client.ClientRouter;
import io.bifrost.core.client.ClientUpstreams;
import io.bifrost.core.config.ClientConfig;

/**
 * The running client's configuration-derived state, swapped whole by reloads, API updates and server selection, so
 * that every request is decided against one consistent snapshot ([CFG-085]). Immutable.
 *
 * @param config the running configuration: hot fields as last applied, restart-only fields from start-up
 */
record ClientState(ClientConfig config, ClientRouter router, ClientUpstreams upstreams) {

    ClientState {
        requireNonNull(config, "config");
        requireNonNull(router, "router");
        requireNonNull(upstreams, "upstreams");
    }

    static ClientState of(ClientConfig config) {
        return new ClientState(config, ClientRouter.of(config), ClientUpstreams.of(config));
    }
}
