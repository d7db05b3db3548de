package io.bifrost.adapters.vertx.clientapi;

import static java.util.Objects.requireNonNull;

import io.bifrost.adapters.vertx.api.ApiException;
import io.bifrost.adapters.vertx.api.ApiJson;
import io.bifrost.adapters.vertx.api.Endpoints;
import io.bifrost.adapters.vertx.control.ClientControl;
import io.bifrost.core.config.ClientConfig;
import io.bifrost.core.config.ClientConfigTree;
import io.bifrost.core.config.ConfigProblem;
import io.bifrost.core.config.ConfigSecrets;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Map;

/**
 * {@code /api/v1/config} ([CAPI-050]-[CAPI-054]): the JSON form of [CFG-150]-[CFG-163]; changes are JSON merge patches
 * applied by {@link ClientControl#patch}. Export and import live in {@link ConfigTransferResource}.
 */
final class ClientConfigResource {
    private final ClientApiContext api;

    ClientConfigResource(ClientApiContext api) {
        this.api = requireNonNull(api, "api");
    }

    void register(Endpoints endpoints) {
        endpoints.json(HttpMethod.GET, "/api/v1/config", ctx -> Future.succeededFuture(
                json(ConfigSecrets.mask(ClientConfigTree.of(api.control().current())))));
        endpoints.json(HttpMethod.PUT, "/api/v1/config", Endpoints.CONFIG_BODY_LIMIT, true, this::put);
        endpoints.json(HttpMethod.POST, "/api/v1/config/reload", ctx -> api.control().reload()
                .map(a -> applied("reloaded", a.restartFields(), a.warnings())));
        endpoints.json(HttpMethod.POST, "/api/v1/config/validate", Endpoints.CONFIG_BODY_LIMIT, true, this::validate);
        endpoints.json(HttpMethod.GET, "/api/v1/config/defaults", ctx -> Future.succeededFuture(
                new JsonObject(ClientConfigTree.of(ClientConfig.defaults()))));
    }

    @SuppressWarnings("unchecked")
    static JsonObject json(Object tree) {
        return new JsonObject((Map<String, Object>) tree);
    }

    /** [CAPI-051]. */
    private Future<JsonObject> put(RoutingContext ctx) {
        boolean backup = backup(ctx.request().getParam("backup"));
        Map<String, Object> patch = ApiJson.plainMap(ApiJson.object(ctx.body().buffer(), null).getMap());
        return api.control().patch(patch, backup).map(ClientConfigResource::saved);
    }

    private static boolean backup(String text) {
        if (text == null || text.equals("false")) {
            return false;
        }
        if (text.equals("true")) {
            return true;
        }
        throw ApiException.invalidParameter("backup: \"" + text + "\" (expected: true or false)");
    }

    private static JsonObject saved(ClientControl.Saved s) {
        JsonObject out = applied(s.changed() ? "updated" : "unchanged", s.restartFields(), s.warnings());
        if (s.backupPath() != null) {
            out.put("backup_path", s.backupPath());
        }
        return out;
    }

    /** {@code status}, {@code restart_required}, {@code restart_fields}, {@code warnings} ([CAPI-051], [CAPI-052]). */
    static JsonObject applied(String status, List<String> restartFields, List<ConfigProblem> warnings) {
        return new JsonObject().put("status", status).put("restart_required", !restartFields.isEmpty())
                .put("restart_fields", ApiJson.strings(restartFields)).put("warnings", ApiJson.problems(warnings));
    }

    /** [CAPI-053]: nothing is saved. */
    private Future<JsonObject> validate(RoutingContext ctx) {
        Map<String, Object> patch = ApiJson.plainMap(ApiJson.object(ctx.body().buffer(), null).getMap());
        return api.control().check(patch).map(c -> new JsonObject().put("valid", c.valid())
                .put("errors", ApiJson.problems(c.problems().stream().filter(ConfigProblem::isError).toList()))
                .put("warnings", ApiJson.problems(c.problems().stream().filter(p -> !p.isError()).toList()))
                .put("restart_fields", ApiJson.strings(c.restartFields())));
    }
}
