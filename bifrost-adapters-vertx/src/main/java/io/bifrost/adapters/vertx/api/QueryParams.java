package io.bifrost.adapters.vertx.api;

import io.vertx.core.http.HttpServerRequest;

/** Query parameters of [GEN-009]: a value that is not a base-10 integer in range is refused, never defaulted. */
final class QueryParams {
    private QueryParams() {}

    /** {@code name} as an integer in {@code [min, max]}, or {@code fallback} when absent. */
    static long integer(HttpServerRequest request, String name, long fallback, long min, long max) {
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
}
