package io.bifrost.adapters.vertx.clientapi;

import static java.util.Objects.requireNonNull;

import io.bifrost.adapters.vertx.api.ApiJson;
import io.bifrost.adapters.vertx.api.BodyTypes;
import io.bifrost.adapters.vertx.api.Endpoints;
import io.bifrost.adapters.vertx.api.QueryParams;
import io.bifrost.adapters.vertx.control.ClientControl;
import io.bifrost.adapters.vertx.control.ControlException;
import io.bifrost.core.client.ClientRouteDecision;
import io.bifrost.core.config.ClientConfigTree;
import io.bifrost.core.routing.RoutingKey;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;

/** Client routes ([CAPI-070]-[CAPI-075]); changes go through {@link ClientControl}. */
final class ClientRoutesResource {
    private final ClientApiContext api;

    ClientRoutesResource(ClientApiContext api) {
        this.api = requireNonNull(api, "api");
    }

    void register(Endpoints endpoints) {
        endpoints.json(HttpMethod.GET, "/api/v1/routes", ctx -> Future.succeededFuture(list()));
        endpoints.json(HttpMethod.POST, "/api/v1/routes", this::add);
        endpoints.json(HttpMethod.GET, "/api/v1/routes/test", ctx -> Future.succeededFuture(test(ctx)));
        endpoints.json(HttpMethod.GET, "/api/v1/routes/:name", this::one);
        endpoints.json(HttpMethod.PUT, "/api/v1/routes/:name", this::replace);
        endpoints.json(HttpMethod.DELETE, "/api/v1/routes/:name",
                ctx -> api.control().removeRoute(ctx.pathParam("name")));
    }

    /** [CAPI-070]: effective order ([RTE-030]), enabled and disabled. */
    private JsonArray list() {
        JsonArray out = new JsonArray();
        api.control().routes().forEach(r -> out.add(new JsonObject(ClientConfigTree.route(r))));
        return out;
    }

    private Future<JsonObject> one(RoutingContext ctx) {
        String name = ctx.pathParam("name");
        return api.control().routes().stream().filter(r -> r.name().equals(name)).findFirst()
                .map(r -> Future.succeededFuture(new JsonObject(ClientConfigTree.route(r))))
                .orElseGet(() -> Future.failedFuture(ControlException.routeNotFound(name)));
    }

    private Future<JsonObject> add(RoutingContext ctx) {
        return api.control().addRoute(routeBody(ctx)).map(change -> {
            ctx.response().setStatusCode(201);
            return changed("created", change);
        });
    }

    private Future<JsonObject> replace(RoutingContext ctx) {
        return api.control().replaceRoute(ctx.pathParam("name"), routeBody(ctx)).map(c -> changed("updated", c));
    }

    /** {@code INVALID_BODY} for wrong member types; required members and the rest are validation. */
    private static Map<String, Object> routeBody(RoutingContext ctx) {
        return BodyTypes.route(ctx.body().buffer(), body -> BodyTypes.string(body, "action"));
    }

    /** [CAPI-072], [CAPI-073]: the status, the route's members and the warnings about routes. */
    private static JsonObject changed(String status, ClientControl.RouteChange change) {
        return ApiJson.routeChanged(status, ClientConfigTree.route(change.route()), change.warnings());
    }

    /** [CAPI-075], [RTE-093]: the action and why; changes no state. */
    private JsonObject test(RoutingContext ctx) {
        RoutingKey host = QueryParams.domain(ctx.request());
        ClientRouteDecision d = api.control().testRoute(host);
        return new JsonObject().put("domain", ctx.request().getParam("domain")).put("host", host.text())
                .put("action", d.action().wireName()).put("route", d.routeName().orElse(null))
                .put("pattern", d.patternText().orElse(null)).put("default", d.isFallback());
    }
}
