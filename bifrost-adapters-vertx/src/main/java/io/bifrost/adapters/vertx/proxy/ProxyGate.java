package io.bifrost.adapters.vertx.proxy;

import static java.util.Objects.requireNonNull;

import io.bifrost.adapters.vertx.net.BandwidthLimits;
import io.bifrost.core.net.IpAddress;
import io.bifrost.core.policy.AccessControl;
import io.bifrost.core.policy.AccessDecision;
import io.bifrost.core.policy.AuthFailure;
import io.bifrost.core.policy.AuthOutcome;
import io.bifrost.core.policy.Credentials;
import io.bifrost.core.policy.DestinationDecision;
import io.bifrost.core.policy.DestinationPolicy;
import io.bifrost.core.policy.ProxyAuthenticator;
import io.bifrost.core.policy.RateDecision;
import io.bifrost.core.policy.RateLimitKey;
import io.bifrost.core.policy.RateLimiter;
import io.bifrost.core.routing.RouteDecision;
import io.bifrost.core.routing.RouteResolver;
import io.bifrost.core.routing.RoutingKey;
import io.bifrost.core.traffic.ErrorCode;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The checks of [PRX-010] steps 2-8, shared by both listeners, in their normative order: client-IP access control,
 * per-IP rate limit, proxy authentication, per-user rate limit, destination policy, route, backend. Hot sections
 * (access control, rate limits, routes) are read from atomic references, so a reload swaps them without locking
 * the data path. bcrypt runs on a worker thread, never on the event loop. Thread-safe.
 */
public final class ProxyGate {
    private final Vertx vertx;
    private final AtomicReference<Policies> policies;
    private final ProxyAuthenticator authenticator;
    private final AtomicReference<DestinationPolicy> destinations;
    private final RouteResolver routes;

    public ProxyGate(Vertx vertx, Policies policies, ProxyAuthenticator authenticator, DestinationPolicy destinations,
            RouteResolver routes) {
        this.vertx = requireNonNull(vertx, "vertx");
        this.policies = new AtomicReference<>(requireNonNull(policies, "policies"));
        this.authenticator = requireNonNull(authenticator, "authenticator");
        this.destinations = new AtomicReference<>(requireNonNull(destinations, "destinations"));
        this.routes = requireNonNull(routes, "routes");
    }

    /** The hot policy sections in effect now. */
    public Policies policies() {
        return policies.get();
    }

    /** Replaces the hot policy sections ([CFG-080]); requests already admitted are not affected. */
    public void replacePolicies(Policies next) {
        policies.set(requireNonNull(next, "next"));
    }

    /** Replaces the destination policy, e.g. once the listeners know their bound ports. */
    public void replaceDestinations(DestinationPolicy next) {
        destinations.set(requireNonNull(next, "next"));
    }

    public DestinationPolicy destinations() {
        return destinations.get();
    }

    public RouteResolver routes() {
        return routes;
    }

    /** Steps 2-3: access control, then the per-IP bucket. */
    public Optional<Refusal> checkClient(IpAddress client) {
        Policies p = policies.get();
        AccessDecision access = p.access().check(client);
        if (!access.isAllowed()) {
            return Optional.of(Refusal.of(ErrorCode.ACCESS_DENIED, "client " + client + " is not allowed"));
        }
        if (p.limiter() != null && p.perIp()) {
            return limited(p.limiter().tryAcquire(RateLimitKey.ip(client)));
        }
        return Optional.empty();
    }

    /**
     * Drops request-rate buckets that are full again ([SEC-050]): memory follows the recently active clients. Call
     * at least every 30 s; cheap and non-blocking.
     */
    public void sweepRateLimits() {
        RateLimiter limiter = policies.get().limiter();
        if (limiter != null) {
            limiter.sweep();
        }
    }

    public boolean authRequired() {
        return authenticator.isRequired();
    }

    /**
     * Step 4. Completes with the username (empty = anonymous, when authentication is not required) or fails with a
     * {@link ProxyRefusalException} carrying {@code auth_required} / {@code auth_failed}.
     */
    public Future<Optional<String>> authenticate(Optional<Credentials> credentials) {
        if (!authenticator.isRequired()) {
            return Future.succeededFuture(Optional.empty());
        }
        if (credentials.isEmpty()) {
            return Future.failedFuture(authRefusal(AuthFailure.MISSING_CREDENTIALS));
        }
        Credentials c = credentials.get();
        Optional<AuthOutcome> cached = authenticator.cached(c);
        Future<AuthOutcome> outcome = cached.isPresent()
                ? Future.succeededFuture(cached.get())
                : vertx.executeBlocking(() -> authenticator.verify(c), false);
        return outcome.compose(o -> o instanceof AuthOutcome.Accepted a
                ? Future.succeededFuture(Optional.of(a.username()))
                : Future.failedFuture(authRefusal(((AuthOutcome.Rejected) o).reason())));
    }

    private static ProxyRefusalException authRefusal(AuthFailure reason) {
        ErrorCode code = reason == AuthFailure.MISSING_CREDENTIALS ? ErrorCode.AUTH_REQUIRED : ErrorCode.AUTH_FAILED;
        return new ProxyRefusalException(Refusal.of(code, "proxy authentication required"));
    }

    /**
     * Steps 5-8: per-user bucket, destination policy, route and backend. Returns the forward decision, or a
     * refusal.
     *
     * @param username the authenticated user, or empty when anonymous
     */
    public Routed route(IpAddress client, Optional<String> username, RoutingKey host, int port) {
        Policies p = policies.get();
        if (p.limiter() != null && p.perUser()) {
            RateLimitKey key = username.map(RateLimitKey::user).orElseGet(() -> RateLimitKey.anon(client));
            Optional<Refusal> limited = limited(p.limiter().tryAcquire(key));
            if (limited.isPresent()) {
                return new Routed(null, limited.get());
            }
        }
        DestinationDecision destination = destinations.get().check(host, port);
        if (destination instanceof DestinationDecision.Prohibited prohibited) {
            return new Routed(null, Refusal.of(ErrorCode.DESTINATION_PROHIBITED,
                    "destination \"" + host.text() + "\" is not allowed (" + prohibited.detail() + ")"));
        }
        RouteDecision decision = routes.resolve(host, client.toString());
        if (decision instanceof RouteDecision.Refuse refuse) {
            return new Routed(null, Refusal.of(refuse.code(), refuse.message()));
        }
        return new Routed((RouteDecision.Forward) decision, null);
    }

    private static Optional<Refusal> limited(RateDecision decision) {
        if (decision instanceof RateDecision.Limited l) {
            return Optional.of(new Refusal(ErrorCode.RATE_LIMITED, "rate limit exceeded, retry in "
                    + l.retryAfterSeconds() + "s", l.retryAfterSeconds()));
        }
        return Optional.empty();
    }

    /** Exactly one of {@code forward} and {@code refusal} is set. */
    public record Routed(RouteDecision.Forward forward, Refusal refusal) {}

    /**
     * The hot policy sections.
     *
     * @param limiter the request limiter, or {@code null} when rate limiting is off
     * @param perIp whether the per-IP bucket applies (step 3)
     * @param perUser whether the per-user bucket applies (step 5)
     * @param bandwidth per-connection byte budgets ([SEC-052]); a connection takes its throttles when it opens
     */
    public record Policies(AccessControl access, RateLimiter limiter, boolean perIp, boolean perUser,
            BandwidthLimits bandwidth) {
        public Policies {
            requireNonNull(access, "access");
            requireNonNull(bandwidth, "bandwidth");
        }

        public static Policies openToAll() {
            return new Policies(AccessControl.allowAll(), null, false, false, BandwidthLimits.unlimited());
        }

        /** The same policies with another access list. */
        public Policies withAccess(AccessControl next) {
            return new Policies(next, limiter, perIp, perUser, bandwidth);
        }
    }
}
