package io.bifrost.adapters.vertx.proxy;

import static java.util.Objects.requireNonNull;

import io.bifrost.adapters.vertx.dial.UpstreamDialer;
import io.bifrost.adapters.vertx.net.BandwidthLimits;
import io.bifrost.core.net.IpAddress;
import io.bifrost.core.policy.Credentials;
import io.bifrost.core.routing.RoutingKey;
import io.vertx.core.Future;
import java.util.Optional;

/**
 * What the proxy listeners ask of the program they serve, in the order of [PRX-010]: whether the client may use the
 * proxy at all (steps 2-3), whether and how it authenticates (step 4), and where its request goes (steps 5-8): a way
 * to open the upstream connection, or a refusal. The server answers with its policies, routes and backends; the
 * client with its routes and upstream server ([PRX-120]: no authentication, access control or rate limits).
 * Implementations are thread-safe and never block the calling event loop.
 */
public interface ProxyGateway {

    /** Steps 2-3, decided from the TCP peer address when a connection is accepted or a request starts. */
    Optional<Refusal> checkClient(IpAddress client);

    /**
     * The per-connection byte budgets in force now ([SEC-052]): a connection takes its throttles when it opens (a
     * SOCKS5 tunnel when it starts).
     */
    BandwidthLimits bandwidth();

    /** Whether step 4 requires credentials (SOCKS5 method selection, [PRX-072]). */
    boolean authRequired();

    /**
     * Step 4. Completes with the username (empty = anonymous) or fails with a {@link ProxyRefusalException} carrying
     * {@code auth_required} / {@code auth_failed}.
     */
    Future<Optional<String>> authenticate(Optional<Credentials> credentials);

    /**
     * Steps 5-8 for one request: notes on {@code info} what was decided (route, backend or upstream, action) so that
     * the request's record carries it, and returns how to dial, or the refusal.
     *
     * @param username the authenticated user, or empty when anonymous
     */
    Decision route(IpAddress client, Optional<String> username, RoutingKey host, int port, RequestInfo info);

    /**
     * Exactly one of {@code dialer} and {@code refusal} is set.
     *
     * @param dialer opens the upstream connection for this request, on the caller's event loop
     */
    record Decision(UpstreamDialer dialer, Refusal refusal) {
        public Decision {
            if ((dialer == null) == (refusal == null)) {
                throw new IllegalArgumentException("decision: " + dialer + ", " + refusal
                        + " (expected: a dialer or a refusal)");
            }
        }

        public static Decision pass(UpstreamDialer dialer) {
            return new Decision(requireNonNull(dialer, "dialer"), null);
        }

        public static Decision refuse(Refusal refusal) {
            return new Decision(null, requireNonNull(refusal, "refusal"));
        }
    }
}
