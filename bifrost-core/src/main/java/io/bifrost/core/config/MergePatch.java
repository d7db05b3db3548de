package io.bifrost.core.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON merge patches (RFC 7386) on plain trees, as the client's {@code PUT /config} takes them ([CAPI-051]): objects
 * merge member by member, anything else (arrays included) replaces the target, and {@code null} removes the member,
 * so that a key removed from a file takes its default ([CFG-030]). Patches are applied to the file as written
 * (before environment expansion), which keeps unknown keys and <code>${NAME}</code> references that the patch does not
 * touch ([CFG-097]). Stateless and thread-safe; inputs are never modified.
 */
public final class MergePatch {
    private MergePatch() {}

    /**
     * RFC 7386 §2: {@code patch} applied to {@code target}.
     *
     * @param target the document; {@code null} reads as absent
     * @return a new tree ({@code target}'s untouched parts are deep copies)
     */
    public static Object apply(Object target, Object patch) {
        if (!(patch instanceof Map<?, ?> p)) {
            return ServerConfigTree.copy(patch);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        if (target instanceof Map<?, ?> t) {
            t.forEach((k, v) -> out.put(String.valueOf(k), ServerConfigTree.copy(v)));
        }
        p.forEach((k, v) -> {
            String key = String.valueOf(k);
            if (v == null) {
                out.remove(key);
            } else {
                out.put(key, apply(out.get(key), v));
            }
        });
        return out;
    }

    /**
     * {@code patch} with every secret ([SEC-080]) given as {@code "********"} replaced by its value in {@code stored}
     * as written there (a placeholder stays a placeholder, [CFG-097]); in lists, entries are matched to stored ones by
     * {@code name}. A masked secret with no stored counterpart is left out: the stored value, absent, stays absent
     * (so a new list entry, which must carry its secrets in clear, gets none rather than the mask).
     *
     * @param stored the file as written; {@code null} for none
     */
    public static Object keepMaskedSecrets(Object patch, Object stored) {
        return keep(patch, stored, "");
    }

    private static Object keep(Object patch, Object stored, String path) {
        if (patch instanceof Map<?, ?> pm) {
            Map<?, ?> sm = stored instanceof Map<?, ?> m ? m : Map.of();
            Map<String, Object> out = new LinkedHashMap<>();
            pm.forEach((k, v) -> {
                String key = String.valueOf(k);
                String p = ConfigPaths.key(path, key);
                if (ConfigSecrets.MASK.equals(v) && ConfigSecrets.isSecret(p)) {
                    if (sm.containsKey(key)) {
                        out.put(key, ServerConfigTree.copy(sm.get(key)));
                    }
                } else {
                    out.put(key, keep(v, sm.get(key), p));
                }
            });
            return out;
        }
        if (patch instanceof List<?> pl) {
            List<?> sl = stored instanceof List<?> l ? l : List.of();
            List<Object> out = new ArrayList<>(pl.size());
            for (int i = 0; i < pl.size(); i++) {
                out.add(keep(pl.get(i), ListEntries.find(sl, pl.get(i)), ConfigPaths.element(path, i)));
            }
            return out;
        }
        return patch;
    }
}
