package io.bifrost.adapters.vertx.api;

import static java.util.Objects.requireNonNull;

/**
 * A {@code Host} header split into host and port. Immutable.
 *
 * @param host the host part; an IPv6 literal keeps its brackets ([SAPI-300])
 * @param port the port, or -1 when absent or not a number
 */
public record HostHeader(String host, int port) {
    public HostHeader {
        requireNonNull(host, "host");
    }

    public static HostHeader parse(String value) {
        String v = value.strip();
        if (v.startsWith("[")) {
            int close = v.indexOf(']');
            if (close < 0) {
                return new HostHeader(v, -1);
            }
            String rest = v.substring(close + 1);
            return new HostHeader(v.substring(0, close + 1), rest.startsWith(":") ? port(rest.substring(1)) : -1);
        }
        int colon = v.lastIndexOf(':');
        if (colon < 0) {
            return new HostHeader(v, -1);
        }
        return new HostHeader(v.substring(0, colon), port(v.substring(colon + 1)));
    }

    public int portOr(int fallback) {
        return port < 0 ? fallback : port;
    }

    private static int port(String text) {
        if (text.isEmpty() || text.length() > 5 || !text.chars().allMatch(Character::isDigit)) {
            return -1;
        }
        return Integer.parseInt(text);
    }
}
