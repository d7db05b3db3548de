package io.bifrost.adapters.vertx.clientapi;

import static java.util.Objects.requireNonNull;

import io.bifrost.adapters.vertx.api.ApiErrorCode;
import io.bifrost.adapters.vertx.api.ApiException;
import io.bifrost.adapters.vertx.api.ApiJson;
import io.bifrost.adapters.vertx.api.ApiSecurity;
import io.bifrost.adapters.vertx.api.Endpoints;
import io.bifrost.adapters.vertx.api.MediaTypes;
import io.bifrost.adapters.vertx.config.YamlConfigParser;
import io.bifrost.adapters.vertx.config.YamlConfigWriter;
import io.bifrost.core.config.ConfigResult;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Set;

/**
 * Configuration export and import ([CAPI-058], [CAPI-059]). Export is the saved file's view, secrets in clear, so
 * without a token it answers loopback peers only ([SEC-015]). Import negotiates its own media type (YAML or JSON) and
 * replaces the whole file. Both are exempt from the processing timeout ([GEN-011]).
 */
final class ConfigTransferResource {
    static final String IMPORT = "/api/v1/config/import";
    private static final Set<String> YAML_TYPES = Set.of("application/yaml", "application/x-yaml", "text/yaml");

    private final ClientApiContext api;
    private final boolean tokenConfigured;

    ConfigTransferResource(ClientApiContext api) {
        this.api = requireNonNull(api, "api");
        this.tokenConfigured = !api.api().token().isEmpty();
    }

    void register(Endpoints endpoints) {
        endpoints.raw(Set.of(HttpMethod.POST, HttpMethod.GET), "/api/v1/config/export").handler(this::export);
        endpoints.json(HttpMethod.POST, IMPORT, Endpoints.CONFIG_BODY_LIMIT, false, this::importConfig);
    }

    private void export(RoutingContext ctx) {
        String format = ctx.request().getParam("format", "yaml");
        if (!format.equals("yaml") && !format.equals("json")) {
            ctx.fail(ApiException.invalidParameter("format: \"" + format + "\" (expected: yaml or json)"));
            return;
        }
        if (!tokenConfigured && !ApiSecurity.isLoopback(ctx.request().remoteAddress())) {
            ctx.fail(new ApiException(ApiErrorCode.FORBIDDEN, "set api.token to read secrets remotely"));
            return;
        }
        boolean yaml = format.equals("yaml");
        api.control().savedTree()
                .map(tree -> yaml ? YamlConfigWriter.write(tree)
                        : (tree == null ? new JsonObject() : ClientConfigResource.json(tree)).encodePrettily() + "\n")
                .onSuccess(text -> ctx.response()
                        .putHeader("Content-Type", (yaml ? "application/yaml" : "application/json") + "; charset=utf-8")
                        .putHeader("Content-Disposition",
                                "attachment; filename=\"bifrost-client-config." + format + "\"")
                        .end(text))
                .onFailure(ctx::fail);
    }

    /** [CAPI-059]: format from {@code ?format}, else from {@code Content-Type}; loaded like a file ([CFG-030]). */
    private Future<JsonObject> importConfig(RoutingContext ctx) {
        boolean yaml = yaml(ctx.request().getParam("format"), ctx.request().getHeader("Content-Type"));
        Object tree = yaml ? parseYaml(ctx.body().buffer()) : parseJson(ctx.body().buffer());
        return api.control().replace(tree).map(s -> {
            JsonObject out = ClientConfigResource.applied("imported", s.restartFields(), s.warnings());
            if (s.backupPath() != null) {
                out.put("backup_path", s.backupPath());
            }
            return out;
        });
    }

    private static boolean yaml(String format, String contentType) {
        if (format != null) {
            if (!format.equals("yaml") && !format.equals("json")) {
                throw ApiException.invalidParameter("format: \"" + format + "\" (expected: yaml or json)");
            }
            return format.equals("yaml");
        }
        String type = contentType == null ? "" : MediaTypes.mediaType(contentType);
        if (YAML_TYPES.contains(type)) {
            return true;
        }
        if (MediaTypes.isJson(type)) {
            return false;
        }
        throw new ApiException(ApiErrorCode.UNSUPPORTED_MEDIA_TYPE, null, "Content-Type: " + contentType
                + " (expected: application/json, application/yaml, application/x-yaml or text/yaml, or ?format=)",
                null);
    }

    private static Object parseYaml(Buffer body) {
        ConfigResult<Object> parsed = YamlConfigParser.parse(body == null ? "" : body.toString());
        if (!parsed.isValid()) {
            throw ApiException.invalidBody("not a valid YAML document: " + parsed.errors().get(0));
        }
        return parsed.config();
    }

    private static Object parseJson(Buffer body) {
        try {
            Object value = body == null || body.length() == 0 ? null : Json.decodeValue(body);
            if (value != null && !(value instanceof JsonObject)) {
                throw ApiException.invalidBody("request body must be a JSON object");
            }
            return value == null ? null : ApiJson.plainMap(((JsonObject) value).getMap());
        } catch (DecodeException e) {
            throw ApiException.invalidBody("request body is not valid JSON");
        }
    }
}
