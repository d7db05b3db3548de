package io.bifrost.core.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Helpers for the plain configuration tree (maps in file order, lists, scalars, {@code null}). */
final class Trees {
    private Trees() {}

    /** A deep, unmodifiable copy that keeps key order and {@code null} values. */
    static Object freeze(Object node) {
        if (node instanceof Map<?, ?> map) {
            return freezeMap(map);
        }
        if (node instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(e -> copy.add(freeze(e)));
            return Collections.unmodifiableList(copy);
        }
        return node;
    }

    static Map<String, Object> freezeMap(Map<?, ?> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> copy.put(String.valueOf(k), freeze(v)));
        return Collections.unmodifiableMap(copy);
    }

    /** How a value is named in messages: strings in double quotes, other scalars as written. */
    static String describe(Object value) {
        if (value instanceof String s) {
            return "\"" + s + "\"";
        }
        if (value instanceof Map<?, ?>) {
            return "a mapping";
        }
        if (value instanceof List<?>) {
            return "a list";
        }
        return String.valueOf(value);
    }
}
