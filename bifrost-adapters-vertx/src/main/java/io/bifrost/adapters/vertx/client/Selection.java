package io.bifrost.adapters.vertx.client;

import io.bifrost.core.client.ClientUpstreams;
import io.bifrost.core.config.ClientConfig;
import io.bifrost.core.config.NamedServerConfig;

/** [CAPI-041] for a client without a configuration file: the selection applied to the configuration in memory. */
final class Selection {
    private Selection() {}

    /** {@code config} with {@code is_default} true on {@code name} only; {@code default} clears every flag. */
    static ClientConfig select(ClientConfig config, String name) {
        var servers = config.servers().stream()
                .map(s -> new NamedServerConfig(s.name(), s.address(), s.protocol(), s.username(), s.password(),
                        !name.equals(ClientUpstreams.DEFAULT_NAME) && s.name().equals(name)))
                .toList();
        return new ClientConfig(config.proxy(), config.server(), servers, config.routes(), config.debug(),
                config.logging(), config.webUi(), config.api(), config.tray(), config.autoUpdate(),
                config.systemProxy(), config.vpn(), config.mesh());
    }
}
