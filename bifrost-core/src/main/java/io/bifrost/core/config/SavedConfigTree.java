package io.bifrost.core.config;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The content of a saved server file ([CFG-097]), computed from the file as it was loaded and the new effective
 * configuration:
 * <ul>
 *   <li>every key present in the loaded file is kept, unknown keys included, and every key whose new value differs
 *       from its default is added (new keys after their neighbours in the canonical order);
 *   <li>a value whose effective value did not change is written exactly as the file had it, so <code>${NAME}</code>
 *       placeholders, and a secret submitted as {@code "********"} (which keeps its stored value), are written back as
 *       they were; list entries are matched by {@code name} ({@code username} for users);
 *   <li>a changed value is written as submitted when that contains an environment reference, otherwise in
 *       Bifrost's output form with <code>${</code> escaped, so the file reads back to the same configuration;
 *   <li>generated route names ([RTE-021]) are written out whenever the route list is rewritten.
 * </ul>
 * Comments are not kept: the result is a plain tree. Key order is kept. Stateless and thread-safe.
 */
public final class SavedConfigTree {
    /** A value that is not there (as opposed to one that is {@code null}). */
    private static final Object ABSENT = new Object();
    /** A key to leave out. */
    private static final Object OMIT = new Object();
    /** Defaults of list entries, by the schema path of the entry; only keys with a default are listed. */
    private static final Map<String, Map<String, Object>> ENTRY_DEFAULTS = Map.of(
            "backends[]", ServerConfigTree.map("enabled", true, "priority", 0L, "weight", 0L, "config", Map.of()),
            "routes[]", ServerConfigTree.map("load_balance", "round_robin", "weights", Map.of(), "priority", 0L,
                    "enabled", true),
            "auth.providers[]", ServerConfigTree.map("enabled", true, "priority", 0L, "config", Map.of()),
            "auth.providers[].config.users[]", ServerConfigTree.map("groups", List.of(), "disabled", false));

    private SavedConfigTree() {}

    /**
     * @param fileTree the file's tree as written (before environment expansion); {@code null} for no file or an empty
     *     one
     * @param fileConfig what {@code fileTree} reads as ({@link ServerConfig#defaults()} for no file)
     * @param next the configuration to save
     * @param nextSource the tree {@code next} was read from (before expansion), or {@code null}; placeholders
     *     submitted in it are written as placeholders
     * @return the tree to write
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> build(Object fileTree, ServerConfig fileConfig, ServerConfig next,
            Object nextSource) {
        requireNonNull(fileConfig, "fileConfig");
        requireNonNull(next, "next");
        Object orig = fileTree instanceof Map<?, ?> ? fileTree : ABSENT;
        Object prev = orig == ABSENT ? ABSENT : ServerConfigTree.of(fileConfig);
        Object src = nextSource == null ? ABSENT : nextSource;
        Object out = value("", orig, prev, ServerConfigTree.of(next), src,
                ServerConfigTree.of(ServerConfig.defaults()));
        return (Map<String, Object>) out;
    }

    private static Object value(String schema, Object orig, Object prev, Object next, Object src, Object def) {
        if (orig != ABSENT && prev != ABSENT && Objects.equals(prev, next) && !namesAnUnnamedEntry(orig, next)) {
            return orig;
        }
        if (next instanceof Map<?, ?> nm) {
            return map(schema, orig, prev, nm, src, def);
        }
        if (next instanceof List<?> nl) {
            return list(schema, orig, prev, nl, src);
        }
        if (next == null) {
            return OMIT;
        }
        if (src instanceof String s && EnvExpander.containsReference(s)) {
            return s;
        }
        return ConfigEdits.escape(next);
    }

    /** A route whose name was generated gets it written when its list is rewritten ([RTE-021]). */
    private static boolean namesAnUnnamedEntry(Object orig, Object next) {
        return next instanceof Map<?, ?> n && orig instanceof Map<?, ?> o && n.containsKey("name")
                && !o.containsKey("name");
    }

    private static Map<String, Object> map(String schema, Object orig, Object prev, Map<?, ?> next, Object src,
            Object def) {
        Map<?, ?> om = orig instanceof Map<?, ?> m ? m : Map.of();
        Map<?, ?> pm = prev instanceof Map<?, ?> m ? m : Map.of();
        Map<?, ?> sm = src instanceof Map<?, ?> m ? m : Map.of();
        Map<?, ?> dm = def instanceof Map<?, ?> m ? m : Map.of();
        List<String> keys = new ArrayList<>();
        Map<String, Object> values = new LinkedHashMap<>();
        om.forEach((k, v) -> {
            String key = String.valueOf(k);
            if (next.containsKey(key)) {
                put(keys, values, key, value(child(schema, key), v, get(pm, key), next.get(key), get(sm, key),
                        get(dm, key)), keys.size());
            } else if (!pm.containsKey(key)) {
                put(keys, values, key, v, keys.size()); // unknown key ([CFG-002]): kept as written
            }
        });
        List<String> nextKeys = next.keySet().stream().map(String::valueOf).toList();
        for (int i = 0; i < nextKeys.size(); i++) {
            String key = nextKeys.get(i);
            Object d = get(dm, key);
            if (om.containsKey(key) || (d != ABSENT && Objects.equals(d, next.get(key)))) {
                continue;
            }
            Object v = value(child(schema, key), ABSENT, ABSENT, next.get(key), get(sm, key), d);
            if (!(d instanceof Map<?, ?> && v instanceof Map<?, ?> written && written.isEmpty())) {
                put(keys, values, key, v, insertionPoint(keys, nextKeys, i));
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        keys.forEach(k -> out.put(k, values.get(k)));
        return out;
    }

    /** Just after the nearest key that precedes {@code nextKeys[i]} in canonical order and is already written. */
    private static int insertionPoint(List<String> written, List<String> nextKeys, int i) {
        for (int j = i - 1; j >= 0; j--) {
            int at = written.indexOf(nextKeys.get(j));
            if (at >= 0) {
                return at + 1;
            }
        }
        return 0;
    }

    private static void put(List<String> keys, Map<String, Object> values, String key, Object value, int at) {
        if (value != OMIT) {
            keys.add(at, key);
            values.put(key, value);
        }
    }

    private static List<Object> list(String schema, Object orig, Object prev, List<?> next, Object src) {
        List<?> pl = prev instanceof List<?> l ? l : List.of();
        List<?> ol = orig instanceof List<?> l && l.size() == pl.size() ? l : null;
        List<?> sl = src instanceof List<?> l && l.size() == next.size() ? l : null;
        String entrySchema = schema + "[]";
        Object entryDefault = ENTRY_DEFAULTS.containsKey(entrySchema) ? ENTRY_DEFAULTS.get(entrySchema) : ABSENT;
        boolean[] taken = new boolean[pl.size()];
        List<Object> out = new ArrayList<>(next.size());
        for (int i = 0; i < next.size(); i++) {
            Object e = next.get(i);
            int j = e instanceof Map<?, ?> ? ListEntries.indexOf(pl, e, taken) : indexOfEqual(pl, e, taken);
            Object s = sl == null ? ABSENT : sl.get(i);
            Object v;
            if (j >= 0 && ol != null) {
                taken[j] = true;
                v = value(entrySchema, ol.get(j), pl.get(j), e, s, entryDefault);
            } else {
                v = value(entrySchema, ABSENT, ABSENT, e, s, entryDefault);
            }
            out.add(v == OMIT ? null : v);
        }
        return out;
    }

    private static int indexOfEqual(List<?> candidates, Object value, boolean[] taken) {
        for (int i = 0; i < candidates.size(); i++) {
            if (!taken[i] && Objects.equals(candidates.get(i), value)) {
                return i;
            }
        }
        return -1;
    }

    private static Object get(Map<?, ?> map, String key) {
        return map.containsKey(key) ? map.get(key) : ABSENT;
    }

    private static String child(String schema, String key) {
        return schema.isEmpty() ? key : schema + "." + key;
    }
}
