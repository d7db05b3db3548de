package io.bifrost.adapters.vertx.metrics;

import static java.util.Objects.requireNonNull;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The HTTP face of {@link BifrostMetrics} ([SAPI-320]). On the metrics listener ({@link #handler}):
 * {@code GET}/{@code HEAD <metrics.path>} answers the scrape without authentication ([SEC-003]), {@code 405} for other
 * methods on that path, {@code 404} with the standard error body ([GEN-021], [GEN-024]) for other paths; every
 * response carries the headers of [SEC-013] and an {@code X-Request-Id} ([GEN-010]).
 *
 * <p>For {@code metrics.listen: ""} the management API mounts {@link #respond} at {@code metrics.path} behind its
 * token check and its own headers. The scrape runs on a worker thread: it walks every meter and must not hold up an
 * event loop that carries proxy traffic. Thread-safe.
 */
public final class MetricsEndpoint {
    private static final Pattern REQUEST_ID = Pattern.compile("[\\x21-\\x7E]{1,128}");

    private MetricsEndpoint() {}

    /** The request handler of the metrics listener. */
    public static Handler<HttpServerRequest> handler(Vertx vertx, BifrostMetrics metrics, String path) {
        requireNonNull(vertx, "vertx");
        requireNonNull(metrics, "metrics");
        requireNonNull(path, "path");
        return request -> {
            HttpServerResponse response = request.response();
            commonHeaders(request, response);
            if (!request.path().equals(path)) {
                error(response, 404, new JsonObject().put("error", "Not found").put("code", "NOT_FOUND")
                        .put("path", request.path()));
            } else if (request.method() != HttpMethod.GET && request.method() != HttpMethod.HEAD) {
                response.putHeader(HttpHeaders.ALLOW, "GET, HEAD");
                error(response, 405, new JsonObject().put("error", "Method not allowed")
                        .put("code", "METHOD_NOT_ALLOWED"));
            } else {
                respond(vertx, metrics, request);
            }
        };
    }

    /** Answers {@code 200} with the scrape in the Prometheus text format; {@code 500} if the scrape fails. */
    public static Future<Void> respond(Vertx vertx, BifrostMetrics metrics, HttpServerRequest request) {
        HttpServerResponse response = request.response();
        if (request.method() == HttpMethod.HEAD) { // Vert.x would send a body given to end(): give it none
            return response.setStatusCode(200).putHeader(HttpHeaders.CONTENT_TYPE, BifrostMetrics.CONTENT_TYPE).end();
        }
        return vertx.executeBlocking(metrics::scrape, false)
                .compose(text -> response.setStatusCode(200)
                        .putHeader(HttpHeaders.CONTENT_TYPE, BifrostMetrics.CONTENT_TYPE)
                        .end(text))
                .recover(e -> response.ended() ? Future.failedFuture(e)
                        : error(response, 500, new JsonObject().put("error", "Internal error")
                                .put("code", "INTERNAL_ERROR")));
    }

    private static void commonHeaders(HttpServerRequest request, HttpServerResponse response) {
        String id = request.getHeader("X-Request-Id");
        response.putHeader("X-Request-Id", id != null && REQUEST_ID.matcher(id).matches()
                ? id : UUID.randomUUID().toString());
        response.putHeader("X-Content-Type-Options", "nosniff")
                .putHeader("X-Frame-Options", "DENY")
                .putHeader("Referrer-Policy", "no-referrer")
                .putHeader("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'; base-uri 'none'")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    private static Future<Void> error(HttpServerResponse response, int status, JsonObject body) {
        return response.setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json; charset=utf-8")
                .end(body.encode());
    }
}
