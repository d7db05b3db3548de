package io.bifrost.adapters.vertx.api;

import io.bifrost.adapters.vertx.runtime.BuildInfo;
import io.bifrost.adapters.vertx.runtime.Platform;
import io.bifrost.core.config.ConfigProblem;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The value conventions of every API body ([GEN-004]-[GEN-006], [CFG-062]), body decoding, and the bodies both APIs
 * answer alike (health, version). Stateless.
 */
public final class ApiJson {
    public static final String CONTENT_TYPE = "application/json; charset=utf-8";

    private static final DateTimeFormatter MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private ApiJson() {}

    /** [GEN-004]: UTC, {@code Z}, exactly milliseconds. */
    public static String time(Instant instant) {
        return MILLIS.format(instant);
    }

    /** [GEN-005]: milliseconds with at most 3 decimals. */
    public static double millis(Duration duration) {
        return round3(duration.toNanos() / 1_000_000.0);
    }

    public static double round3(double value) {
        return Math.round(value * 1000.0) / 1000.0;
    }

    /** [GEN-005]: {@code 26h3m12s}; whole seconds. */
    public static String uptime(long seconds) {
        if (seconds <= 0) {
            return "0s";
        }
        StringBuilder sb = new StringBuilder();
        if (seconds >= 3600) {
            sb.append(seconds / 3600).append('h');
        }
        if (seconds % 3600 >= 60) {
            sb.append(seconds % 3600 / 60).append('m');
        }
        if (seconds % 60 > 0) {
            sb.append(seconds % 60).append('s');
        }
        return sb.toString();
    }

    /**
     * [SAPI-010], [CAPI-013]: {@code status} ({@code healthy} or {@code degraded}) and {@code time}; while the process
     * drains, {@code 503 SHUTTING_DOWN} with {@code status: shutting_down} and {@code time} added to the error body.
     */
    public static Future<JsonObject> health(boolean shuttingDown, boolean degraded, Instant now) {
        if (shuttingDown) {
            return Future.failedFuture(new ApiException(ApiErrorCode.SHUTTING_DOWN, null, null,
                    new JsonObject().put("status", "shutting_down").put("time", time(now))));
        }
        return Future.succeededFuture(new JsonObject().put("status", degraded ? "degraded" : "healthy")
                .put("time", time(now)));
    }

    /** [SAPI-011], [CAPI-011]: the build and the runtime it runs on. */
    public static JsonObject version(BuildInfo build) {
        return new JsonObject().put("version", build.version()).put("git_commit", build.gitCommit())
                .put("build_time", time(build.buildTime()))
                .put("java_version", Platform.javaVersion())
                .put("java_vendor", Platform.javaVendor())
                .put("platform", Platform.current());
    }

    /**
     * The answer to a route change of either API ([SAPI-110], [CAPI-072]):
     * {@code {"status": ..., "route": <name>, <the route's other members>, "warnings": [...]}}.
     */
    public static JsonObject routeChanged(String status, Map<String, ?> route, List<ConfigProblem> warnings) {
        JsonObject out = new JsonObject().put("status", status).put("route", route.get("name"));
        route.forEach((k, v) -> {
            if (!k.equals("name")) {
                out.put(k, plain(v));
            }
        });
        return out.put("warnings", problems(warnings));
    }

    /** [CFG-062]: {@code path}, {@code message}, {@code severity}, {@code section}. */
    public static JsonObject problem(ConfigProblem p) {
        return problem(p, p.section());
    }

    static JsonObject problem(ConfigProblem p, String section) {
        return new JsonObject().put("path", p.path()).put("message", p.message())
                .put("severity", p.severity().wireName()).put("section", section);
    }

    public static JsonArray problems(List<ConfigProblem> problems) {
        JsonArray out = new JsonArray();
        problems.forEach(p -> out.add(problem(p)));
        return out;
    }

    public static JsonArray strings(List<String> values) {
        return new JsonArray(new ArrayList<>(values));
    }

    /**
     * Decodes a request body as one JSON object ({@code INVALID_BODY} otherwise).
     *
     * @param emptyAs what an empty body means, or {@code null} when an empty body is invalid too
     */
    public static JsonObject object(Buffer body, JsonObject emptyAs) {
        if (body == null || body.length() == 0 || body.toString().isBlank()) {
            if (emptyAs == null) {
                throw ApiException.invalidBody("request body must be a JSON object");
            }
            return emptyAs;
        }
        Object value;
        try {
            value = Json.decodeValue(body);
        } catch (DecodeException e) {
            throw ApiException.invalidBody("request body is not valid JSON");
        }
        if (!(value instanceof JsonObject object)) {
            throw ApiException.invalidBody("request body must be a JSON object");
        }
        return object;
    }

    /**
     * The plain tree the configuration side takes ({@code Map} in key order, {@code List}, scalars), from Vert.x
     * JSON values. Integers are {@code Long}s, as the YAML parser gives them, so that a value sent
     * as JSON equals the same value read from a file (later-phase sections are compared as written).
     */
    public static Object plain(Object value) {
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof JsonObject o) {
            return plainMap(o.getMap());
        }
        if (value instanceof Map<?, ?> m) {
            return plainMap(m);
        }
        if (value instanceof JsonArray a) {
            return plainList(a.getList());
        }
        if (value instanceof List<?> l) {
            return plainList(l);
        }
        return value;
    }

    public static Map<String, Object> plainMap(Map<?, ?> map) {
        Map<String, Object> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(String.valueOf(k), plain(v)));
        return out;
    }

    private static List<Object> plainList(List<?> list) {
        List<Object> out = new ArrayList<>(list.size());
        list.forEach(v -> out.add(plain(v)));
        return out;
    }
}
