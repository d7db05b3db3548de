package io.bifrost.core.config;

import java.util.Set;
import java.util.regex.Pattern;

/** Name rules of [GEN-060] for backends, routes, auth providers and named client servers. */
final class Names {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    /** Backend names that are reserved ([GEN-060], [BKD-001]). */
    static final Set<String> RESERVED_BACKEND_NAMES = Set.of("all", "none", "any", "cache");

    private Names() {}

    static boolean isValid(String name) {
        return NAME.matcher(name).matches();
    }

    /**
     * Reads a required {@code name} key: present, well-formed, not reserved, unique among {@code seen} (to which it is
     * added).
     *
     * @param kind for the duplicate message, e.g. {@code backend}
     * @return the name as written, or {@code null} when absent or not a string
     */
    static String readRequired(ConfigNode entry, String kind, Set<String> reserved, Set<String> seen) {
        ConfigNode node = entry.get("name");
        String name = node.asString();
        if (name == null) {
            if (!node.isPresent()) {
                node.error("required");
            }
            return null;
        }
        check(node, name, kind, reserved, seen);
        return name;
    }

    /** Checks a name read elsewhere (a generated route name is checked for uniqueness only by its caller). */
    static void check(ConfigNode node, String name, String kind, Set<String> reserved, Set<String> seen) {
        if (!isValid(name)) {
            node.error("invalid name \"" + name + "\" (expected 1-64 characters from A-Z a-z 0-9 . _ -, "
                    + "starting with a letter or digit)");
        } else if (reserved.contains(name)) {
            node.error("name \"" + name + "\" is reserved");
        } else if (!seen.add(name)) {
            node.error("duplicate " + kind + " name \"" + name + "\"");
        }
    }
}
