package io.bifrost.adapters.vertx.api;

import io.vertx.core.http.HttpServerResponse;

/** Headers every API response carries, errors and PAC included ([SEC-013], [GEN-010]). */
final class ResponseHeaders {
    static final String CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'";

    private ResponseHeaders() {}

    static void apply(HttpServerResponse response, String requestId) {
        response.putHeader("X-Content-Type-Options", "nosniff")
                .putHeader("X-Frame-Options", "DENY")
                .putHeader("Referrer-Policy", "no-referrer")
                .putHeader("Content-Security-Policy", CSP)
                .putHeader("Cache-Control", "no-store")
                .putHeader("X-Request-Id", requestId);
    }
}
