package io.bifrost.adapters.vertx.api;

import static java.util.Objects.requireNonNull;

import io.bifrost.core.traffic.RequestLog;
import io.bifrost.core.traffic.RequestRecord;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.OptionalLong;

/** {@code /api/v1/requests}: the in-memory request log ([SAPI-200]-[SAPI-202]). */
final class RequestsResource {
    private final ApiContext api;

    RequestsResource(ApiContext api) {
        this.api = requireNonNull(api, "api");
    }

    void register(Endpoints endpoints) {
        endpoints.json(HttpMethod.GET, "/api/v1/requests", ctx -> Future.succeededFuture(page(ctx)));
        endpoints.json(HttpMethod.GET, "/api/v1/requests/stats", ctx -> Future.succeededFuture(stats()));
        endpoints.json(HttpMethod.DELETE, "/api/v1/requests", ctx -> {
            api.requestLog().clear();
            return Future.succeededFuture();
        });
    }

    private JsonObject page(RoutingContext ctx) {
        int limit = QueryParams.limit(ctx.request());
        int offset = QueryParams.offset(ctx.request());
        long since = QueryParams.integer(ctx.request(), "since", -1, 0, Long.MAX_VALUE);
        RequestLog log = api.requestLog();
        if (!log.enabled()) {
            return new JsonObject().put("enabled", false).put("requests", new JsonArray()).put("total", 0)
                    .put("limit", limit).put("offset", offset).put("message", "request log is disabled");
        }
        RequestLog.Page page = log.page(limit, offset, since < 0 ? OptionalLong.empty() : OptionalLong.of(since));
        JsonArray entries = new JsonArray();
        page.entries().forEach(e -> entries.add(entry(e)));
        return new JsonObject().put("enabled", true).put("requests", entries).put("total", page.total())
                .put("limit", limit).put("offset", offset);
    }

    private JsonObject stats() {
        RequestLog.Stats s = api.requestLog().stats();
        JsonObject out = new JsonObject().put("enabled", api.requestLog().enabled()).put("count", s.count())
                .put("max_size", s.maxSize()).put("total_recorded", s.totalRecorded());
        s.oldestId().ifPresent(id -> out.put("oldest_id", id));
        s.newestId().ifPresent(id -> out.put("newest_id", id));
        return out;
    }

    /** One entry of [SAPI-200]. */
    static JsonObject entry(RequestLog.Entry e) {
        RequestRecord r = e.record();
        JsonObject out = new JsonObject().put("id", e.id()).put("timestamp", ApiJson.time(r.start()))
                .put("request_id", r.requestId()).put("protocol", r.protocol().name()).put("method", r.method())
                .put("host", r.host()).put("port", r.port());
        if (r.path() != null) {
            out.put("path", r.path());
        }
        out.put("url", r.url());
        if (r.userAgent() != null) {
            out.put("user_agent", r.userAgent());
        }
        out.put("client_ip", r.clientIp());
        optional(out, "username", r.username());
        optional(out, "route", r.route());
        optional(out, "backend", r.backend());
        out.put("status_code", r.statusCode()).put("bytes_sent", r.bytesSent())
                .put("bytes_received", r.bytesReceived()).put("duration_ms", ApiJson.round3(r.durationMs()));
        if (r.error() != null) {
            out.put("error", r.error().code());
        }
        return out;
    }

    private static void optional(JsonObject out, String key, String value) {
        if (value != null) {
            out.put(key, value);
        }
    }
}
