package io.bifrost.adapters.vertx.control;

import io.bifrost.core.backend.Backend;
import io.bifrost.core.config.AccessControlConfig;
import io.bifrost.core.config.BackendConfig;
import io.bifrost.core.config.RateLimitConfig;
import io.bifrost.core.config.RouteConfig;
import io.bifrost.core.config.ServerConfig;
import io.bifrost.core.net.CidrBlock;
import io.bifrost.core.policy.OpenProxyVerdict;
import java.util.List;

/**
 * What a {@link ServerControl} changes in the running server: the hot sections ([CFG-080]) and the backends added
 * or removed through the API ([BKD-090]-[BKD-092]). Implemented by the server that owns the running objects. Each
 * replacement is one atomic swap; requests already admitted or routed are not affected ([RTE-034]). Implementations
 * are thread-safe and may be called from a worker thread.
 */
public interface ServerRuntime {

    /** Whether backend {@code name} is running now (declared, enabled and started; [BKD-050] {@code running}). */
    boolean isRunning(String name);

    /** Swaps in a route table built from {@code routes} (file order); selection state starts afresh. */
    void replaceRoutes(List<RouteConfig> routes);

    /** Swaps in new client-IP access lists ([SEC-040]); applies to requests received afterwards. */
    void replaceAccessControl(AccessControlConfig accessControl);

    /** Swaps in new request limiters ([SEC-050]); every bucket starts full. */
    void replaceRateLimit(RateLimitConfig rateLimit);

    /**
     * Adds a backend to the running set and starts it (with its dialer) when it is enabled and of a supported type.
     *
     * @param config the running configuration including {@code backend} (for {@code network} and the default
     *     {@code health_check})
     * @return the running backend object
     */
    Backend startBackend(ServerConfig config, BackendConfig backend);

    /** Removes a backend: it stops being selectable at once; connections using it run to their end ([BKD-091]). */
    void stopBackend(String name);

    /**
     * The open-proxy rule of [SEC-090] for the running listeners and authentication with {@code whitelist}: a refusal
     * ({@code server.http.listen: refusing to run an open proxy on ...}) or the go-ahead, each with the warnings that
     * depend on the host's addresses. <b>May block</b> (it enumerates the host's interfaces).
     */
    OpenProxyVerdict openProxy(List<CidrBlock> whitelist);
}
