package io.bifrost.core.config;

import io.bifrost.core.net.IpAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads {@code backends} ([CFG-103], [BKD-001]-[BKD-014]) with their health checks ([BKD-060], [BKD-061]). */
final class BackendsReader {
    static final String UNSUPPORTED_TYPE = "backend type \"%s\" is not supported by this version of Bifrost; run "
            + "the tunnel outside Bifrost (for example a WireGuard-to-SOCKS5 sidecar) and point a socks5_proxy backend "
            + "at it";

    /**
     * @param backends the entries that could be built, in file order
     * @param declared every declared backend name (even of an entry with errors) → its {@code enabled} flag; routes
     *     are checked against it so that one bad backend does not also fail every route naming it
     */
    record Result(List<BackendConfig> backends, Map<String, Boolean> declared) {}

    private BackendsReader() {}

    static Result read(ConfigNode list, HealthCheckConfig defaults) {
        List<BackendConfig> backends = new ArrayList<>();
        Map<String, Boolean> declared = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        List<ConfigNode> entries = list.elements();
        if (entries.isEmpty() && !list.context().hasError(list.path())) {
            list.error("at least one backend must be configured");
        }
        for (ConfigNode entry : entries) {
            BackendConfig backend = entry(entry.expectMap(), seen, declared, defaults);
            if (backend != null) {
                backends.add(backend);
            }
        }
        return new Result(backends, declared);
    }

    private static BackendConfig entry(
            ConfigNode e, Set<String> seen, Map<String, Boolean> declared, HealthCheckConfig defaults) {
        if (!(e.value() instanceof Map<?, ?>)) {
            return null;
        }
        String name = Names.readRequired(e, "backend", Names.RESERVED_BACKEND_NAMES, seen);
        boolean enabled = e.bool("enabled", true);
        if (name != null) {
            declared.putIfAbsent(name, enabled);
        }
        int priority = e.integer("priority", 0, Integer.MIN_VALUE, Integer.MAX_VALUE);
        int weight = e.integer("weight", 0, 0, Integer.MAX_VALUE);
        BackendType type = type(e.get("type"), enabled);
        ConfigNode config = e.map("config");
        Map<String, Object> raw = config.snapshot();
        BackendSettings settings = type == null ? null : settings(config, type);
        if (type == null) {
            config.rawMap();
        }
        ConfigNode healthNode = e.get("health_check");
        HealthCheckConfig health = HealthCheckReader.read(healthNode);
        HealthCheckReader.validate(healthNode, health, defaults);
        if (health != null && type == BackendType.DIRECT
                && HealthCheckConfig.effective(defaults, health, null).isEmpty()) {
            healthNode.get("target").error("required for a direct backend");
        }
        if (name == null || settings == null) {
            return null;
        }
        return new BackendConfig(name, type, enabled, priority, weight, settings, health, raw);
    }

    private static BackendType type(ConfigNode node, boolean enabled) {
        String text = node.asString();
        if (text == null) {
            if (!node.isPresent()) {
                node.error("required");
            }
            return null;
        }
        BackendType type = BackendType.parse(text).orElse(null);
        if (type == null) {
            node.error("unknown backend type \"" + text + "\"; expected one of direct, http_proxy, socks5_proxy");
        } else if (!type.isSupported() && enabled) {
            node.error(String.format(UNSUPPORTED_TYPE, type.wireName()));
        } else if (!type.isSupported()) {
            node.warning(String.format(UNSUPPORTED_TYPE, type.wireName()));
        }
        return type;
    }

    /** The typed {@code config}; {@code null} when a required key is missing or wrong (already reported). */
    private static BackendSettings settings(ConfigNode config, BackendType type) {
        if (!type.isSupported()) {
            return new BackendSettings.Unsupported(config.rawMap());
        }
        config.unknownKeyMessage("unknown key for type " + type.wireName());
        if (type == BackendType.DIRECT) {
            ConfigNode localNode = config.get("local_addr");
            String localText = localNode.asString();
            IpAddress local = localText == null ? null : IpAddress.parse(localText).orElse(null);
            if (localText != null && local == null) {
                localNode.error("must be an IP address, got \"" + localText + "\"");
            }
            return new BackendSettings.Direct(config.positiveDuration("connect_timeout"),
                    config.get("keep_alive").asDuration(), local);
        }
        ConfigNode addressNode = config.get("address");
        String addressText = addressNode.asString();
        if (addressText == null && !addressNode.isPresent()) {
            addressNode.error("required for type " + type.wireName());
        }
        HostPort address = addressNode.parsed(addressText, HostPort::parse);
        String username = config.string("username", "");
        String password = config.string("password", "");
        var connectTimeout = config.positiveDuration("connect_timeout");
        if (address == null) {
            return null;
        }
        return type == BackendType.HTTP_PROXY
                ? new BackendSettings.HttpProxy(address, username, password, connectTimeout)
                : new BackendSettings.Socks5Proxy(address, username, password, connectTimeout);
    }
}
