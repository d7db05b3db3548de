package io.bifrost.adapters.vertx.api;

import static java.util.Objects.requireNonNull;

import io.bifrost.adapters.vertx.events.StatsSnapshot;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;

/** Health, version, status and stats ([SAPI-010]-[SAPI-013]). */
final class StatusResource {
    private final ApiContext api;

    StatusResource(ApiContext api) {
        this.api = requireNonNull(api, "api");
    }

    void register(Endpoints endpoints) {
        endpoints.json(HttpMethod.GET, "/api/v1/health", ctx -> health());
        endpoints.json(HttpMethod.GET, "/api/v1/version", ctx -> Future.succeededFuture(ApiJson.version(api.build())));
        endpoints.json(HttpMethod.GET, "/api/v1/status", ctx -> Future.succeededFuture(status()));
        endpoints.json(HttpMethod.GET, "/api/v1/stats", ctx -> Future.succeededFuture(stats()));
    }

    private Future<JsonObject> health() {
        return ApiJson.health(api.state().shuttingDown(), api.hooks().degraded().getAsBoolean(),
                api.clock().instant());
    }

    private JsonObject status() {
        Instant now = api.clock().instant();
        long uptime = Math.max(0, Duration.between(api.state().startedAt(), now).toSeconds());
        JsonObject listeners = new JsonObject();
        api.state().listeners().forEach(listeners::put);
        return new JsonObject().put("status", api.state().shuttingDown() ? "shutting_down" : "running")
                .put("time", ApiJson.time(now)).put("version", api.build().version())
                .put("uptime", ApiJson.uptime(uptime)).put("uptime_seconds", uptime)
                .put("backends", api.backends().all().stream().filter(b -> b.running()).count())
                .put("routes", api.routes().table().enabledRoutes().size())
                .put("auth_required", api.state().authRequired())
                .put("listeners", listeners)
                .put("restart_required_sections", ApiJson.strings(api.control().restartRequiredSections()))
                .put("warnings", ApiJson.strings(api.control().warnings()));
    }

    private JsonObject stats() {
        StatsSnapshot s = StatsSnapshot.of(api.traffic(), api.backends().all());
        return new JsonObject().put("total_connections", s.totalConnections())
                .put("active_connections", s.activeConnections()).put("total_requests", s.totalRequests())
                .put("failed_requests", s.failedRequests()).put("bytes_sent", s.bytesSent())
                .put("bytes_received", s.bytesReceived())
                .put("backends", new JsonObject().put("total", s.backendsTotal()).put("running", s.backendsRunning())
                        .put("healthy", s.backendsHealthy()))
                .put("time", ApiJson.time(api.clock().instant()));
    }
}
