package io.bifrost.adapters.vertx.metrics;

import static java.util.Objects.requireNonNull;

import io.bifrost.adapters.vertx.proxy.ProxyGate;
import io.bifrost.core.config.AuthConfig;
import io.bifrost.core.config.AuthProviderConfig;
import io.bifrost.core.config.AuthProviderType;
import io.bifrost.core.net.IpAddress;
import io.bifrost.core.policy.AccessDecision;
import io.bifrost.core.policy.AuthFailure;
import io.bifrost.core.traffic.ErrorCode;
import io.bifrost.core.traffic.RequestRecord;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * {@code bifrost_access_denied_total}, {@code bifrost_rate_limit_hits_total}, {@code bifrost_auth_attempts_total} and
 * {@code bifrost_auth_failures_total}, derived from the request records ([PRX-011]) so that they agree with
 * {@code bifrost_requests_total}. A record carries the error code but not every detail of the refusal, so labels are
 * completed from the policies in force (see each method for what that cannot tell apart). Thread-safe.
 */
final class RefusalMeters {
    private final MeterRegistry registry;
    private final Supplier<ProxyGate.Policies> policies;
    private final List<AuthProviderConfig> providers;
    private final Map<String, String> owners = new HashMap<>();
    private final Counter blacklisted;
    private final Counter notWhitelisted;
    private final Counter destination;
    private final Counter ipLimited;
    private final Counter userLimited;
    private final Map<String, Counter> attempts = new ConcurrentHashMap<>();
    private final Map<String, Counter> failures = new ConcurrentHashMap<>();

    RefusalMeters(MeterRegistry registry, Supplier<ProxyGate.Policies> policies, AuthConfig auth) {
        this.registry = requireNonNull(registry, "registry");
        this.policies = requireNonNull(policies, "policies");
        // the chain ProxyAuthenticator runs: enabled native providers by priority ([SEC-031])
        this.providers = auth.activeProviders().stream().filter(p -> p.type() == AuthProviderType.NATIVE).toList();
        blacklisted = denied("blacklist");
        notWhitelisted = denied("not_whitelisted");
        destination = denied("destination");
        ipLimited = limited("ip");
        userLimited = limited("user");
        for (AuthProviderConfig p : providers) {
            attempts(p.name());
            p.users().forEach(u -> owners.putIfAbsent(u.username(), p.name())); // first provider knowing a user
        }
    }

    private Counter denied(String reason) {
        return Counter.builder("bifrost.access.denied").description("Requests refused by access control or "
                + "destination policy, by reason.").tag("reason", reason).register(registry);
    }

    private Counter limited(String type) {
        return Counter.builder("bifrost.rate.limit.hits").description("Requests refused by a rate limit, by bucket "
                + "type.").tag("type", type).register(registry);
    }

    private Counter attempts(String provider) {
        Counter c = attempts.get(provider);
        return c != null ? c : attempts.computeIfAbsent(provider, p -> Counter.builder("bifrost.auth.attempts")
                .description("Proxy authentication decisions, by provider.").tag("provider", p).register(registry));
    }

    private Counter failures(String provider, AuthFailure reason) {
        return failures.computeIfAbsent(provider + '\n' + reason.label(), k -> Counter.builder("bifrost.auth.failures")
                .description("Failed proxy authentications, by provider and reason.")
                .tags("provider", provider, "reason", reason.label()).register(registry));
    }

    void record(RequestRecord r) {
        ErrorCode error = r.error();
        if (error == ErrorCode.ACCESS_DENIED) {
            accessDenied(r);
        } else if (error == ErrorCode.DESTINATION_PROHIBITED) {
            destination.increment();
        } else if (error == ErrorCode.RATE_LIMITED) {
            rateLimited(r);
        }
        if (!providers.isEmpty()) {
            authentication(r);
        }
    }

    /** The reason is the current access policy's verdict on the client address (exact unless it was just replaced). */
    private void accessDenied(RequestRecord r) {
        AccessDecision decision = IpAddress.parse(r.clientIp()).map(ip -> policies.get().access().check(ip))
                .orElse(AccessDecision.BLACKLISTED);
        (decision == AccessDecision.NOT_WHITELISTED ? notWhitelisted : blacklisted).increment();
    }

    /**
     * With one bucket family configured its type is certain. With both, a refusal that carries a username came from
     * the per-user bucket (the per-IP check runs before authentication, [PRX-010]); without one it is counted as
     * per-IP, which miscounts the anonymous per-user bucket ({@code anon:<ip>}) of a proxy without authentication.
     */
    private void rateLimited(RequestRecord r) {
        ProxyGate.Policies p = policies.get();
        boolean user = p.perUser() && (!p.perIp() || r.username() != null);
        (user ? userLimited : ipLimited).increment();
    }

    /**
     * An attempt is a request that went through authentication: it carries a username, or it was refused with
     * {@code auth_required} / {@code auth_failed}. Successes are attributed to the provider that knows the user (as
     * the authenticator decides); failures, whose record names no user, to the first provider of the chain, which
     * is exact for the usual single provider. A failed record does not say whether the user was unknown, disabled
     * or gave a wrong password: all count as {@code invalid_credentials}.
     */
    private void authentication(RequestRecord r) {
        if (r.username() != null) {
            attempts(owner(r.username())).increment();
        } else if (r.error() == ErrorCode.AUTH_REQUIRED || r.error() == ErrorCode.AUTH_FAILED) {
            String provider = providers.get(0).name();
            attempts(provider).increment();
            failures(provider, r.error() == ErrorCode.AUTH_REQUIRED
                    ? AuthFailure.MISSING_CREDENTIALS : AuthFailure.INVALID_CREDENTIALS).increment();
        }
    }

    private String owner(String username) {
        return owners.getOrDefault(username, providers.get(0).name());
    }
}
