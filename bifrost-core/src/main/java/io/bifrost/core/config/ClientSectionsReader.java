package io.bifrost.core.config;

import io.bifrost.core.routing.HostPattern;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads the client-only sections: {@code server}, {@code servers}, {@code routes}, {@code debug}, {@code tray}. */
final class ClientSectionsReader {
    private static final String PROTOCOLS = "http, socks5";

    private ClientSectionsReader() {}

    static UpstreamServerConfig server(ConfigNode node) {
        UpstreamServerConfig d = UpstreamServerConfig.defaults();
        ConfigNode addressNode = node.get("address");
        String addressText = addressNode.asString();
        HostPort address = addressText == null || addressText.isEmpty()
                ? null : addressNode.parsed(addressText, HostPort::parse);
        ConfigNode healthNode = node.get("health_check");
        HealthCheckConfig health = HealthCheckReader.read(healthNode);
        HealthCheckReader.validate(healthNode, health, null);
        Duration timeout = node.positiveDuration("timeout");
        return new UpstreamServerConfig(address,
                node.choice("protocol", d.protocol(), UpstreamProtocol::parse, PROTOCOLS),
                node.string("username", d.username()),
                node.string("password", d.password()),
                timeout == null ? d.timeout() : timeout,
                node.integer("retry_count", d.retryCount(), 0, 10),
                node.duration("retry_delay", d.retryDelay()),
                ListenerReader.tls(node.map("tls"), "TLS connections to the server are not available in this version"),
                health);
    }

    static List<NamedServerConfig> servers(ConfigNode list) {
        List<NamedServerConfig> servers = new ArrayList<>();
        Set<String> names = new HashSet<>();
        String defaultName = null;
        for (ConfigNode entry : list.elements()) {
            ConfigNode s = entry.expectMap();
            if (!(s.value() instanceof Map<?, ?>)) {
                continue;
            }
            String name = Names.readRequired(s, "server", Set.of("default"), names);
            ConfigNode addressNode = s.get("address");
            String addressText = addressNode.asString();
            if (addressText == null && !addressNode.isPresent()) {
                addressNode.error("required");
            }
            HostPort address = addressNode.parsed(addressText, HostPort::parse);
            boolean isDefault = s.bool("is_default", false);
            if (isDefault && defaultName != null) {
                s.get("is_default").error("at most one server can be the default (\"" + defaultName + "\" already is)");
            } else if (isDefault) {
                defaultName = name;
            }
            UpstreamProtocol protocol = s.choice("protocol", UpstreamProtocol.HTTP, UpstreamProtocol::parse, PROTOCOLS);
            String username = s.string("username", "");
            String password = s.string("password", "");
            if (name != null && address != null) {
                servers.add(new NamedServerConfig(name, address, protocol, username, password, isDefault));
            }
        }
        return servers;
    }

    static List<ClientRouteConfig> routes(ConfigNode list, boolean hasUpstream) {
        List<ClientRouteConfig> routes = new ArrayList<>();
        Map<ClientRouteConfig, String> paths = new IdentityHashMap<>();
        Set<String> names = new HashSet<>();
        List<ConfigNode> entries = list.elements();
        for (int i = 0; i < entries.size(); i++) {
            ConfigNode r = entries.get(i).expectMap();
            if (!(r.value() instanceof Map<?, ?>)) {
                continue;
            }
            RoutesReader.RouteName name = RoutesReader.name(r, i, names);
            List<HostPattern> domains = Patterns.requiredDomains(r);
            ClientRouteConfig.Action action = action(r.get("action"), hasUpstream);
            int priority = r.integer("priority", 0, Integer.MIN_VALUE, Integer.MAX_VALUE);
            boolean enabled = r.bool("enabled", true);
            if (action != null) {
                ClientRouteConfig route =
                        new ClientRouteConfig(name.name(), domains, action, priority, enabled, name.generated());
                routes.add(route);
                paths.put(route, r.path());
            }
        }
        NeverUsedRoutes.warnNeverUsed(routes, paths::get, list.context());
        return routes;
    }

    private static ClientRouteConfig.Action action(ConfigNode node, boolean hasUpstream) {
        if (!node.isPresent()) {
            node.error("required");
            return null;
        }
        ClientRouteConfig.Action action = node.asChoice(ClientRouteConfig.Action::parse, "direct, server");
        if (action == ClientRouteConfig.Action.SERVER && !hasUpstream) {
            node.warning("\"server\" but no server.address is configured");
        }
        return action;
    }

    static DebugConfig debug(ConfigNode node) {
        DebugConfig d = DebugConfig.defaults();
        boolean captureBody = node.bool("capture_body", d.captureBody());
        if (captureBody) {
            node.get("capture_body").warning("body capture is not available in this version");
        }
        return new DebugConfig(node.bool("enabled", d.enabled()),
                node.integer("max_entries", d.maxEntries(), 0, 1_000_000), captureBody,
                node.longValue("max_body_size", d.maxBodySize(), 0, Long.MAX_VALUE),
                Patterns.hostPatterns(node.get("filter_domains")));
    }

    static TrayConfig tray(ConfigNode node) {
        TrayConfig d = TrayConfig.defaults();
        return new TrayConfig(node.bool("enabled", d.enabled()),
                node.bool("start_minimized", d.startMinimized()),
                node.bool("show_quick_gui", d.showQuickGui()),
                node.bool("auto_connect", d.autoConnect()),
                node.bool("show_notifications", d.showNotifications()),
                node.integer("window_x", d.windowX(), Integer.MIN_VALUE, Integer.MAX_VALUE),
                node.integer("window_y", d.windowY(), Integer.MIN_VALUE, Integer.MAX_VALUE));
    }
}
