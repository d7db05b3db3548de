package io.bifrost.core.client;

import io.bifrost.core.config.ClientConfig;
import io.bifrost.core.config.ClientRouteConfig;
import io.bifrost.core.config.ClientRouteConfig.Action;
import io.bifrost.core.config.HostPort;
import io.bifrost.core.config.NamedServerConfig;
import io.bifrost.core.config.UpstreamProtocol;
import io.bifrost.core.config.UpstreamServerConfig;
import io.bifrost.core.routing.HostPattern;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/** Client configurations for core tests, built from records (no YAML in the core). */
final class ClientConfigs {
    private ClientConfigs() {}

    static ClientRouteConfig route(String name, Action action, int priority, String... patterns) {
        return new ClientRouteConfig(name, Arrays.stream(patterns).map(HostPattern::parse).toList(), action, priority,
                true, false);
    }

    static ClientRouteConfig disabled(ClientRouteConfig r) {
        return new ClientRouteConfig(r.name(), r.domains(), r.action(), r.priority(), false, r.nameGenerated());
    }

    static UpstreamServerConfig server(String address) {
        UpstreamServerConfig d = UpstreamServerConfig.defaults();
        return new UpstreamServerConfig(address == null ? null : HostPort.parse(address), UpstreamProtocol.HTTP,
                "alice", "s3cret", d.timeout(), d.retryCount(), d.retryDelay(), null, null);
    }

    static NamedServerConfig named(String name, String address, boolean isDefault) {
        return new NamedServerConfig(name, HostPort.parse(address), UpstreamProtocol.SOCKS5, "", "", isDefault);
    }

    static ClientConfig with(UpstreamServerConfig server, List<NamedServerConfig> servers,
            List<ClientRouteConfig> routes) {
        ClientConfig d = ClientConfig.defaults();
        return new ClientConfig(d.proxy(), server, servers, routes, d.debug(), d.logging(), d.webUi(), d.api(),
                d.tray(), d.autoUpdate(), d.systemProxy(), d.vpn(), d.mesh());
    }

    static UpstreamServerConfig withTimeout(UpstreamServerConfig s, Duration timeout) {
        return new UpstreamServerConfig(s.address(), s.protocol(), s.username(), s.password(), timeout,
                s.retryCount(), s.retryDelay(), s.tls(), s.healthCheck());
    }
}
