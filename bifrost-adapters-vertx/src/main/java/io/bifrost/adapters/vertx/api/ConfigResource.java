package io.bifrost.adapters.vertx.api;

import static java.util.Objects.requireNonNull;

import io.bifrost.adapters.vertx.control.ServerControl;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** {@code /api/v1/config} ([SAPI-170]-[SAPI-175]); every change goes through {@link ServerControl}. */
final class ConfigResource {
    private final ApiContext api;
    private final boolean tokenConfigured;

    ConfigResource(ApiContext api) {
        this.api = requireNonNull(api, "api");
        this.tokenConfigured = !api.config().api().token().isEmpty();
    }

    void register(Endpoints endpoints) {
        endpoints.json(HttpMethod.GET, "/api/v1/config",
                ctx -> Future.succeededFuture(new JsonObject(api.control().currentTree(false))));
        endpoints.json(HttpMethod.GET, "/api/v1/config/full", this::full);
        endpoints.json(HttpMethod.GET, "/api/v1/config/meta", ctx -> Future.succeededFuture(meta()));
        endpoints.json(HttpMethod.PUT, "/api/v1/config", Endpoints.CONFIG_BODY_LIMIT, true, this::put);
        endpoints.json(HttpMethod.POST, "/api/v1/config/validate", this::validate);
        endpoints.json(HttpMethod.POST, "/api/v1/config/reload", ctx -> reload());
    }

    /** [SAPI-171], [SEC-015]: secrets in clear only with a token, or to loopback peers. */
    private Future<JsonObject> full(RoutingContext ctx) {
        if (!tokenConfigured && !ApiSecurity.isLoopback(ctx.request().remoteAddress())) {
            throw new ApiException(ApiErrorCode.FORBIDDEN, "set api.token to read secrets remotely");
        }
        return Future.succeededFuture(new JsonObject(api.control().currentTree(true)));
    }

    private JsonArray meta() {
        JsonArray out = new JsonArray();
        api.control().meta().forEach(m -> out.add(new JsonObject().put("section", m.section())
                .put("hot_reloadable", m.hotReloadable()).put("description", m.description())
                .put("pending_restart", m.pendingRestart())));
        return out;
    }

    /** [SAPI-173]. */
    private Future<JsonObject> put(RoutingContext ctx) {
        JsonObject body = ApiJson.object(ctx.body().buffer(), null);
        if (!(body.getValue("config") instanceof JsonObject sections)) {
            throw ApiException.invalidBody("config: required (expected: an object of sections)");
        }
        BodyTypes.bool(body, "create_backup");
        boolean backup = Boolean.TRUE.equals(body.getValue("create_backup"));
        return api.control().putConfig(ApiJson.plainMap(sections.getMap()), backup).map(ConfigResource::saved);
    }

    private static JsonObject saved(ServerControl.SaveOutcome o) {
        JsonObject out = new JsonObject().put("success", true).put("message", o.message());
        if (o.backupPath() != null) {
            out.put("backup_path", o.backupPath());
        }
        JsonArray reloadErrors = new JsonArray();
        o.reloadErrors().forEach(p -> reloadErrors.add(ApiJson.problem(p, "reload")));
        return out.put("changed_sections", ApiJson.strings(o.changedSections()))
                .put("hot_reloaded_sections", ApiJson.strings(o.hotReloadedSections()))
                .put("restart_required_sections", ApiJson.strings(o.restartRequiredSections()))
                .put("requires_restart", !o.restartRequiredSections().isEmpty())
                .put("errors", reloadErrors)
                .put("warnings", ApiJson.problems(o.warnings()));
    }

    /** [SAPI-174]: bare or wrapped in {@code {"config": ...}}. */
    private Future<JsonObject> validate(RoutingContext ctx) {
        JsonObject body = ApiJson.object(ctx.body().buffer(), null);
        JsonObject sections = body.getValue("config") instanceof JsonObject wrapped ? wrapped : body;
        return api.control().validate(ApiJson.plainMap(sections.getMap())).map(v -> new JsonObject()
                .put("valid", v.valid()).put("errors", ApiJson.problems(v.errors()))
                .put("warnings", ApiJson.problems(v.warnings())));
    }

    /** [SAPI-175]; a failure is {@code RELOAD_FAILED} from the control. */
    private Future<JsonObject> reload() {
        return api.control().reload(ServerControl.ReloadTrigger.API).map(r -> new JsonObject()
                .put("status", "reloaded").put("message", "Configuration reloaded")
                .put("time", ApiJson.time(api.clock().instant()))
                .put("changed_sections", ApiJson.strings(r.changedSections()))
                .put("hot_reloaded_sections", ApiJson.strings(r.hotReloadedSections()))
                .put("restart_required_sections", ApiJson.strings(r.restartRequiredSections()))
                .put("warnings", ApiJson.problems(r.warnings())));
    }
}
