package io.bifrost.adapters.vertx.server;

import io.bifrost.adapters.vertx.auth.BcryptPasswordVerifier;
import io.bifrost.adapters.vertx.dial.AddressPolicy;
import io.bifrost.adapters.vertx.dial.DirectDialSettings;
import io.bifrost.adapters.vertx.dial.DirectDialer;
import io.bifrost.adapters.vertx.dial.ProxiedDialer;
import io.bifrost.adapters.vertx.dial.UpstreamDialer;
import io.bifrost.adapters.vertx.dial.handshake.UpstreamCredentials;
import io.bifrost.adapters.vertx.net.BandwidthLimits;
import io.bifrost.adapters.vertx.proxy.ProxyGate;
import io.bifrost.core.backend.Backend;
import io.bifrost.core.config.AccessControlConfig;
import io.bifrost.core.config.AuthProviderConfig;
import io.bifrost.core.config.AuthProviderType;
import io.bifrost.core.config.BackendConfig;
import io.bifrost.core.config.BackendSettings;
import io.bifrost.core.config.NetworkConfig;
import io.bifrost.core.config.RateLimitConfig;
import io.bifrost.core.config.RouteConfig;
import io.bifrost.core.config.ServerConfig;
import io.bifrost.core.health.HealthPolicy;
import io.bifrost.core.health.HealthTracker;
import io.bifrost.core.policy.AccessControl;
import io.bifrost.core.policy.AuthProviderSpec;
import io.bifrost.core.policy.NativeUser;
import io.bifrost.core.policy.ProxyAuthenticator;
import io.bifrost.core.policy.RateLimiter;
import io.bifrost.core.port.out.EventSink;
import io.bifrost.core.routing.Route;
import io.bifrost.core.routing.RouteTable;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Turns a validated {@link ServerConfig} into the core's run-time objects and the adapters' dialers. Pure
 * translation: no sockets are opened here.
 */
final class CoreAssembly {
    private CoreAssembly() {}

    /** A run-time backend; it runs when enabled and of a supported type ([BKD-002], [BKD-010]). */
    static Backend backend(ServerConfig config, BackendConfig b, EventSink events, InstantSource clock) {
        HealthPolicy policy = config.healthCheckOf(b)
                .map(h -> new HealthPolicy(h.healthyThreshold(), h.unhealthyThreshold()))
                .orElse(HealthPolicy.defaults());
        boolean runs = b.enabled() && b.type().isSupported();
        return new Backend(b.name(), b.type().wireName(), b.enabled(), b.weight(),
                new HealthTracker(b.name(), b.type().wireName(), policy, events), runs ? clock.instant() : null);
    }

    /** How a backend opens connections ([BKD-031]-[BKD-033]); {@code null} for types that never run. */
    static UpstreamDialer dialer(Vertx vertx, NetworkConfig network, BackendConfig b, AddressPolicy policy,
            String version) {
        BackendSettings settings = b.settings();
        if (settings instanceof BackendSettings.Direct d) {
            return new DirectDialer(vertx, new DirectDialSettings(
                    orDefault(d.connectTimeout(), network.dialTimeout()), orDefault(d.keepAlive(), network.keepalive()),
                    d.localAddr(), !Boolean.FALSE.equals(network.ipv6()), network.preferIpv6()), policy);
        }
        if (settings instanceof BackendSettings.HttpProxy h) {
            return new ProxiedDialer(vertx, new ProxiedDialer.Settings(ProxiedDialer.Protocol.HTTP,
                    h.address().host(), h.address().port(), credentials(h.username(), h.password()),
                    orDefault(h.connectTimeout(), network.dialTimeout()), version),
                    ProxiedDialer.networkClient(vertx, network.keepalive()));
        }
        if (settings instanceof BackendSettings.Socks5Proxy s) {
            return new ProxiedDialer(vertx, new ProxiedDialer.Settings(ProxiedDialer.Protocol.SOCKS5,
                    s.address().host(), s.address().port(), credentials(s.username(), s.password()),
                    orDefault(s.connectTimeout(), network.dialTimeout()), version),
                    ProxiedDialer.networkClient(vertx, network.keepalive()));
        }
        return null;
    }

    private static UpstreamCredentials credentials(String username, String password) {
        return username == null || username.isEmpty() ? null
                : new UpstreamCredentials(username, password == null ? "" : password);
    }

    private static Duration orDefault(Duration value, Duration fallback) {
        return value != null ? value : fallback;
    }

    static RouteTable routes(List<RouteConfig> routes) {
        return RouteTable.of(routes.stream().map(CoreAssembly::route).toList());
    }

    private static Route route(RouteConfig r) {
        return new Route(r.name(), r.domains(), r.backends(), r.loadBalance(), r.weights(), r.priority(), r.enabled(),
                ThreadLocalRandom.current());
    }

    /** The hot policy sections ([CFG-080]): access lists and request-rate buckets ([SEC-040], [SEC-050]). */
    static ProxyGate.Policies policies(ServerConfig config, Vertx vertx, InstantSource clock) {
        return policies(access(config.accessControl()), config.rateLimit(), vertx, clock);
    }

    static AccessControl access(AccessControlConfig config) {
        return AccessControl.of(config.whitelist(), config.blacklist());
    }

    /**
     * Policies with new request limiters, every bucket full, and new bandwidth limits for connections opened from
     * now on ([CFG-080], [SEC-052]).
     */
    static ProxyGate.Policies policies(AccessControl access, RateLimitConfig rate, Vertx vertx, InstantSource clock) {
        BandwidthLimits bandwidth = BandwidthLimits.of(rate, vertx, clock);
        if (!rate.enabled()) {
            return new ProxyGate.Policies(access, null, false, false, bandwidth);
        }
        RateLimiter limiter = RateLimiter.create(rate.requestsPerSecond(), rate.burstSize(), clock);
        boolean perIp = rate.perIp() || !rate.perUser(); // both off means per-IP ([SEC-050])
        return new ProxyGate.Policies(access, limiter, perIp, rate.perUser(), bandwidth);
    }

    /** Proxy authentication ([SEC-030]-[SEC-034]); restart-only, so built once. */
    static ProxyAuthenticator authenticator(ServerConfig config, InstantSource clock) {
        List<AuthProviderSpec> providers = config.auth().providers().stream()
                .filter(p -> p.type() == AuthProviderType.NONE || p.type() == AuthProviderType.NATIVE)
                .map(CoreAssembly::provider)
                .toList();
        return ProxyAuthenticator.create(providers, new BcryptPasswordVerifier(), clock);
    }

    private static AuthProviderSpec provider(AuthProviderConfig p) {
        List<NativeUser> users = p.users().stream()
                .map(u -> new NativeUser(u.username(), u.passwordHash(), u.disabled()))
                .toList();
        AuthProviderSpec.Type type = p.type() == AuthProviderType.NATIVE
                ? AuthProviderSpec.Type.NATIVE : AuthProviderSpec.Type.NONE;
        return new AuthProviderSpec(p.name(), type, p.enabled(), p.priority(), users);
    }
}
