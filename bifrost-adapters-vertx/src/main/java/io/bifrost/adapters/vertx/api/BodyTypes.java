package io.bifrost.adapters.vertx.api;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigInteger;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Member type checks of request bodies: a member of the wrong JSON type is {@code INVALID_BODY} ([GEN-023]); rules
 * beyond types are the configuration validator's ({@code VALIDATION_FAILED}). Absent and {@code null} members pass.
 */
public final class BodyTypes {
    private BodyTypes() {}

    public static void string(JsonObject body, String key) {
        check(body, key, body.getValue(key) instanceof String, "a string");
    }

    public static void bool(JsonObject body, String key) {
        check(body, key, body.getValue(key) instanceof Boolean, "true or false");
    }

    public static void integer(JsonObject body, String key) {
        Object v = body.getValue(key);
        check(body, key, v instanceof Integer || v instanceof Long || v instanceof BigInteger, "an integer");
    }

    public static void object(JsonObject body, String key) {
        check(body, key, body.getValue(key) instanceof JsonObject, "an object");
    }

    public static void strings(JsonObject body, String key) {
        Object v = body.getValue(key);
        boolean ok = v instanceof JsonArray a && a.stream().allMatch(e -> e instanceof String);
        check(body, key, ok, "an array of strings");
    }

    /** An object whose values are all integers ({@code weights}). */
    public static void integers(JsonObject body, String key) {
        Object v = body.getValue(key);
        boolean ok = v instanceof JsonObject o && o.stream().allMatch(e -> e.getValue() instanceof Integer
                || e.getValue() instanceof Long);
        check(body, key, ok, "an object of integers");
    }

    /**
     * A route body of either program ([SAPI-110], [CAPI-072]): a JSON object whose members common to server and client
     * routes ({@code name}, {@code domains}, {@code priority}, {@code enabled}) have their types, as have the
     * program's own members, which {@code ownMembers} checks.
     *
     * @return the body as a plain tree
     */
    public static Map<String, Object> route(Buffer body, Consumer<JsonObject> ownMembers) {
        JsonObject route = ApiJson.object(body, null);
        string(route, "name");
        strings(route, "domains");
        ownMembers.accept(route);
        integer(route, "priority");
        bool(route, "enabled");
        return ApiJson.plainMap(route.getMap());
    }

    private static void check(JsonObject body, String key, boolean ok, String expected) {
        if (body.getValue(key) != null && !ok) {
            throw ApiException.invalidBody(key + ": " + body.getValue(key) + " (expected: " + expected + ")");
        }
    }
}
