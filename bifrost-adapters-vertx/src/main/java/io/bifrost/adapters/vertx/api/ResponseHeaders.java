package io.bifrost.adapters.vertx.api;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Headers every API response carries, errors, PAC and preflights included ([SEC-013], [GEN-010]): the first handler
 * of both management APIs. Stateless.
 */
public final class ResponseHeaders {
    static final String CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'";
    private static final Pattern VISIBLE_ASCII = Pattern.compile("[\\x21-\\x7e]{1,128}");

    private ResponseHeaders() {}

    /** Puts the headers on the response and passes the request on. */
    public static void handle(RoutingContext ctx) {
        apply(ctx.response(), requestId(ctx.request()));
        ctx.next();
    }

    static void apply(HttpServerResponse response, String requestId) {
        response.putHeader("X-Content-Type-Options", "nosniff")
                .putHeader("X-Frame-Options", "DENY")
                .putHeader("Referrer-Policy", "no-referrer")
                .putHeader("Content-Security-Policy", CSP)
                .putHeader("Cache-Control", "no-store")
                .putHeader("X-Request-Id", requestId);
    }

    /** [GEN-010]: echo 1-128 visible ASCII characters, else a random UUID. */
    private static String requestId(HttpServerRequest request) {
        String id = request.getHeader("X-Request-Id");
        return id != null && VISIBLE_ASCII.matcher(id).matches() ? id : UUID.randomUUID().toString();
    }
}
