package io.bifrost.core.config;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * Turns a plain tree (maps in file order, lists, strings, booleans, numbers, {@code null}; what the YAML adapter or a
 * JSON body produces) into a {@link ServerConfig}, following [CFG-030]: environment expansion, defaults for absent and
 * {@code null} keys, normalisation, and validation that collects every error and warning in file order. Stateless and
 * thread-safe; never throws for bad input.
 */
public final class ServerConfigReader {
    private ServerConfigReader() {}

    /**
     * Reads a server configuration tree.
     *
     * @param tree the parsed file; {@code null} (an empty document) reads as an empty mapping
     * @return the configuration (null when there is an error) and every problem
     */
    public static ConfigResult<ServerConfig> read(Object tree, EnvLookup env) {
        requireNonNull(env, "env");
        ReadContext ctx = new ReadContext(tree);
        EnvExpander.Result expanded = EnvExpander.expand(tree, env);
        expanded.problems().forEach(ctx::report);
        ConfigNode root = ctx.root(expanded.tree()).expectMap();
        ServerConfig config = sections(root);
        ExposureChecks.server(config, ctx);
        return ConfigResult.of(config, ctx.finish());
    }

    private static ServerConfig sections(ConfigNode root) {
        ConfigNode healthNode = root.get("health_check");
        HealthCheckConfig health = HealthCheckReader.read(healthNode);
        HealthCheckReader.validate(healthNode, health, null);
        BackendsReader.Result backends = BackendsReader.read(root.get("backends"), health);
        List<RouteConfig> routes = RoutesReader.read(root.get("routes"), backends.declared());
        return new ServerConfig(
                ListenerReader.server(root.map("server")),
                backends.backends(),
                routes,
                AuthReader.read(root.map("auth")),
                PolicyReader.rateLimit(root.map("rate_limit")),
                PolicyReader.accessControl(root.map("access_control")),
                PolicyReader.accessLog(root.map("access_log")),
                ServiceReader.metrics(root.map("metrics")),
                ServiceReader.logging(root.map("logging")),
                ServiceReader.webUi(root.map("web_ui"), WebUiConfig.serverDefaults(), true),
                ServiceReader.api(root.map("api"), ApiConfig.serverDefaults(), true),
                health,
                ServiceReader.autoUpdate(root.map("auto_update")),
                ServiceReader.laterPhase(root.map("cache"), false, ServiceReader.Problem.WARNING,
                        "the cache is not available in this version and is ignored",
                        "default_ttl", "max_file_size", "storage", "presets", "rules"),
                ServiceReader.network(root.map("network")),
                session(root.map("session")),
                ServiceReader.laterPhase(root.map("mitm"), false, ServiceReader.Problem.ERROR,
                        "TLS interception is not available in this version",
                        "ca_cert_file", "ca_key_file", "leaf_ttl", "max_cached_certs"),
                ServiceReader.laterPhase(root.map("mesh"), true, ServiceReader.Problem.NONE, "", "state_path"));
    }

    /** {@code session} has no {@code enabled} key ([CFG-134]); accepted with no effect. */
    private static LaterPhaseSection session(ConfigNode node) {
        node.accept("store", "duration", "max_sessions_per_user", "cleanup_interval", "redis");
        return new LaterPhaseSection(false, node.snapshot());
    }

    /** Reads {@code tree} with the process environment. */
    public static ConfigResult<ServerConfig> read(Object tree) {
        return read(tree, EnvLookup.system());
    }
}
