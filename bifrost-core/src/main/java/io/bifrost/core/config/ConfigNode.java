package io.bifrost.core.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A cursor over one value of the plain tree, with its path. Reading a key marks it consumed; keys of a mapping that
 * nothing consumed become {@code unknown key} warnings when the read finishes ([CFG-002]). Conversions never throw:
 * a wrong value is reported with its exact path and the caller gets {@code null} (or its default), so one read
 * collects every problem ([CFG-060]). {@code null} and absent are the same and mean "use the default" ([CFG-030]).
 *
 * <p>Strings are accepted where numbers and booleans are expected when they hold the canonical form ({@code "250"},
 * {@code "true"}): values produced by environment expansion are strings ([CFG-020]) and the JSON API may send
 * numeric strings ([BKD-014]). Booleans are exactly {@code true}/{@code false}; integers are base-10 ([CFG-015]).
 * Not thread-safe; lives for one read.
 */
final class ConfigNode {
    private final ReadContext ctx;
    private final String path;
    private final Object value;
    private final Map<String, ConfigNode> children = new HashMap<>();
    private final Set<String> consumed = new HashSet<>();
    private List<ConfigNode> elements;
    private boolean wrongType;
    private boolean wholeConsumed;
    private String unknownKeyMessage = "unknown key";

    ConfigNode(ReadContext ctx, String path, Object value) {
        this.ctx = ctx;
        this.path = path;
        this.value = value;
        if (value instanceof Map<?, ?>) {
            ctx.track(this);
        }
    }

    // ---- identity and reporting

    /** The path as shown in problems; {@code (root)} for the document. */
    String path() {
        return ConfigPaths.display(path);
    }

    String pathOf(String key) {
        return ConfigPaths.key(path, key);
    }

    Object value() {
        return value;
    }

    boolean isPresent() {
        return value != null;
    }

    void error(String message) {
        ctx.error(path, message);
    }

    void warning(String message) {
        ctx.warning(path, message);
    }

    ReadContext context() {
        return ctx;
    }

    // ---- structure

    /** The child at {@code key} (absent when this node is not a mapping); marks the key consumed. */
    ConfigNode get(String key) {
        consumed.add(key);
        return children.computeIfAbsent(key, k -> new ConfigNode(ctx, pathOf(k), entries().get(k)));
    }

    /** The child at {@code key}, which must be a mapping or absent; anything else is reported. */
    ConfigNode map(String key) {
        ConfigNode child = get(key);
        child.expectMap();
        return child;
    }

    /** Reports this node when it is neither a mapping nor absent; afterwards it reads as an empty mapping. */
    ConfigNode expectMap() {
        if (value != null && !(value instanceof Map<?, ?>) && !wrongType) {
            wrongType = true;
            error("must be a mapping, got " + Trees.describe(value));
        }
        return this;
    }

    /** The elements of the list at {@code key}; a scalar where a list is expected is an error ([CFG-015]). */
    List<ConfigNode> list(String key) {
        return get(key).elements();
    }

    List<ConfigNode> elements() {
        if (elements == null) {
            elements = new ArrayList<>();
            if (value instanceof List<?> list) {
                for (int i = 0; i < list.size(); i++) {
                    elements.add(new ConfigNode(ctx, ConfigPaths.element(path, i), list.get(i)));
                }
            } else if (value != null) {
                error("must be a list, got " + Trees.describe(value));
            }
        }
        return elements;
    }

    /** True when {@code key} is present with a non-null value; does not consume it. */
    boolean has(String key) {
        return entries().get(key) != null;
    }

    /** The keys of this mapping in file order (empty for anything else). */
    List<String> keys() {
        return entries().keySet().stream().map(String::valueOf).toList();
    }

    /** Marks keys consumed without reading them (later-phase keys kept verbatim). */
    void accept(String... keys) {
        consumed.addAll(List.of(keys));
    }

    /** This mapping verbatim (frozen copy, empty when absent); nothing inside it is reported as unknown. */
    Map<String, Object> rawMap() {
        expectMap();
        wholeConsumed = true;
        return Trees.freezeMap(entries());
    }

    /** Marks this value and everything below it as read (a refused legacy block is not also full of unknown keys). */
    void skip() {
        wholeConsumed = true;
    }

    /** This mapping as written (frozen copy, empty when not a mapping) without consuming anything. */
    Map<String, Object> snapshot() {
        return Trees.freezeMap(entries());
    }

    /** The text of the warning for unconsumed keys, e.g. {@code unknown key for type http_proxy} ([BKD-014]). */
    void unknownKeyMessage(String message) {
        unknownKeyMessage = message;
    }

    void reportUnknownKeys() {
        if (wholeConsumed) {
            return;
        }
        for (String key : keys()) {
            if (!consumed.contains(key)) {
                ctx.warning(pathOf(key), unknownKeyMessage);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> entries() {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    // ---- conversions of this node's value; null when absent or wrong (and reported)

    String asString() {
        if (value == null || value instanceof String) {
            return (String) value;
        }
        error("must be a string, got " + Trees.describe(value));
        return null;
    }

    Boolean asBool() {
        if (value == null) {
            return null;
        }
        Optional<Boolean> bool = Scalars.bool(value);
        if (bool.isEmpty()) {
            error("must be true or false, got " + Trees.describe(value));
        }
        return bool.orElse(null);
    }

    Long asLong(long min, long max) {
        if (value == null) {
            return null;
        }
        Optional<Long> number = Scalars.integer(value);
        if (number.isEmpty()) {
            error("must be an integer, got " + Trees.describe(value));
            return null;
        }
        long v = number.get();
        if (v < min || v > max) {
            error(max >= Integer.MAX_VALUE
                    ? "must be at least " + min + ", got " + v
                    : "must be between " + min + " and " + max + ", got " + v);
            return null;
        }
        return v;
    }

    Double asNumber() {
        if (value == null) {
            return null;
        }
        Optional<Double> number = Scalars.number(value);
        if (number.isEmpty()) {
            error("must be a number, got " + Trees.describe(value));
        }
        return number.orElse(null);
    }

    /** Durations ([CFG-010]): the number 0 is zero; any other bare number needs a unit. */
    Duration asDuration() {
        if (value instanceof Number n) {
            if (n.doubleValue() == 0) {
                return Duration.ZERO;
            }
            error(Durations.NEEDS_UNIT);
            return null;
        }
        return parsed(asString(), Durations::parse);
    }

    /** Sizes ([CFG-011]): a bare non-negative integer is bytes. */
    Long asSize() {
        if (value instanceof Number) {
            return asLong(0, Long.MAX_VALUE);
        }
        return parsed(asString(), ByteSizes::parse);
    }

    /** Rates ([CFG-012]) in bytes per second; 0 = unlimited. */
    Long asRate() {
        if (value instanceof Number) {
            return asLong(0, Long.MAX_VALUE);
        }
        return parsed(asString(), Rates::parse);
    }

    /** Applies a text syntax; its {@link IllegalArgumentException} message becomes the problem. */
    <T> T parsed(String text, Function<String, T> parser) {
        if (text == null) {
            return null;
        }
        try {
            return parser.apply(text);
        } catch (IllegalArgumentException e) {
            error(e.getMessage());
            return null;
        }
    }

    /** A value from a closed set; {@code allowed} lists the wire names for the message. */
    <E> E asChoice(Function<String, Optional<E>> parse, String allowed) {
        String text = asString();
        if (text == null) {
            return null;
        }
        Optional<E> choice = parse.apply(text);
        if (choice.isEmpty()) {
            error("must be one of " + allowed + ", got \"" + text + "\"");
        }
        return choice.orElse(null);
    }

    // ---- key shortcuts with defaults

    String string(String key, String def) {
        String v = get(key).asString();
        return v == null ? def : v;
    }

    boolean bool(String key, boolean def) {
        Boolean v = get(key).asBool();
        return v == null ? def : v;
    }

    int integer(String key, int def, int min, int max) {
        Long v = get(key).asLong(min, max);
        return v == null ? def : v.intValue();
    }

    long longValue(String key, long def, long min, long max) {
        Long v = get(key).asLong(min, max);
        return v == null ? def : v;
    }

    Duration duration(String key, Duration def) {
        Duration v = get(key).asDuration();
        return v == null ? def : v;
    }

    /** A duration that must be greater than zero; {@code null} when absent or wrong. */
    Duration positiveDuration(String key) {
        ConfigNode child = get(key);
        Duration v = child.asDuration();
        if (v != null && v.isZero()) {
            child.error("must be greater than 0");
            return null;
        }
        return v;
    }

    ListenAddress listen(String key, ListenAddress def) {
        ConfigNode child = get(key);
        ListenAddress v = child.parsed(child.asString(), ListenAddress::parse);
        return v == null ? def : v;
    }

    <E> E choice(String key, E def, Function<String, Optional<E>> parse, String allowed) {
        E v = get(key).asChoice(parse, allowed);
        return v == null ? def : v;
    }

    /** A list of strings; non-string elements are reported and skipped. */
    List<String> strings(String key) {
        List<String> out = new ArrayList<>();
        for (ConfigNode e : list(key)) {
            String s = e.asString();
            if (s != null) {
                out.add(s);
            }
        }
        return out;
    }
}
