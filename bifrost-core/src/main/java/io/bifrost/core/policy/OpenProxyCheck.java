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
        boolean whitelistPrivate = !whitelist.isEmpty() && whitelist.stream().allMatch(AddressScope::isNonPublic);
        String refusal = null;
        List<String> warnings = new ArrayList<>();
        for (ListenerSocket listener : proxyListeners) {
            Optional<IpAddress> exposed = whitelistPrivate ? Optional.empty() : firstPublicAddress(listener);
            if (exposed.isEmpty()) {
                continue;
            }
            if (allowOpenProxy) {
                warnings.add(listener.path() + ": running an open proxy on public address " + exposed.get()
                        + " (allowed by server.allow_open_proxy: true)");
            } else if (refusal == null) {
                refusal = listener.path() + ": refusing to run an open proxy on public address " + exposed.get()
                        + "; require authentication, restrict access_control.whitelist, bind to a private address,"
                        + " or set server.allow_open_proxy: true";
            }
        }
        return refusal == null
                ? new OpenProxyVerdict.Proceed(warnings)
                : new OpenProxyVerdict.Refuse(refusal, warnings);
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
