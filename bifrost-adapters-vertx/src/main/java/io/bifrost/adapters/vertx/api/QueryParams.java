package io.bifrost.adapters.vertx.api;

import io.bifrost.core.routing.RoutingKey;
import io.vertx.core.http.HttpServerRequest;
import java.util.Optional;

/**
 * Query parameters: integers and pages of [GEN-009] (a value that is not a base-10 integer in range is refused, never
 * defaulted) and the {@code domain} of route tests ([RTE-091]). Stateless.
 */
public final class QueryParams {
    private QueryParams() {}

    /** {@code name} as an integer in {@code [min, max]}, or {@code fallback} when absent. */
    public static long integer(HttpServerRequest request, String name, long fallback, long min, long max) {
        String text = request.getParam(name);
        if (text == null) {
            return fallback;
        }
        String expected = max == Long.MAX_VALUE ? "an integer >= " + min : "an integer from " + min + " to " + max;
        if (!text.matches("-?[0-9]{1,18}")) {
            throw ApiException.invalidParameter(name + ": \"" + text + "\" (expected: " + expected + ")");
        }
        long value = Long.parseLong(text);
        if (value < min || value > max) {
            throw ApiException.invalidParameter(name + ": " + value + " (expected: " + expected + ")");
        }
        return value;
    }

    /** [GEN-009] {@code limit}: 1-1000, default 100. */
    public static int limit(HttpServerRequest request) {
        return (int) integer(request, "limit", 100, 1, 1000);
    }

    /** [GEN-009] {@code offset}: at least 0, default 0. */
    public static int offset(HttpServerRequest request) {
        return (int) integer(request, "offset", 0, 0, Integer.MAX_VALUE);
    }

    /**
     * [RTE-091]: the required host of a route test, normalised ([RTE-002]); {@code INVALID_PARAMETER} when it is
     * missing, empty or not a host.
     */
    public static RoutingKey domain(HttpServerRequest request) {
        String domain = request.getParam("domain");
        if (domain == null || domain.isBlank()) {
            throw ApiException.invalidParameter("domain: required (expected: a host name or IP address)");
        }
        return hostOf(domain).flatMap(RoutingKey::parse).orElseThrow(() -> ApiException.invalidParameter(
                "domain: \"" + domain + "\" (expected: a host name or IP address, optionally with :port)"));
    }

    /** [RTE-091]: brackets and a {@code :port} suffix are accepted and ignored. */
    static Optional<String> hostOf(String domain) {
        String d = domain.strip();
        if (d.startsWith("[")) {
            int close = d.indexOf(']');
            if (close < 0 || !validPortSuffix(d.substring(close + 1))) {
                return Optional.empty();
            }
            return Optional.of(d.substring(0, close + 1));
        }
        int colon = d.indexOf(':');
        if (colon >= 0 && colon == d.lastIndexOf(':')) {
            return validPortSuffix(d.substring(colon)) ? Optional.of(d.substring(0, colon)) : Optional.empty();
        }
        return Optional.of(d); // no colon, or an IPv6 literal without brackets
    }

    private static boolean validPortSuffix(String suffix) {
        if (suffix.isEmpty()) {
            return true;
        }
        String digits = suffix.substring(1);
        return suffix.charAt(0) == ':' && !digits.isEmpty() && digits.length() <= 5
                && digits.chars().allMatch(Character::isDigit) && Integer.parseInt(digits) <= 65535;
    }
}
