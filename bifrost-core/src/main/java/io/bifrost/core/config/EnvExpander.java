package io.bifrost.core.config;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Environment references in scalar values ([CFG-020]-[CFG-023]): {@code ${NAME}} is replaced by the variable's value,
 * <code>$${</code> is an escaped <code>${</code>, and any other {@code $} is literal (so bcrypt hashes such as
 * {@code $2a$10$...} pass unchanged). Keys are never expanded, and expansion is a single pass: expanded text is not
 * scanned again. Stateless and thread-safe.
 */
public final class EnvExpander {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /**
     * An expanded tree and the problems found; a value that could not be expanded is left as written (the problem
     * already names its path, so readers must not report it again).
     *
     * @param tree a new tree of the same shape; the input is never modified
     * @param problems errors with key paths, in tree order
     */
    public record Result(Object tree, List<ConfigProblem> problems) {
        public Result {
            problems = List.copyOf(problems);
        }
    }

    private EnvExpander() {}

    /** Expands every string scalar of a plain tree (maps, lists, scalars). */
    public static Result expand(Object tree, EnvLookup env) {
        requireNonNull(env, "env");
        List<ConfigProblem> problems = new ArrayList<>();
        Object expanded = walk(tree, "", env, problems);
        return new Result(expanded, problems);
    }

    private static Object walk(Object node, String path, EnvLookup env, List<ConfigProblem> problems) {
        if (node instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), walk(v, ConfigPaths.key(path, String.valueOf(k)), env,
                    problems)));
            return copy;
        }
        if (node instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            for (int i = 0; i < list.size(); i++) {
                copy.add(walk(list.get(i), ConfigPaths.element(path, i), env, problems));
            }
            return copy;
        }
        if (node instanceof String text) {
            try {
                return expandValue(text, env);
            } catch (IllegalArgumentException e) {
                problems.add(ConfigProblem.error(ConfigPaths.display(path), e.getMessage()));
            }
        }
        return node;
    }

    /**
     * Expands one value.
     *
     * @throws IllegalArgumentException with the problem text of [CFG-021]/[CFG-022], e.g. {@code invalid environment
     *     reference "${VAR:-default}" (only ${NAME} is supported)} or {@code environment variable X is not set}
     */
    public static String expandValue(String text, EnvLookup env) {
        requireNonNull(text, "text");
        requireNonNull(env, "env");
        if (text.indexOf('$') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '$' && text.startsWith("$${", i)) {
                out.append("${");
                i += 3;
            } else if (c == '$' && text.startsWith("${", i)) {
                int close = text.indexOf('}', i + 2);
                String reference = close < 0 ? text.substring(i) : text.substring(i, close + 1);
                String name = close < 0 ? "" : text.substring(i + 2, close);
                if (!NAME.matcher(name).matches()) {
                    throw new IllegalArgumentException(
                            "invalid environment reference \"" + reference + "\" (only ${NAME} is supported)");
                }
                Optional<String> value = env.get(name);
                out.append(value.orElseThrow(
                        () -> new IllegalArgumentException("environment variable " + name + " is not set")));
                i = close + 1;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** True when {@code text} contains a {@code ${NAME}} reference (an escaped <code>$${</code> does not count). */
    public static boolean containsReference(String text) {
        requireNonNull(text, "text");
        for (int i = 0; i < text.length(); i++) {
            if (text.startsWith("$${", i)) {
                i += 2;
            } else if (text.startsWith("${", i)) {
                return true;
            }
        }
        return false;
    }
}
