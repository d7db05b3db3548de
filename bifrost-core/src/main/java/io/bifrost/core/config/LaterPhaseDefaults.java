package io.bifrost.core.config;

import static io.bifrost.core.config.ServerConfigTree.map;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSON form of the later-phase sections (server [CFG-132]-[CFG-138], client [CFG-161]-[CFG-163]): the keys as
 * written over the documented defaults, so that {@code GET /config} shows every key as [SAPI-170] and [CAPI-050]
 * do. Their values are accepted, not interpreted, so they are not normalised beyond that.
 */
final class LaterPhaseDefaults {
    private LaterPhaseDefaults() {}

    static Map<String, Object> cache(LaterPhaseSection s) {
        Map<String, Object> storage = map("type", "tiered",
                "tiered", map("memory_threshold", "10MB"),
                "memory", map("max_size", "2GB", "max_entries", 50_000L, "evict_policy", "lru"),
                "disk", map("path", "/var/cache/bifrost", "max_size", "500GB", "cleanup_interval", "1h",
                        "shard_count", 256L));
        return withEnabled(overlay(map("enabled", false, "default_ttl", "720h", "max_file_size", "50GB",
                "storage", storage, "presets", new ArrayList<>(), "rules", new ArrayList<>()), s.raw()), s);
    }

    static Map<String, Object> session(LaterPhaseSection s) {
        return overlay(map("store", "memory", "duration", "8h", "max_sessions_per_user", 0L, "cleanup_interval", "5m",
                "redis", map("addr", "", "password", "", "db", 0L, "key_prefix", "bifrost:session:",
                        "op_timeout", "5s")), s.raw());
    }

    static Map<String, Object> mitm(LaterPhaseSection s) {
        return withEnabled(overlay(map("enabled", false, "ca_cert_file", "", "ca_key_file", "", "leaf_ttl", "24h",
                "max_cached_certs", 1024L), s.raw()), s);
    }

    static Map<String, Object> mesh(LaterPhaseSection s) {
        return withEnabled(overlay(map("enabled", true, "state_path", ""), s.raw()), s);
    }

    /** The client's {@code system_proxy} ([CFG-161]). */
    static Map<String, Object> systemProxy(LaterPhaseSection s) {
        return withEnabled(overlay(map("enabled", false), s.raw()), s);
    }

    /** The client's {@code vpn} ([CFG-162]); the TUN name's platform default is shown as {@code bifrost0}. */
    static Map<String, Object> clientVpn(LaterPhaseSection s) {
        Map<String, Object> split = map("mode", "exclude", "apps", new ArrayList<>(),
                "domains", new ArrayList<>(java.util.List.of("*.local")), "ips", new ArrayList<>(),
                "always_bypass", new ArrayList<>(java.util.List.of("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16")));
        Map<String, Object> dns = map("enabled", true, "listen", "10.255.0.1:53", "upstream", new ArrayList<>(),
                "cache_ttl", "5m", "intercept_mode", "all");
        return withEnabled(overlay(map("enabled", false,
                "tun", map("name", "bifrost0", "address", "10.255.0.1/24", "mtu", 1400L),
                "split_tunnel", split, "dns", dns), s.raw()), s);
    }

    /** The client's {@code mesh} ([CFG-163]): the keys of [CAPI-050], then whatever else is written. */
    static Map<String, Object> clientMesh(LaterPhaseSection s) {
        return withEnabled(overlay(map("enabled", false, "network_id", "", "network_cidr", "10.100.0.0/16",
                "peer_name", ""), s.raw()), s);
    }

    /** {@code enabled} as read (typed), not as written ({@code "true"} from an environment reference). */
    private static Map<String, Object> withEnabled(Map<String, Object> tree, LaterPhaseSection s) {
        tree.put("enabled", s.enabled());
        return tree;
    }

    /** {@code written} over {@code defaults}: written keys win, mappings merge, {@code null} keeps the default. */
    private static Map<String, Object> overlay(Map<String, Object> defaults, Map<?, ?> written) {
        Map<String, Object> out = new LinkedHashMap<>(defaults);
        written.forEach((k, v) -> {
            String key = String.valueOf(k);
            Object d = out.get(key);
            if (v == null && out.containsKey(key)) {
                return;
            }
            if (d instanceof Map<?, ?> dm && v instanceof Map<?, ?> vm) {
                out.put(key, overlay(copyMap(dm), vm));
            } else {
                out.put(key, ServerConfigTree.copy(v));
            }
        });
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> copyMap(Map<?, ?> m) {
        return (Map<String, Object>) ServerConfigTree.copy(m);
    }
}
