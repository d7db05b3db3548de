package io.bifrost.core.config;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the trees that API changes are validated from ([SAPI-120], [SAPI-173], [SAPI-174]): the current
 * configuration in a form the reader reads back to the same values, with submitted parts laid over it. Submitted
 * values go through the whole loading procedure ([CFG-030]), environment references included; values taken from the
 * current configuration are effective values, so their <code>${</code> is escaped as <code>$${</code> and never
 * expanded a second time. Stateless and thread-safe; inputs are never modified.
 */
public final class ConfigEdits {
    private ConfigEdits() {}

    /** The current configuration as a readable tree ({@link ServerConfigTree} form, strings escaped). */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> source(ServerConfig current) {
        return (Map<String, Object>) escape(ServerConfigTree.of(requireNonNull(current, "current")));
    }

    /**
     * [SAPI-173]: {@code submitted} sections laid over the current configuration. A known section present in
     * {@code submitted} replaces the current one completely (keys missing inside it take their defaults), except that
     * a secret ([SEC-080]) sent as {@code "********"} or missing keeps its stored value ([CFG-097]); list entries are
     * matched to stored ones by {@code name} ({@code username} for users). Unknown top-level keys are passed on, so
     * the reader warns about them.
     */
    public static Map<String, Object> mergeSections(ServerConfig current, Map<String, ?> submitted) {
        requireNonNull(submitted, "submitted");
        Map<String, Object> stored = ServerConfigTree.of(requireNonNull(current, "current"));
        Map<String, Object> out = source(current);
        submitted.forEach((key, value) -> {
            boolean known = ServerSection.parse(key).isPresent();
            out.put(key, known ? keepSecrets(value, stored.get(key), key) : value);
        });
        return out;
    }

    /**
     * {@code submitted} with masked and missing secrets taken from {@code stored} (effective values, escaped); both are
     * the value at {@code path} (the form of [CFG-060]).
     */
    public static Object keepSecrets(Object submitted, Object stored, String path) {
        requireNonNull(path, "path");
        if (submitted instanceof Map<?, ?> sm && stored instanceof Map<?, ?> st) {
            Map<String, Object> out = new LinkedHashMap<>();
            sm.forEach((k, v) -> {
                String key = String.valueOf(k);
                String p = ConfigPaths.key(path, key);
                boolean masked = ConfigSecrets.MASK.equals(v) && ConfigSecrets.isSecret(p) && st.containsKey(key);
                out.put(key, masked ? escape(st.get(key)) : keepSecrets(v, st.get(key), p));
            });
            st.forEach((k, v) -> {
                String key = String.valueOf(k);
                boolean secret = ConfigSecrets.isSecret(ConfigPaths.key(path, key));
                if (!sm.containsKey(key) && secret && v != null && !"".equals(v)) {
                    out.put(key, escape(v));
                }
            });
            return out;
        }
        if (submitted instanceof List<?> sl && stored instanceof List<?> stl) {
            List<Object> out = new ArrayList<>(sl.size());
            for (int i = 0; i < sl.size(); i++) {
                Object match = ListEntries.find(stl, sl.get(i));
                out.add(keepSecrets(sl.get(i), match, ConfigPaths.element(path, i)));
            }
            return out;
        }
        return submitted;
    }

    /** A deep copy in which every <code>${</code> of a string reads <code>$${</code> ([CFG-021]). */
    public static Object escape(Object tree) {
        if (tree instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), escape(v)));
            return out;
        }
        if (tree instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(e -> out.add(escape(e)));
            return out;
        }
        if (tree instanceof String s) {
            return s.replace("${", "$${");
        }
        return tree;
    }
}
