package io.bifrost.adapters.vertx.api;

import static java.util.Objects.requireNonNull;

import io.bifrost.adapters.vertx.events.WebSocketEventSink;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * {@code GET /api/v1/ws}: the event stream handshake ([SAPI-250], [EVT-001], [EVT-006]). Refusals come before the
 * upgrade as ordinary error responses: token (by {@link ApiSecurity}), foreign origin while the API is open
 * ([SEC-016]), unknown event type, subscriber limit. No body handler and no request timeout on this route.
 */
final class EventsResource {
    private final ApiContext api;
    private final boolean tokenConfigured;

    EventsResource(ApiContext api) {
        this.api = requireNonNull(api, "api");
        this.tokenConfigured = !api.config().api().token().isEmpty();
    }

    void register(Endpoints endpoints) {
        endpoints.raw(Set.of(HttpMethod.GET), "/api/v1/ws").handler(this::handshake);
    }

    private void handshake(RoutingContext ctx) {
        if (!"websocket".equalsIgnoreCase(ctx.request().getHeader("Upgrade"))) {
            ctx.fail(ApiException.invalidParameter("expected a WebSocket upgrade (Upgrade: websocket)"));
            return;
        }
        if (!tokenConfigured && !ApiSecurity.sameOrigin(ctx.request().getHeader("Origin"),
                ctx.request().getHeader("Host"))) {
            ctx.fail(new ApiException(ApiErrorCode.ORIGIN_NOT_ALLOWED, null,
                    "origin differs from the API's host and no api.token is set", null));
            return;
        }
        Set<String> types;
        try {
            types = types(ctx.request().getParam("events"));
        } catch (ApiException e) {
            ctx.fail(e);
            return;
        }
        WebSocketEventSink events = api.events();
        if (!events.tryReserve(api.config().api().effectiveWebsocketMaxClients())) {
            ctx.fail(new ApiException(ApiErrorCode.TOO_MANY_CLIENTS, null,
                    "the event stream has reached api.websocket_max_clients subscribers", null));
            return;
        }
        HttpConnection connection = ctx.request().connection();
        ctx.request().toWebSocket()
                .onSuccess(ws -> events.attach(ws, connection, types))
                .onFailure(e -> {
                    events.release();
                    if (!ctx.response().headWritten()) {
                        ctx.fail(ApiException.invalidParameter("WebSocket handshake failed: " + e.getMessage()));
                    }
                });
    }

    /** [EVT-006]: comma-separated known types; an unknown one is {@code INVALID_PARAMETER}. */
    static Set<String> types(String param) {
        Set<String> types = new LinkedHashSet<>();
        if (param == null) {
            return types;
        }
        for (String t : param.split(",")) {
            String type = t.strip();
            if (type.isEmpty()) {
                continue;
            }
            if (!WebSocketEventSink.TYPES.contains(type)) {
                throw ApiException.invalidParameter("events: unknown event type \"" + type + "\" (expected: "
                        + String.join(", ", WebSocketEventSink.TYPES) + ")");
            }
            types.add(type);
        }
        return types;
    }
}
