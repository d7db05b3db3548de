package io.bifrost.adapters.vertx.clientapi;

import io.bifrost.adapters.vertx.api.ApiErrorCode;
import io.bifrost.adapters.vertx.api.ApiException;
import io.bifrost.adapters.vertx.api.Endpoints;
import io.bifrost.adapters.vertx.api.QueryParams;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Set;

/**
 * Endpoints of features this version does not have, answering honestly: the cache ([CAPI-110]), VPN ([CAPI-120]) and
 * mesh ([CAPI-130]); every other VPN and mesh path answers {@code 501 NOT_IMPLEMENTED} after the token and CSRF
 * checks ([GEN-030]). Stateless.
 */
final class LaterPhaseEndpoints {
    private static final Set<HttpMethod> ALL = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.POST, HttpMethod.PUT,
            HttpMethod.PATCH, HttpMethod.DELETE);

    void register(Endpoints endpoints) {
        endpoints.json(HttpMethod.GET, "/api/v1/cache/stats", ctx -> Future.succeededFuture(new JsonObject()
                .put("enabled", false).put("storage_type", "none").put("entries", 0).put("total_size_bytes", 0)
                .put("max_size_bytes", 0).put("hit_count", 0).put("miss_count", 0).put("hit_rate", 0)));
        endpoints.json(HttpMethod.GET, "/api/v1/cache/entries", ctx -> {
            int limit = QueryParams.limit(ctx.request());
            int offset = QueryParams.offset(ctx.request());
            return Future.succeededFuture(new JsonObject().put("entries", new JsonArray()).put("total", 0)
                    .put("offset", offset).put("limit", limit));
        });
        endpoints.json(HttpMethod.DELETE, "/api/v1/cache/entries/:key", ctx -> Future.failedFuture(
                new ApiException(ApiErrorCode.ENTRY_NOT_FOUND, "the client has no cache in this version")));
        endpoints.json(HttpMethod.POST, "/api/v1/cache/clear", ctx -> Future.succeededFuture(
                new JsonObject().put("status", "cleared").put("deleted", 0)));
        endpoints.json(HttpMethod.GET, "/api/v1/vpn/status", ctx -> Future.succeededFuture(disabled()));
        endpoints.json(HttpMethod.GET, "/api/v1/vpn/connections", ctx -> Future.succeededFuture(new JsonArray()));
        endpoints.raw(ALL, "/api/v1/vpn/*").handler(ctx -> ctx.fail(ApiException.notImplemented("VPN mode")));
        endpoints.json(HttpMethod.GET, "/api/v1/mesh/status", ctx -> Future.succeededFuture(disabled()));
        endpoints.raw(ALL, "/api/v1/mesh/*").handler(ctx -> ctx.fail(ApiException.notImplemented(
                "mesh networking")));
    }

    private static JsonObject disabled() {
        return new JsonObject().put("status", "disabled").put("enabled", false);
    }
}
