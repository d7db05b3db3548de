package io.bifrost.core.config;

import static io.bifrost.core.config.ServerConfigTree.duration;
import static io.bifrost.core.config.ServerConfigTree.list;
import static io.bifrost.core.config.ServerConfigTree.map;
import static java.util.Objects.requireNonNull;

import io.bifrost.core.routing.HostPattern;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON/YAML form of a {@link ClientConfig} ([CAPI-050], [CAPI-054]): the YAML keys of the client schema
 * ([CFG-150]-[CFG-163]) with every section present, sections in canonical order and defaults filled in; durations in
 * Bifrost's output form ([CFG-010]); {@code server.tls} omitted when absent; {@code server.health_check} as written
 * over its defaults ({@code type}, {@code interval}, {@code timeout}). Values are the effective ones, secrets in
 * clear: apply {@link ConfigSecrets#mask(Object)} for a masked view. The trees are fresh, mutable maps and lists in
 * key order, owned by the caller; two configurations with equal trees are the same after normalisation. Stateless
 * and thread-safe.
 */
public final class ClientConfigTree {
    private ClientConfigTree() {}

    /** The whole configuration, sections in canonical order ([CFG-150]). */
    public static Map<String, Object> of(ClientConfig c) {
        requireNonNull(c, "c");
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("proxy", map("http", ServerConfigTree.listener(c.proxy().http()), "socks5", socks5(c.proxy())));
        tree.put("server", server(c.server()));
        tree.put("servers", list(c.servers().stream().map(ClientConfigTree::namedServer).toList()));
        tree.put("routes", list(c.routes().stream().map(ClientConfigTree::route).toList()));
        tree.put("debug", debug(c.debug()));
        tree.put("logging", ServerConfigTree.logging(c.logging()));
        tree.put("web_ui", map("enabled", c.webUi().enabled(), "listen", c.webUi().listen().toString()));
        tree.put("api", map("enabled", c.api().enabled(), "listen", c.api().listen().toString(),
                "token", c.api().token()));
        tree.put("tray", tray(c.tray()));
        tree.put("auto_update", map("enabled", c.autoUpdate().enabled(),
                "check_interval", duration(c.autoUpdate().checkInterval()), "channel", c.autoUpdate().channel()));
        tree.put("system_proxy", LaterPhaseDefaults.systemProxy(c.systemProxy()));
        tree.put("vpn", LaterPhaseDefaults.clientVpn(c.vpn()));
        tree.put("mesh", LaterPhaseDefaults.clientMesh(c.mesh()));
        return tree;
    }

    /**
     * A client route ([RTE-080], [CAPI-070]): {@code name}, {@code domains}, {@code action}, {@code priority},
     * {@code enabled}.
     */
    public static Map<String, Object> route(ClientRouteConfig r) {
        requireNonNull(r, "r");
        return map("name", r.name(), "domains", list(r.domains().stream().map(HostPattern::text).toList()),
                "action", r.action().wireName(), "priority", (long) r.priority(), "enabled", r.enabled());
    }

    /** SOCKS5 has no write or idle timeout in the client's file ([CFG-151]). */
    private static Map<String, Object> socks5(ClientProxyConfig p) {
        Map<String, Object> m = ServerConfigTree.listener(p.socks5());
        m.remove("write_timeout");
        m.remove("idle_timeout");
        return m;
    }

    private static Map<String, Object> server(UpstreamServerConfig s) {
        Map<String, Object> m = map("address", s.address() == null ? "" : s.address().toString(),
                "protocol", s.protocol().wireName(), "username", s.username(), "password", s.password(),
                "timeout", duration(s.timeout()), "retry_count", (long) s.retryCount(),
                "retry_delay", duration(s.retryDelay()));
        if (s.tls() != null) {
            m.put("tls", map("enabled", s.tls().enabled(), "cert_file", s.tls().certFile(),
                    "key_file", s.tls().keyFile(), "client_auth", s.tls().clientAuth(),
                    "client_ca_file", s.tls().clientCaFile()));
        }
        Map<String, Object> health = map("type", HealthCheckType.TCP.wireName(),
                "interval", duration(HealthCheckConfig.DEFAULT_INTERVAL),
                "timeout", duration(HealthCheckConfig.DEFAULT_TIMEOUT));
        if (s.healthCheck() != null) {
            health.putAll(ServerConfigTree.healthCheck(s.healthCheck()));
        }
        m.put("health_check", health);
        return m;
    }

    private static Map<String, Object> namedServer(NamedServerConfig s) {
        return map("name", s.name(), "address", s.address().toString(), "protocol", s.protocol().wireName(),
                "username", s.username(), "password", s.password(), "is_default", s.isDefault());
    }

    private static Map<String, Object> debug(DebugConfig d) {
        List<Object> filter = new ArrayList<>(d.filterDomains().stream().map(HostPattern::text).toList());
        return map("enabled", d.enabled(), "max_entries", (long) d.maxEntries(), "capture_body", d.captureBody(),
                "max_body_size", d.maxBodySize(), "filter_domains", filter);
    }

    private static Map<String, Object> tray(TrayConfig t) {
        return map("enabled", t.enabled(), "start_minimized", t.startMinimized(), "show_quick_gui", t.showQuickGui(),
                "auto_connect", t.autoConnect(), "show_notifications", t.showNotifications(),
                "window_x", (long) t.windowX(), "window_y", (long) t.windowY());
    }
}
