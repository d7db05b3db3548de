package io.bifrost.adapters.vertx.api;

import static java.util.Objects.requireNonNull;

import io.bifrost.adapters.vertx.control.ServerControl;
import io.bifrost.core.config.RouteConfig;
import io.bifrost.core.routing.Route;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** {@code /api/v1/routes} ([SAPI-100]-[SAPI-140]); the dry run lives in {@link RouteTestResource}. */
final class RoutesResource {
    private final ApiContext api;

    RoutesResource(ApiContext api) {
        this.api = requireNonNull(api, "api");
    }

    void register(Endpoints endpoints) {
        endpoints.json(HttpMethod.GET, "/api/v1/routes", ctx -> Future.succeededFuture(list()));
        endpoints.json(HttpMethod.POST, "/api/v1/routes", this::add);
        new RouteTestResource(api).register(endpoints); // before /:name, so that "test" is not taken for a name
        endpoints.json(HttpMethod.GET, "/api/v1/routes/:name", this::one);
        endpoints.json(HttpMethod.PUT, "/api/v1/routes/:name", this::replace);
        endpoints.json(HttpMethod.DELETE, "/api/v1/routes/:name",
                ctx -> api.control().removeRoute(ctx.pathParam("name")));
    }

    /** [SAPI-100]: effective order of the running table ([RTE-030]), enabled and disabled. */
    private JsonArray list() {
        JsonArray out = new JsonArray();
        api.routes().table().routes().forEach(r -> out.add(json(r)));
        return out;
    }

    private JsonObject json(Route r) {
        return config(r.name()).map(RouteJson::of).orElseGet(() -> RouteJson.of(r));
    }

    private Optional<RouteConfig> config(String name) {
        return api.control().running().routes().stream().filter(c -> c.name().equals(name)).findFirst();
    }

    private Future<JsonObject> one(RoutingContext ctx) {
        String name = ctx.pathParam("name");
        return api.routes().table().find(name).map(this::json).map(Future::succeededFuture)
                .orElseGet(() -> Future.failedFuture(notFound(name)));
    }

    static ApiException notFound(String name) {
        return new ApiException(ApiErrorCode.ROUTE_NOT_FOUND, null, "no route named \"" + name + "\" is configured",
                new JsonObject().put("route", name));
    }

    private Future<JsonObject> add(RoutingContext ctx) {
        Map<String, Object> body = routeBody(ctx);
        return api.control().addRoute(body).map(change -> {
            ctx.response().setStatusCode(201);
            return changed("created", change);
        });
    }

    private Future<JsonObject> replace(RoutingContext ctx) {
        Map<String, Object> body = routeBody(ctx);
        return api.control().replaceRoute(ctx.pathParam("name"), body).map(change -> changed("updated", change));
    }

    /** [SAPI-110]: {@code INVALID_BODY} for wrong member types; the rest is validation. */
    private static Map<String, Object> routeBody(RoutingContext ctx) {
        return BodyTypes.route(ctx.body().buffer(), body -> {
            BodyTypes.string(body, "backend");
            BodyTypes.strings(body, "backends");
            BodyTypes.string(body, "load_balance");
            BodyTypes.integers(body, "weights");
        });
    }

    /**
     * The route in the answer is the route object of {@code GET /routes/{name}} ({@link RouteJson}: {@code weights}
     * only when the route has some, as in the [SAPI-130] example), not the configuration tree's form, which fills in
     * the empty default.
     */
    private static JsonObject changed(String status, ServerControl.RouteChange change) {
        Map<String, Object> route = new LinkedHashMap<>(change.route());
        if (route.get("weights") instanceof Map<?, ?> weights && weights.isEmpty()) {
            route.remove("weights");
        }
        return ApiJson.routeChanged(status, route, change.warnings());
    }
}
