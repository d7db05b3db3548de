package io.bifrost.core.policy;

import static java.util.Objects.requireNonNull;

import io.bifrost.core.net.IpAddress;
import io.bifrost.core.policy.DestinationDecision.Prohibited;
import io.bifrost.core.policy.DestinationDecision.Reason;
import io.bifrost.core.routing.RoutingKey;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * The server's destination policy ([SEC-060], [PRX-010] step 6): destinations that would reach the server host itself.
 *
 * <p>Two rules. Loopback and unspecified destinations ({@code 127.0.0.0/8}, {@code ::1}, {@code 0.0.0.0/8},
 * {@code ::}, the name {@code localhost} and names under {@code .localhost}) are refused unless
 * {@code allowLoopback}. Independently, a destination equal to one of the server's own listening sockets is always
 * refused, which prevents proxy loops and reaching the management API through the proxy.
 *
 * <p>Checks happen twice: {@link #check} on the requested host before routing (names other than {@code localhost}
 * pass, since the server does not resolve names for routing), and {@link #checkResolved} by the {@code direct}
 * backend on every address it resolved and is about to dial. Immutable and thread-safe; never blocks.
 */
public final class DestinationPolicy {
    private static final IpAddress V4_LOOPBACK = IpAddress.parse("127.0.0.1").orElseThrow();
    private static final IpAddress V6_LOOPBACK = IpAddress.parse("::1").orElseThrow();

    private final boolean allowLoopback;
    private final Set<IpAddress> hostAddresses;
    private final List<ListenerSocket> listeners;

    private DestinationPolicy(boolean allowLoopback, Set<IpAddress> hostAddresses, List<ListenerSocket> listeners) {
        this.allowLoopback = allowLoopback;
        this.hostAddresses = hostAddresses;
        this.listeners = listeners;
    }

    /**
     * @param allowLoopback {@code network.allow_loopback_destinations}
     * @param hostAddresses the addresses of the host's interfaces (loopback and unspecified addresses are always
     *     treated as local and need not be listed)
     * @param listeners the server's listening sockets with their actual ports; listeners on port 0 are ignored
     */
    public static DestinationPolicy of(
            boolean allowLoopback, Collection<IpAddress> hostAddresses, List<ListenerSocket> listeners) {
        requireNonNull(hostAddresses, "hostAddresses");
        requireNonNull(listeners, "listeners");
        return new DestinationPolicy(allowLoopback, Set.copyOf(hostAddresses), List.copyOf(listeners));
    }

    /**
     * Checks the requested destination before routing. {@code localhost} names are checked as {@code 127.0.0.1} and
     * {@code ::1}, what they always resolve to (RFC 6761 §6.3); other names pass here and are caught by
     * {@link #checkResolved} once the {@code direct} backend has resolved them.
     */
    public DestinationDecision check(RoutingKey host, int port) {
        requireNonNull(host, "host");
        if (host.isIp()) {
            return checkResolved(host.ip(), port);
        }
        if (!isLocalhostName(host.text())) {
            return DestinationDecision.ALLOWED;
        }
        DestinationDecision v4 = checkResolved(V4_LOOPBACK, port);
        DestinationDecision decision = v4.isAllowed() ? checkResolved(V6_LOOPBACK, port) : v4;
        if (decision instanceof Prohibited p) {
            return new Prohibited(p.reason(), host.text() + ": " + p.detail());
        }
        return decision;
    }

    /** Checks an address the {@code direct} backend resolved (or was given) before dialling it. */
    public DestinationDecision checkResolved(IpAddress address, int port) {
        requireNonNull(address, "address");
        for (ListenerSocket listener : listeners) {
            if (listener.port() != 0 && listener.port() == port && reaches(address, listener)) {
                return new Prohibited(Reason.OWN_LISTENER, "destination " + address + " port " + port
                        + " is this server's own listener " + listener.path() + " (" + listener.listenText() + ")");
            }
        }
        if (!allowLoopback && (address.isLoopback() || address.isUnspecified())) {
            return new Prohibited(Reason.LOOPBACK, "destination " + address + " is a loopback or unspecified address");
        }
        return DestinationDecision.ALLOWED;
    }

    private boolean reaches(IpAddress address, ListenerSocket listener) {
        if (listener.coversAllInterfaces()) {
            return isLocal(address);
        }
        if (address.equals(listener.host())) {
            return true;
        }
        // Linux sends a connect to 0.0.0.0 or :: to the loopback address.
        return address.isUnspecified() && listener.host().isLoopback();
    }

    /** Linux answers for all of 127.0.0.0/8 locally, and a connect to 0.0.0.0 / :: lands on the host itself. */
    private boolean isLocal(IpAddress address) {
        return address.isLoopback() || address.isUnspecified() || hostAddresses.contains(address);
    }

    /** {@code localhost} and names under {@code .localhost} (RFC 6761 §6.3); the key is already lower-case. */
    static boolean isLocalhostName(String name) {
        return name.equals("localhost") || name.endsWith(".localhost");
    }
}
