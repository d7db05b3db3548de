package io.bifrost.core.routing;

import static java.util.Objects.requireNonNull;

import io.bifrost.core.net.IpAddress;
import java.net.IDN;
import java.util.Locale;
import java.util.Optional;

/**
 * The normalised destination host that routes are matched against ([RTE-001], [RTE-002]): never the port, path or
 * scheme. Routing never resolves names ([RTE-003]): a name is routed by its text, an IP literal by its address.
 *
 * @param text the normalised host: lower-case ASCII name, dotted IPv4, or RFC 5952 IPv6 without brackets
 * @param ip the address when the host is an IP literal, else {@code null}
 */
public record RoutingKey(String text, IpAddress ip) {
    private static final int MAX_NAME_LENGTH = 253;

    public RoutingKey {
        requireNonNull(text, "text");
    }

    /** A name key; {@code name} must already be normalised. */
    public static RoutingKey ofName(String name) {
        return new RoutingKey(name, null);
    }

    public static RoutingKey of(IpAddress ip) {
        return new RoutingKey(ip.toString(), ip);
    }

    /**
     * Normalises a host as written by a client: brackets removed, ASCII lower-cased, IDNA to punycode, one trailing dot
     * removed, IPv4-mapped IPv6 folded to IPv4. Empty when the text cannot be a host (empty, spaces, bad characters,
     * empty or over-long labels).
     */
    public static Optional<RoutingKey> parse(String host) {
        requireNonNull(host, "host");
        String h = host;
        if (h.startsWith("[") && h.endsWith("]") && h.length() > 2) {
            return IpAddress.parse(h).map(RoutingKey::of);
        }
        if (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        if (h.isEmpty()) {
            return Optional.empty();
        }
        Optional<IpAddress> ip = IpAddress.parse(h);
        if (ip.isPresent()) {
            return ip.map(RoutingKey::of);
        }
        if (h.indexOf(':') >= 0) {
            return Optional.empty();
        }
        Optional<String> ascii = toAscii(h);
        return ascii.filter(RoutingKey::isValidName).map(RoutingKey::ofName);
    }

    static Optional<String> toAscii(String text) {
        boolean ascii = text.chars().allMatch(c -> c < 0x80);
        if (ascii) {
            return Optional.of(text.toLowerCase(Locale.ROOT));
        }
        try {
            return Optional.of(IDN.toASCII(text, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Labels of 1-63 characters from {@code [a-z0-9_-]}, 253 characters at most. */
    static boolean isValidName(String name) {
        if (name.isEmpty() || name.length() > MAX_NAME_LENGTH) {
            return false;
        }
        int labelLength = 0;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '.') {
                if (labelLength == 0) {
                    return false;
                }
                labelLength = 0;
            } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_') {
                if (++labelLength > 63) {
                    return false;
                }
            } else {
                return false;
            }
        }
        return labelLength > 0;
    }

    public boolean isIp() {
        return ip != null;
    }

    public boolean isIpv4() {
        return ip != null && ip.isV4();
    }

    public boolean isIpv6() {
        return ip != null && ip.isV6();
    }

    public boolean isName() {
        return ip == null;
    }

    @Override
    public String toString() {
        return text;
    }
}
