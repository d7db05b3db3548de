package io.bifrost.core.config;

import static java.util.Objects.requireNonNull;

import io.bifrost.core.net.CidrBlock;
import io.bifrost.core.routing.HostPattern;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON/YAML form of a {@link ServerConfig} ([SAPI-170]): every section and key, defaults filled in, durations,
 * sizes and rates in Bifrost's output form ([CFG-010]-[CFG-012]), {@code null} for an absent top-level
 * {@code health_check} and {@code network.ipv6}, and omitted {@code tls} blocks and backend {@code health_check}
 * blocks when absent. Backend and auth-provider {@code config} maps are given as written (known keys in their
 * canonical form), and later-phase sections are their keys as written over the documented defaults.
 *
 * <p>Values are the effective ones (environment references expanded) and secrets are in clear; apply
 * {@link ConfigSecrets#mask(Object)} for a masked view. The trees are fresh, mutable {@link LinkedHashMap}s and
 * {@link ArrayList}s in key order, owned by the caller. Two configurations whose section trees are equal are the same
 * after normalisation ([CFG-091] step 2). Stateless and thread-safe.
 */
public final class ServerConfigTree {
    private ServerConfigTree() {}

    /** The whole configuration, sections in canonical order ([CFG-100]). */
    public static Map<String, Object> of(ServerConfig config) {
        requireNonNull(config, "config");
        Map<String, Object> tree = new LinkedHashMap<>();
        for (ServerSection s : ServerSection.values()) {
            tree.put(s.wireName(), section(config, s));
        }
        return tree;
    }

    /** One section's value: a map, a list ({@code backends}, {@code routes}) or {@code null} ({@code health_check}). */
    public static Object section(ServerConfig c, ServerSection section) {
        requireNonNull(c, "c");
        return switch (requireNonNull(section, "section")) {
            case SERVER -> server(c.server());
            case BACKENDS -> list(c.backends().stream().map(ServerConfigTree::backend).toList());
            case ROUTES -> list(c.routes().stream().map(ServerConfigTree::route).toList());
            case AUTH -> AuthTrees.auth(c.auth());
            case RATE_LIMIT -> rateLimit(c.rateLimit());
            case ACCESS_CONTROL -> map("whitelist", blocks(c.accessControl().whitelist()),
                    "blacklist", blocks(c.accessControl().blacklist()));
            case ACCESS_LOG -> map("enabled", c.accessLog().enabled(), "format", c.accessLog().format().wireName(),
                    "output", c.accessLog().output());
            case METRICS -> map("enabled", c.metrics().enabled(), "listen", c.metrics().listen().toString(),
                    "path", c.metrics().path(), "collection_interval", duration(c.metrics().collectionInterval()));
            case LOGGING -> logging(c.logging());
            case WEB_UI -> map("enabled", c.webUi().enabled(), "listen", c.webUi().listen().toString(),
                    "base_path", c.webUi().basePath());
            case API -> api(c.api());
            case HEALTH_CHECK -> healthCheck(c.healthCheck());
            case AUTO_UPDATE -> map("enabled", c.autoUpdate().enabled(),
                    "check_interval", duration(c.autoUpdate().checkInterval()), "channel", c.autoUpdate().channel());
            case CACHE -> LaterPhaseDefaults.cache(c.cache());
            case NETWORK -> network(c.network());
            case SESSION -> LaterPhaseDefaults.session(c.session());
            case MITM -> LaterPhaseDefaults.mitm(c.mitm());
            case MESH -> LaterPhaseDefaults.mesh(c.mesh());
        };
    }

    /**
     * A route as the API shows it ([SAPI-100]): {@code name}, {@code domains}, {@code backend} or {@code backends}
     * (whichever the route uses), {@code load_balance} and {@code weights} with {@code backends}, {@code priority},
     * {@code enabled}.
     */
    public static Map<String, Object> route(RouteConfig r) {
        requireNonNull(r, "r");
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", r.name());
        m.put("domains", list(r.domains().stream().map(HostPattern::text).toList()));
        if (r.singleBackendKey() && r.backends().size() == 1) {
            m.put("backend", r.backends().get(0));
        } else {
            m.put("backends", list(r.backends()));
            m.put("load_balance", r.loadBalance().wireName());
            Map<String, Object> weights = new LinkedHashMap<>();
            r.weights().forEach((k, v) -> weights.put(k, (long) v));
            m.put("weights", weights);
        }
        m.put("priority", (long) r.priority());
        m.put("enabled", r.enabled());
        return m;
    }

    /**
     * A backend entry ([BKD-001]) with its canonical type name; {@code config} as given, known keys normalised;
     * {@code health_check} only when the backend has its own block.
     */
    public static Map<String, Object> backend(BackendConfig b) {
        requireNonNull(b, "b");
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", b.name());
        m.put("type", b.type().wireName());
        m.put("enabled", b.enabled());
        m.put("priority", (long) b.priority());
        m.put("weight", (long) b.weight());
        m.put("config", backendConfig(b));
        if (b.healthCheck() != null) {
            m.put("health_check", healthCheck(b.healthCheck()));
        }
        return m;
    }

    /** The {@code config} map in key order as written, typed keys in canonical form ({@code "10s"}, not {@code 10000ms}). */
    private static Map<String, Object> backendConfig(BackendConfig b) {
        Map<String, Object> canonical = new LinkedHashMap<>();
        BackendSettings s = b.settings();
        if (s instanceof BackendSettings.Direct d) {
            canonical.put("connect_timeout", d.connectTimeout() == null ? null : duration(d.connectTimeout()));
            canonical.put("keep_alive", d.keepAlive() == null ? null : duration(d.keepAlive()));
            canonical.put("local_addr", d.localAddr() == null ? null : d.localAddr().toString());
        } else if (s instanceof BackendSettings.HttpProxy h) {
            proxied(canonical, h.address(), h.username(), h.password(), h.connectTimeout());
        } else if (s instanceof BackendSettings.Socks5Proxy p) {
            proxied(canonical, p.address(), p.username(), p.password(), p.connectTimeout());
        }
        Map<String, Object> m = new LinkedHashMap<>();
        b.rawConfig().forEach((k, v) -> {
            Object typed = canonical.get(k);
            m.put(k, typed != null ? typed : copy(v));
        });
        return m;
    }

    private static void proxied(Map<String, Object> m, HostPort address, String user, String pass, Duration timeout) {
        m.put("address", address.toString());
        m.put("username", user);
        m.put("password", pass);
        m.put("connect_timeout", timeout == null ? null : duration(timeout));
    }

    private static Map<String, Object> server(ProxyServerConfig s) {
        return map("http", listener(s.http()), "socks5", listener(s.socks5()),
                "graceful_period", duration(s.gracefulPeriod()), "allow_open_proxy", s.allowOpenProxy());
    }

    static Map<String, Object> listener(ListenerConfig l) {
        Map<String, Object> m = map("listen", l.listen().toString(), "read_timeout", duration(l.readTimeout()),
                "write_timeout", duration(l.writeTimeout()), "idle_timeout", duration(l.idleTimeout()),
                "max_connections", (long) l.maxConnections());
        TlsConfig tls = l.tls();
        if (tls != null) {
            m.put("tls", map("enabled", tls.enabled(), "cert_file", tls.certFile(), "key_file", tls.keyFile(),
                    "client_auth", tls.clientAuth(), "client_ca_file", tls.clientCaFile()));
        }
        return m;
    }

    private static Map<String, Object> rateLimit(RateLimitConfig r) {
        RateLimitConfig.Bandwidth bw = r.bandwidth();
        return map("enabled", r.enabled(), "requests_per_second", number(r.requestsPerSecond()),
                "burst_size", (long) r.burstSize(), "per_ip", r.perIp(), "per_user", r.perUser(),
                "bandwidth", map("enabled", bw.enabled(), "upload", Rates.format(bw.uploadBytesPerSecond()),
                        "download", Rates.format(bw.downloadBytesPerSecond())));
    }

    static Map<String, Object> logging(LoggingConfig l) {
        return map("level", l.level().wireName(), "format", l.format().wireName(), "output", l.output(),
                "time_format", l.timeFormat(), "max_size_mb", (long) l.maxSizeMb(),
                "max_backups", (long) l.maxBackups());
    }

    private static Map<String, Object> api(ApiConfig a) {
        return map("enabled", a.enabled(), "listen", a.listen().toString(), "token", a.token(),
                "enable_request_log", a.enableRequestLog(), "request_log_size", (long) a.requestLogSize(),
                "websocket_max_clients", (long) a.websocketMaxClients());
    }

    private static Map<String, Object> network(NetworkConfig n) {
        return map("ipv6", n.ipv6(), "prefer_ipv6", n.preferIpv6(), "keepalive", duration(n.keepalive()),
                "dial_timeout", duration(n.dialTimeout()), "max_connections", (long) n.maxConnections(),
                "allow_loopback_destinations", n.allowLoopbackDestinations());
    }

    /** A {@code health_check} block with the keys it sets ([BKD-060]); {@code null} when absent. */
    static Map<String, Object> healthCheck(HealthCheckConfig h) {
        if (h == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        putIfSet(m, "type", h.type() == null ? null : h.type().wireName());
        putIfSet(m, "interval", h.interval() == null ? null : duration(h.interval()));
        putIfSet(m, "timeout", h.timeout() == null ? null : duration(h.timeout()));
        putIfSet(m, "target", h.target());
        putIfSet(m, "path", h.path());
        putIfSet(m, "scheme", h.scheme());
        putIfSet(m, "insecure_skip_verify", h.insecureSkipVerify());
        putIfSet(m, "healthy_threshold", h.healthyThreshold() == null ? null : (long) h.healthyThreshold());
        putIfSet(m, "unhealthy_threshold", h.unhealthyThreshold() == null ? null : (long) h.unhealthyThreshold());
        return m;
    }

    private static void putIfSet(Map<String, Object> m, String key, Object value) {
        if (value != null) {
            m.put(key, value);
        }
    }

    /** Access-list entries in canonical text; a single-host block is written as the bare address. */
    private static List<Object> blocks(List<CidrBlock> blocks) {
        List<Object> out = new ArrayList<>();
        for (CidrBlock b : blocks) {
            boolean host = b.prefixLength() == (b.network().isV4() ? 32 : 128);
            out.add(host ? b.network().toString() : b.toString());
        }
        return out;
    }

    static String duration(Duration d) {
        return Durations.format(d);
    }

    /** Integral numbers as integers ({@code 100}, not {@code 100.0}), as the API example shows. */
    private static Object number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? (Object) (long) v : (Object) v;
    }

    static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    static List<Object> list(List<?> values) {
        return new ArrayList<>(values);
    }

    /** A mutable deep copy of a plain tree, either program's (the records hold unmodifiable ones). */
    public static Object copy(Object node) {
        if (node instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), copy(v)));
            return out;
        }
        if (node instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(e -> out.add(copy(e)));
            return out;
        }
        return node;
    }
}
