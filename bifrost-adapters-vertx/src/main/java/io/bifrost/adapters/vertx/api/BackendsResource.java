package io.bifrost.adapters.vertx.api;

import static java.util.Objects.requireNonNull;

import io.bifrost.adapters.vertx.control.ServerControl;
import io.bifrost.core.backend.Backend;
import io.bifrost.core.config.BackendConfig;
import io.bifrost.core.config.Durations;
import io.bifrost.core.config.HostPort;
import io.bifrost.core.config.ServerConfig;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.time.Instant;

/** {@code /api/v1/backends} ([SAPI-030]-[SAPI-045]). */
final class BackendsResource {
    private static final HostPort DEFAULT_TARGET = new HostPort("example.com", 443);
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration MAX_TIMEOUT = Duration.ofSeconds(60);

    private final ApiContext api;

    BackendsResource(ApiContext api) {
        this.api = requireNonNull(api, "api");
    }

    void register(Endpoints endpoints) {
        endpoints.json(HttpMethod.GET, "/api/v1/backends", ctx -> Future.succeededFuture(list()));
        endpoints.json(HttpMethod.POST, "/api/v1/backends", this::add);
        endpoints.json(HttpMethod.GET, "/api/v1/backends/:name", ctx -> one(ctx, false));
        endpoints.json(HttpMethod.DELETE, "/api/v1/backends/:name",
                ctx -> api.control().removeBackend(ctx.pathParam("name")));
        endpoints.json(HttpMethod.GET, "/api/v1/backends/:name/stats", ctx -> one(ctx, true));
        endpoints.untimedJson(HttpMethod.POST, "/api/v1/backends/:name/test", this::test);
    }

    private JsonArray list() {
        Instant now = api.clock().instant();
        JsonArray out = new JsonArray();
        for (BackendConfig c : api.control().running().backends()) {
            Backend b = api.backends().find(c.name()).orElse(null);
            out.add(BackendJson.element(c, b, api.hooks().probes().probe(c.name()), now));
        }
        return out;
    }

    private Future<JsonObject> one(RoutingContext ctx, boolean statsOnly) {
        BackendConfig c = declared(ctx.pathParam("name"));
        Backend b = api.backends().find(c.name()).orElse(null);
        var probe = api.hooks().probes().probe(c.name());
        Instant now = api.clock().instant();
        return Future.succeededFuture(statsOnly ? BackendJson.stats(c, b, probe, now)
                : BackendJson.element(c, b, probe, now));
    }

    private BackendConfig declared(String name) {
        return api.control().running().backend(name).orElseThrow(() -> notFound(name));
    }

    static ApiException notFound(String name) {
        return new ApiException(ApiErrorCode.BACKEND_NOT_FOUND, null,
                "no backend named \"" + name + "\" is configured", new JsonObject().put("backend", name));
    }

    /** [SAPI-031]: type checks here, every other rule in the configuration side. */
    private Future<JsonObject> add(RoutingContext ctx) {
        JsonObject body = ApiJson.object(ctx.body().buffer(), null);
        BodyTypes.string(body, "name");
        BodyTypes.string(body, "type");
        BodyTypes.bool(body, "enabled");
        BodyTypes.integer(body, "priority");
        BodyTypes.integer(body, "weight");
        BodyTypes.object(body, "config");
        BodyTypes.object(body, "health_check");
        if (body.getValue("config") == null && body.getValue("type") instanceof String type
                && body.getValue(type) instanceof JsonObject legacy) {
            body.remove(type); // compatibility: {"type": "httpproxy", "httpproxy": {...}}
            body.put("config", legacy);
        }
        return api.control().addBackend(ApiJson.plainMap(body.getMap())).map(change -> created(ctx, change));
    }

    private static JsonObject created(RoutingContext ctx, ServerControl.BackendChange change) {
        ctx.response().setStatusCode(201);
        return new JsonObject().put("status", "created").put("backend", change.name()).put("type", change.type())
                .put("running", change.running()).put("warnings", ApiJson.problems(change.warnings()));
    }

    /** [SAPI-045], [BKD-081]. */
    private Future<JsonObject> test(RoutingContext ctx) {
        BackendConfig c = declared(ctx.pathParam("name"));
        JsonObject body = ApiJson.object(ctx.body().buffer(), new JsonObject());
        HostPort target = body.getValue("target") == null ? defaultTarget(c) : target(body.getValue("target"));
        Duration timeout = body.getValue("timeout") == null ? DEFAULT_TIMEOUT : timeout(body.getValue("timeout"));
        return api.hooks().tester().test(c.name(), target, timeout).map(result -> {
            JsonObject out = new JsonObject().put("status", result.succeeded() ? "success" : "failed")
                    .put("backend", c.name()).put("target", target.toString())
                    .put("duration_ms", ApiJson.millis(result.elapsed()))
                    .put("healthy", api.backends().find(c.name()).map(Backend::healthy).orElse(false));
            if (!result.succeeded()) {
                out.put("error", result.error().code() + ": " + result.detail())
                        .put("error_code", result.error().code());
            }
            return out;
        });
    }

    private HostPort defaultTarget(BackendConfig c) {
        ServerConfig running = api.control().running();
        return running.healthCheckOf(c).map(h -> {
            try {
                return HostPort.parse(h.target());
            } catch (IllegalArgumentException e) {
                return null; // an http or ping target without a port is no dial target
            }
        }).orElse(DEFAULT_TARGET);
    }

    private static HostPort target(Object value) {
        if (value instanceof String text) {
            try {
                return HostPort.parse(text);
            } catch (IllegalArgumentException e) {
                throw ApiException.invalidParameter("target: " + e.getMessage());
            }
        }
        throw ApiException.invalidParameter("target: " + value + " (expected: host:port)");
    }

    private static Duration timeout(Object value) {
        Duration d;
        try {
            d = value instanceof String text ? Durations.parse(text) : null;
        } catch (IllegalArgumentException e) {
            d = null;
        }
        if (d == null || d.compareTo(Duration.ofMillis(1)) < 0 || d.compareTo(MAX_TIMEOUT) > 0) {
            throw ApiException.invalidParameter("timeout: " + value + " (expected: a duration from 1ms to 60s)");
        }
        return d;
    }
}
