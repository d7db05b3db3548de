package io.bifrost.core.config;

import java.util.List;
import java.util.Map;

/**
 * How entries of lists of mappings are matched across versions of a file ([CFG-097]): by {@code name} (backends,
 * routes, auth providers, named servers), or by {@code username} (native users).
 */
final class ListEntries {
    private ListEntries() {}

    /** The identity of an entry: its {@code name}, else its {@code username}; {@code null} for anything else. */
    static Object identity(Object entry) {
        if (entry instanceof Map<?, ?> m) {
            Object name = m.get("name");
            return name != null ? name : m.get("username");
        }
        return null;
    }

    /** The position in {@code candidates} of the first entry with the identity of {@code entry}, or -1. */
    static int indexOf(List<?> candidates, Object entry, boolean[] taken) {
        Object id = identity(entry);
        if (id == null) {
            return -1;
        }
        for (int i = 0; i < candidates.size(); i++) {
            if ((taken == null || !taken[i]) && id.equals(identity(candidates.get(i)))) {
                return i;
            }
        }
        return -1;
    }

    /** The entry of {@code candidates} with the identity of {@code entry}, or {@code null}. */
    static Object find(List<?> candidates, Object entry) {
        int i = indexOf(candidates, entry, null);
        return i < 0 ? null : candidates.get(i);
    }
}
