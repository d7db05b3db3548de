package io.bifrost.core.config;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * The server configuration ([CFG-100]): one component per top-level section, in canonical order. Built by
 * {@link ServerConfigReader}; immutable and thread-safe, so a running server can swap whole instances atomically.
 *
 * @param server listeners, timeouts and shutdown
 * @param backends in file order; at least one in a valid configuration ([CFG-103])
 * @param routes in file order (see {@link io.bifrost.core.routing.RouteOrder#effective} for matching order); default empty
 * @param auth proxy user authentication
 * @param rateLimit request and bandwidth limits
 * @param accessControl client IP allow and deny lists
 * @param accessLog per-request access log
 * @param metrics Prometheus endpoint
 * @param logging application log
 * @param webUi accepted, nothing bound
 * @param api management API
 * @param healthCheck the top-level {@code health_check} block as written, or {@code null} when absent ([CFG-126])
 * @param autoUpdate later phase
 * @param cache later phase ([CFG-132])
 * @param network outbound dialing and connection limits
 * @param session later phase ([CFG-134])
 * @param mitm later phase ([CFG-136])
 * @param mesh later phase ([CFG-138]); enabled by default (its API paths answer 501)
 */
public record ServerConfig(
        ProxyServerConfig server,
        List<BackendConfig> backends,
        List<RouteConfig> routes,
        AuthConfig auth,
        RateLimitConfig rateLimit,
        AccessControlConfig accessControl,
        AccessLogConfig accessLog,
        MetricsConfig metrics,
        LoggingConfig logging,
        WebUiConfig webUi,
        ApiConfig api,
        HealthCheckConfig healthCheck,
        AutoUpdateConfig autoUpdate,
        LaterPhaseSection cache,
        NetworkConfig network,
        LaterPhaseSection session,
        LaterPhaseSection mitm,
        LaterPhaseSection mesh) {

    public ServerConfig {
        requireNonNull(server, "server");
        backends = List.copyOf(backends);
        routes = List.copyOf(routes);
        requireNonNull(auth, "auth");
        requireNonNull(rateLimit, "rateLimit");
        requireNonNull(accessControl, "accessControl");
        requireNonNull(accessLog, "accessLog");
        requireNonNull(metrics, "metrics");
        requireNonNull(logging, "logging");
        requireNonNull(webUi, "webUi");
        requireNonNull(api, "api");
        requireNonNull(autoUpdate, "autoUpdate");
        requireNonNull(cache, "cache");
        requireNonNull(network, "network");
        requireNonNull(session, "session");
        requireNonNull(mitm, "mitm");
        requireNonNull(mesh, "mesh");
    }

    /**
     * Every key at its schema default, as an empty file would give. Not a runnable configuration by itself: it has no
     * backend ([CFG-103]); the built-in default file of [CFG-003] adds one.
     */
    public static ServerConfig defaults() {
        return new ServerConfig(ProxyServerConfig.defaults(), List.of(), List.of(), AuthConfig.defaults(),
                RateLimitConfig.defaults(), AccessControlConfig.defaults(), AccessLogConfig.defaults(),
                MetricsConfig.defaults(), LoggingConfig.defaults(), WebUiConfig.serverDefaults(),
                ApiConfig.serverDefaults(), null, AutoUpdateConfig.defaults(), LaterPhaseSection.disabled(),
                NetworkConfig.defaults(), LaterPhaseSection.disabled(), LaterPhaseSection.disabled(),
                new LaterPhaseSection(true, java.util.Map.of()));
    }

    /** The backend named {@code name}. */
    public Optional<BackendConfig> backend(String name) {
        return backends.stream().filter(b -> b.name().equals(name)).findFirst();
    }

    /** The probe of a backend per [BKD-061]; empty when it is not probed. Enabled/running is the caller's check. */
    public Optional<EffectiveHealthCheck> healthCheckOf(BackendConfig backend) {
        requireNonNull(backend, "backend");
        return HealthCheckConfig.effective(healthCheck, backend.healthCheck(), backend.upstreamAddress());
    }
}
