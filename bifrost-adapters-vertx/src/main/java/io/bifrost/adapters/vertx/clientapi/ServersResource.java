package io.bifrost.adapters.vertx.clientapi;

import static java.util.Objects.requireNonNull;

import io.bifrost.adapters.vertx.api.ApiException;
import io.bifrost.adapters.vertx.api.ApiJson;
import io.bifrost.adapters.vertx.api.Endpoints;
import io.bifrost.adapters.vertx.control.ClientControl;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** Connection state and upstream servers ([CAPI-030], [CAPI-031], [CAPI-040], [CAPI-041]). */
final class ServersResource {
    private final ClientApiContext api;

    ServersResource(ClientApiContext api) {
        this.api = requireNonNull(api, "api");
    }

    void register(Endpoints endpoints) {
        endpoints.json(HttpMethod.POST, "/api/v1/connect", ctx -> connect());
        endpoints.json(HttpMethod.POST, "/api/v1/disconnect", ctx -> api.control().disconnect().map(d ->
                new JsonObject().put("status", "disconnected").put("closed_connections", d.closedConnections())));
        endpoints.json(HttpMethod.GET, "/api/v1/servers", ctx -> Future.succeededFuture(servers()));
        endpoints.json(HttpMethod.POST, "/api/v1/server/select", this::select);
    }

    /** [CAPI-030]: with no upstream the control answers {@code VALIDATION_FAILED} naming {@code server.address}. */
    private Future<JsonObject> connect() {
        return api.control().connect().map(c -> new JsonObject().put("status", "connected")
                .put("server_name", c.server().name()).put("server_address", c.server().address().toString())
                .put("server_reachable", c.reachable()));
    }

    private JsonArray servers() {
        JsonArray out = new JsonArray();
        for (ClientControl.UpstreamStatus s : api.control().servers()) {
            JsonObject o = new JsonObject().put("name", s.server().name())
                    .put("address", s.server().address().toString()).put("protocol", s.server().protocol().wireName())
                    .put("is_default", s.server().isDefault()).put("selected", s.selected())
                    .put("status", s.status().wireName());
            if (s.latency() != null) {
                o.put("latency_ms", ApiJson.millis(s.latency()));
            }
            out.add(o);
        }
        return out;
    }

    /** [CAPI-041]: {@code INVALID_BODY} for a missing or empty name; the control answers the rest. */
    private Future<JsonObject> select(RoutingContext ctx) {
        JsonObject body = ApiJson.object(ctx.body().buffer(), null);
        if (!(body.getValue("server") instanceof String name) || name.isEmpty()) {
            throw ApiException.invalidBody("server: " + body.getValue("server") + " (expected: a server name)");
        }
        return api.control().select(name).map(u -> new JsonObject().put("status", "selected").put("server", u.name()));
    }
}
