package io.bifrost.adapters.vertx.api;

import static java.util.Objects.requireNonNull;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.util.Set;

/**
 * Paths fixed now for later-phase features ([GEN-030]): cache ([SAPI-400]), mesh ([SAPI-410]: 404 while
 * {@code mesh.enabled} is false, else 501) and login/logout ([SAPI-420]). Reached only after the token and CSRF
 * checks.
 */
final class LaterPhaseResource {
    private static final Set<HttpMethod> ALL = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.POST, HttpMethod.PUT,
            HttpMethod.PATCH, HttpMethod.DELETE);

    private final ApiContext api;

    LaterPhaseResource(ApiContext api) {
        this.api = requireNonNull(api, "api");
    }

    void register(Endpoints endpoints) {
        endpoints.raw(ALL, "/api/v1/cache/*").handler(ctx -> notImplemented(ctx, "the download cache"));
        if (api.config().mesh().enabled()) {
            endpoints.raw(ALL, "/api/v1/mesh/*").handler(ctx -> notImplemented(ctx, "mesh coordinator"));
        }
        endpoints.raw(Set.of(HttpMethod.POST), "/api/v1/login").handler(ctx -> notImplemented(ctx, "API login"));
        endpoints.raw(Set.of(HttpMethod.POST), "/api/v1/logout").handler(ctx -> notImplemented(ctx, "API login"));
    }

    private static void notImplemented(RoutingContext ctx, String feature) {
        ctx.fail(ApiException.notImplemented(feature));
    }
}
