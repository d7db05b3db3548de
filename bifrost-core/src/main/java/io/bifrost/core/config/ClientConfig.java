package io.bifrost.core.config;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The client configuration ([CFG-150]): one component per top-level section, in canonical order. Built by
 * {@link ClientConfigReader}; immutable and thread-safe.
 *
 * @param proxy local proxy listeners
 * @param server the upstream server
 * @param servers named upstreams ([CAPI-040]); default empty
 * @param routes client routes in file order; default empty
 * @param debug traffic debugger
 * @param logging application log
 * @param webUi reserved; nothing is bound
 * @param api local management API
 * @param tray later phase; stored
 * @param autoUpdate later phase
 * @param systemProxy later phase ({@code enabled: true} gives a warning)
 * @param vpn later phase ({@code enabled: true} is an error)
 * @param mesh later phase ({@code enabled: true} is an error)
 */
public record ClientConfig(
        ClientProxyConfig proxy,
        UpstreamServerConfig server,
        List<NamedServerConfig> servers,
        List<ClientRouteConfig> routes,
        DebugConfig debug,
        LoggingConfig logging,
        WebUiConfig webUi,
        ApiConfig api,
        TrayConfig tray,
        AutoUpdateConfig autoUpdate,
        LaterPhaseSection systemProxy,
        LaterPhaseSection vpn,
        LaterPhaseSection mesh) {

    public ClientConfig {
        requireNonNull(proxy, "proxy");
        requireNonNull(server, "server");
        servers = List.copyOf(servers);
        routes = List.copyOf(routes);
        requireNonNull(debug, "debug");
        requireNonNull(logging, "logging");
        requireNonNull(webUi, "webUi");
        requireNonNull(api, "api");
        requireNonNull(tray, "tray");
        requireNonNull(autoUpdate, "autoUpdate");
        requireNonNull(systemProxy, "systemProxy");
        requireNonNull(vpn, "vpn");
        requireNonNull(mesh, "mesh");
    }

    /** Every key at its schema default (a valid, direct-only client). */
    public static ClientConfig defaults() {
        return new ClientConfig(ClientProxyConfig.defaults(), UpstreamServerConfig.defaults(), List.of(), List.of(),
                DebugConfig.defaults(), LoggingConfig.defaults(), WebUiConfig.clientDefaults(),
                ApiConfig.clientDefaults(), TrayConfig.defaults(), AutoUpdateConfig.defaults(),
                LaterPhaseSection.disabled(), LaterPhaseSection.disabled(), LaterPhaseSection.disabled());
    }

    /** Whether an upstream is configured: {@code server.address} or a named server ([RTE-081]). */
    public boolean hasUpstream() {
        return server.address() != null || !servers.isEmpty();
    }
}
