package io.bifrost.adapters.vertx.clientapi;

import static java.util.Objects.requireNonNull;

import io.bifrost.adapters.vertx.api.ApiErrorCode;
import io.bifrost.adapters.vertx.api.ApiException;
import io.bifrost.adapters.vertx.api.ApiJson;
import io.bifrost.adapters.vertx.api.BodyTypes;
import io.bifrost.adapters.vertx.api.Endpoints;
import io.bifrost.core.client.UpstreamServer;
import io.bifrost.core.config.ClientConfig;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Quick settings ([CAPI-045], [CAPI-046]): the tray switches are saved to the file (restart-only, [CFG-085]),
 * {@code current_server} is a server selection ([CAPI-041]), and the later-phase switches can only stay off.
 */
final class SettingsResource {
    private static final List<String> TRAY = List.of("auto_connect", "start_minimized", "show_notifications");

    private final ClientApiContext api;

    SettingsResource(ClientApiContext api) {
        this.api = requireNonNull(api, "api");
    }

    void register(Endpoints endpoints) {
        endpoints.json(HttpMethod.GET, "/api/v1/settings", ctx -> Future.succeededFuture(settings()));
        endpoints.json(HttpMethod.POST, "/api/v1/settings", this::update);
    }

    /** Saved values (the tray is restart-only) and the upstream in use. */
    private JsonObject settings() {
        ClientConfig c = api.control().current();
        return new JsonObject().put("auto_connect", c.tray().autoConnect())
                .put("start_minimized", c.tray().startMinimized())
                .put("show_notifications", c.tray().showNotifications())
                .put("vpn_enabled", c.vpn().enabled())
                .put("system_proxy_enabled", c.systemProxy().enabled())
                .put("current_server", api.control().activeServer().map(UpstreamServer::name).orElse(""));
    }

    /** Every member is checked before anything is applied: types, then later-phase switches, then the server. */
    private Future<JsonObject> update(RoutingContext ctx) {
        JsonObject body = ApiJson.object(ctx.body().buffer(), null);
        TRAY.forEach(k -> BodyTypes.bool(body, k));
        BodyTypes.bool(body, "vpn_enabled");
        BodyTypes.bool(body, "system_proxy_enabled");
        BodyTypes.string(body, "current_server");
        if (Boolean.TRUE.equals(body.getValue("vpn_enabled"))) {
            throw ApiException.notImplemented("VPN mode");
        }
        if (Boolean.TRUE.equals(body.getValue("system_proxy_enabled"))) {
            throw ApiException.notImplemented("system proxy configuration");
        }
        String server = body.getString("current_server");
        if (server != null && api.control().servers().stream().noneMatch(s -> s.server().name().equals(server))) {
            throw new ApiException(ApiErrorCode.SERVER_NOT_FOUND, null, "no server named \"" + server + "\"",
                    new JsonObject().put("server", server));
        }
        Map<String, Object> tray = new LinkedHashMap<>();
        TRAY.stream().filter(k -> body.getValue(k) != null).forEach(k -> tray.put(k, body.getValue(k)));
        return api.control().saveSettings(tray, server) // one save: the switches and the selection, or nothing
                .map(v -> {
                    List<String> restart = api.control().restartFields();
                    return new JsonObject().put("status", "updated").put("settings", settings())
                            .put("restart_required", !restart.isEmpty())
                            .put("restart_fields", ApiJson.strings(restart));
                });
    }
}
