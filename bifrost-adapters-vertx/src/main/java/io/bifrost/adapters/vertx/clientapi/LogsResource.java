package io.bifrost.adapters.vertx.clientapi;

import static java.util.Objects.requireNonNull;

import io.bifrost.adapters.vertx.api.ApiErrorCode;
import io.bifrost.adapters.vertx.api.ApiException;
import io.bifrost.adapters.vertx.api.ApiSecurity;
import io.bifrost.adapters.vertx.api.Endpoints;
import io.bifrost.adapters.vertx.api.QueryParams;
import io.bifrost.core.client.DebugEntry;
import io.bifrost.core.client.TrafficDebugger;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The traffic log: pages of log entries ([CAPI-100]) and the Server-Sent Events stream ([CAPI-101],
 * [EVT-050]-[EVT-057]). Refusals of the stream come before it starts, as ordinary error responses: token (by
 * {@link ApiSecurity}, {@code ?token=} included), a foreign origin while the API is open ([SEC-016]), a bad
 * {@code level} or {@code Last-Event-ID}, the debugger switched off, the stream limit. The stream's route has no
 * body handler and no processing timeout.
 */
final class LogsResource {
    private static final Set<String> LEVELS = Set.of("debug", "info", "warn", "error");

    private final ClientApiContext api;
    private final LogStream stream;
    private final boolean tokenConfigured;

    LogsResource(ClientApiContext api, LogStream stream) {
        this.api = requireNonNull(api, "api");
        this.stream = requireNonNull(stream, "stream");
        this.tokenConfigured = !api.api().token().isEmpty();
    }

    void register(Endpoints endpoints) {
        endpoints.json(HttpMethod.GET, "/api/v1/logs", ctx -> Future.succeededFuture(page(ctx.request())));
        endpoints.raw(Set.of(HttpMethod.GET), "/api/v1/logs/stream").handler(this::open);
    }

    /** [CAPI-100]: newest first; {@code total} counts the entries of the level asked for. */
    private JsonObject page(HttpServerRequest request) {
        int limit = QueryParams.limit(request);
        int offset = QueryParams.offset(request);
        String level = level(request);
        Predicate<DebugEntry> filter = level == null ? e -> true : e -> TrafficJson.level(e).equals(level);
        TrafficDebugger.Page page = api.debugger().page(limit, offset, filter);
        JsonArray entries = new JsonArray();
        page.entries().forEach(e -> entries.add(TrafficJson.logEntry(e)));
        return new JsonObject().put("source", "traffic").put("entries", entries).put("total", page.total())
                .put("limit", limit).put("offset", offset);
    }

    /** [CAPI-100], [EVT-055]: one of the four levels, or absent. */
    private static String level(HttpServerRequest request) {
        String level = request.getParam("level");
        if (level != null && !LEVELS.contains(level)) {
            throw ApiException.invalidParameter("level: \"" + level + "\" (expected: debug, info, warn or error)");
        }
        return level;
    }

    private void open(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        String level;
        long lastEventId;
        try {
            checkOrigin(request);
            level = level(request);
            lastEventId = lastEventId(request);
        } catch (ApiException e) {
            ctx.fail(e);
            return;
        }
        if (!api.debugger().config().enabled()) {
            ctx.fail(new ApiException(ApiErrorCode.FEATURE_DISABLED, "the traffic debugger is off (debug.enabled)"));
            return;
        }
        if (!stream.tryReserve()) {
            ctx.fail(new ApiException(ApiErrorCode.TOO_MANY_CLIENTS, null, "the log stream has reached "
                    + api.settings().maxStreams() + " subscribers", null));
            return;
        }
        stream.start(ctx.response(), level, lastEventId);
    }

    /** [SEC-016]: while the API is open, a foreign page may not read the stream; local origins may ([SEC-020]). */
    private void checkOrigin(HttpServerRequest request) {
        String origin = request.getHeader("Origin");
        if (!tokenConfigured && !LocalOrigins.isLocal(origin)
                && !ApiSecurity.sameOrigin(origin, RebindingGuard.authority(request))) {
            throw new ApiException(ApiErrorCode.ORIGIN_NOT_ALLOWED, null,
                    "origin differs from the API's host and no api.token is set", null);
        }
    }

    /** [EVT-054]: {@code Last-Event-ID}, else {@code ?last_event_id}; -1 when neither is given. */
    private static long lastEventId(HttpServerRequest request) {
        String header = request.getHeader("Last-Event-ID");
        String text = header != null ? header : request.getParam("last_event_id");
        if (text == null || text.isBlank()) {
            return -1;
        }
        if (!text.strip().matches("[0-9]{1,18}")) {
            throw ApiException.invalidParameter("Last-Event-ID: \"" + text + "\" (expected: an entry id)");
        }
        return Long.parseLong(text.strip());
    }
}
