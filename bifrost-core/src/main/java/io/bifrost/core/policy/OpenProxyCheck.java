package io.bifrost.core.policy;

import static java.util.Objects.requireNonNull;

import io.bifrost.core.net.CidrBlock;
import io.bifrost.core.net.IpAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The open-proxy safeguard of [SEC-090], for the server's proxy listeners. A pure function of its inputs: the host's
 * addresses are given, so {@code validate} can run it on another host and the adapter supplies them at start-up.
 *
 * <p>A listener bound to {@code 203.0.113.7} covers that address; a listener on all interfaces ({@code host} null or
 * {@code ::}) covers every host address, one on {@code 0.0.0.0} every IPv4 host address. The rules, per listener,
 * when authentication is not required: it covers a public address and the whitelist does not restrict to private
 * clients: refuse, naming the first such address, unless {@code allowOpenProxy}, which turns this into a warning.
 * The first refusing listener gives the message. Also to be run whenever {@code access_control} changes at run time.
 *
 * <p>The warnings that do not depend on the host's addresses (a proxy listener reachable from the network without
 * authentication) are the configuration reader's ({@code ExposureChecks}): it reports them on every load, validation,
 * reload and save, so this check does not repeat them and its warnings can be listed next to the reader's.</p>
 *
 * @param proxyListeners the HTTP and SOCKS5 listeners as configured (paths {@code server.http.listen},
 *     {@code server.socks5.listen})
 * @param authRequired {@link ProxyAuthenticator#isRequired()}
 * @param whitelist {@code access_control.whitelist}
 * @param allowOpenProxy {@code server.allow_open_proxy}
 * @param hostAddresses the addresses of the host's interfaces, in a stable order (the first public one is named)
 */
public record OpenProxyCheck(
        List<ListenerSocket> proxyListeners,
        boolean authRequired,
        List<CidrBlock> whitelist,
        boolean allowOpenProxy,
        List<IpAddress> hostAddresses) {

    public OpenProxyCheck {
        proxyListeners = List.copyOf(requireNonNull(proxyListeners, "proxyListeners"));
        whitelist = List.copyOf(requireNonNull(whitelist, "whitelist"));
        hostAddresses = List.copyOf(requireNonNull(hostAddresses, "hostAddresses"));
    }

    public OpenProxyVerdict verdict() {
        if (authRequired) {
            return new OpenProxyVerdict.Proceed(List.of());
        }
        String refusal = null;
        List<String> warnings = new ArrayList<>();
        for (ListenerSocket listener : proxyListeners) {
            Optional<IpAddress> exposed = exposedPublicAddress(listener);
            if (exposed.isEmpty()) {
                continue;
            }
            if (allowOpenProxy) {
                warnings.add(listener.path() + ": " + allowedMessage(exposed.get()));
            } else if (refusal == null) {
                refusal = listener.path() + ": " + refusalMessage(exposed.get());
            }
        }
        return refusal == null
                ? new OpenProxyVerdict.Proceed(warnings)
                : new OpenProxyVerdict.Refuse(refusal, warnings);
    }

    /**
     * The conditions of {@link #verdict()} as {@code validate} reports them: always as warnings, since it may run on
     * another host ([SEC-090]), each with the message start-up gives (the refusal, or the warning that
     * {@code allowOpenProxy} turns it into), one per exposed listener.
     */
    public List<Finding> publicAddressFindings() {
        if (authRequired) {
            return List.of();
        }
        List<Finding> findings = new ArrayList<>();
        for (ListenerSocket listener : proxyListeners) {
            exposedPublicAddress(listener).ifPresent(address -> findings.add(new Finding(listener.path(),
                    allowOpenProxy ? allowedMessage(address) : refusalMessage(address))));
        }
        return findings;
    }

    /**
     * One listener's finding.
     *
     * @param path the listener's configuration key, e.g. {@code server.http.listen}
     * @param message the message without the path
     */
    public record Finding(String path, String message) {
        public Finding {
            requireNonNull(path, "path");
            requireNonNull(message, "message");
        }
    }

    private static String refusalMessage(IpAddress address) {
        return "refusing to run an open proxy on public address " + address + "; require authentication, restrict"
                + " access_control.whitelist, bind to a private address, or set server.allow_open_proxy: true";
    }

    private static String allowedMessage(IpAddress address) {
        return "running an open proxy on public address " + address + " (allowed by server.allow_open_proxy: true)";
    }

    /** The first public address the listener covers, unless the whitelist restricts it to private clients. */
    private Optional<IpAddress> exposedPublicAddress(ListenerSocket listener) {
        boolean whitelistPrivate = !whitelist.isEmpty() && whitelist.stream().allMatch(AddressScope::isNonPublic);
        return whitelistPrivate ? Optional.empty() : firstPublicAddress(listener);
    }

    private Optional<IpAddress> firstPublicAddress(ListenerSocket listener) {
        if (!listener.coversAllInterfaces()) {
            return Optional.of(listener.host()).filter(AddressScope::isPublic);
        }
        // 0.0.0.0 accepts IPv4 only; ":port" and [::] are dual-stack ([CFG-013]: "all interfaces, IPv4 and IPv6").
        boolean v4Only = listener.host() != null && listener.host().isV4();
        return hostAddresses.stream()
                .filter(a -> !v4Only || a.isV4())
                .filter(AddressScope::isPublic)
                .findFirst();
    }
}
