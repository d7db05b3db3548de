package io.bifrost.adapters.vertx.config;

import static java.util.Objects.requireNonNull;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Writes a plain configuration tree (maps in key order, lists, strings, booleans, numbers, {@code null}) as YAML
 * in block style, so that {@link YamlConfigParser} reads it back to an equal tree ([CFG-095], [CFG-097]).
 *
 * <p>The nodes are built here rather than by snakeyaml's representer: its resolver is YAML 1.1, ours is the 1.2 core
 * schema, and they disagree on plain scalars such as {@code 09} or {@code 1e5} (strings for 1.1, numbers for 1.2).
 * A string is written plain only when {@link YamlConfigParser} would read the plain text back as that same string;
 * otherwise it is quoted. Comments are not written (the tree has none). Stateless and thread-safe; no I/O.
 */
public final class YamlConfigWriter {
    private YamlConfigWriter() {}

    /** The YAML text of {@code tree}, ending with a line break. */
    public static String write(Object tree) {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndent(2);
        options.setIndicatorIndent(2);
        options.setIndentWithIndicator(true);
        options.setWidth(Integer.MAX_VALUE);
        options.setSplitLines(false);
        options.setAllowUnicode(true);
        StringWriter out = new StringWriter();
        new Yaml(options).serialize(node(tree), out);
        return out.toString();
    }

    private static Node node(Object value) {
        if (value instanceof Map<?, ?> map) {
            List<NodeTuple> tuples = new ArrayList<>();
            map.forEach((k, v) -> tuples.add(new NodeTuple(string(String.valueOf(k)), node(v))));
            return new MappingNode(Tag.MAP, tuples, style(map.isEmpty()));
        }
        if (value instanceof List<?> list) {
            List<Node> items = new ArrayList<>();
            list.forEach(e -> items.add(node(e)));
            return new SequenceNode(Tag.SEQ, items, style(list.isEmpty()));
        }
        if (value == null) {
            return scalar(Tag.NULL, "null", DumperOptions.ScalarStyle.PLAIN);
        }
        if (value instanceof Boolean b) {
            return scalar(Tag.BOOL, b.toString(), DumperOptions.ScalarStyle.PLAIN);
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte
                || value instanceof BigInteger) {
            return scalar(Tag.INT, value.toString(), DumperOptions.ScalarStyle.PLAIN);
        }
        if (value instanceof Double || value instanceof Float || value instanceof BigDecimal) {
            return decimal(((Number) value).doubleValue());
        }
        if (value instanceof String s) {
            return string(s);
        }
        throw new IllegalArgumentException("value: " + value.getClass().getName()
                + " (expected: map, list, string, boolean, number or null)");
    }

    /** Empty collections are written {@code {}} and {@code []}. */
    private static DumperOptions.FlowStyle style(boolean empty) {
        return empty ? DumperOptions.FlowStyle.FLOW : DumperOptions.FlowStyle.BLOCK;
    }

    private static Node decimal(double d) {
        if (!Double.isFinite(d)) {
            throw new IllegalArgumentException("value: " + d + " (expected: a finite number)");
        }
        String text = BigDecimal.valueOf(d).toPlainString();
        return scalar(Tag.FLOAT, text.indexOf('.') < 0 ? text + ".0" : text, DumperOptions.ScalarStyle.PLAIN);
    }

    private static Node string(String s) {
        return scalar(Tag.STR, s, readsBackPlain(s) ? DumperOptions.ScalarStyle.PLAIN
                : DumperOptions.ScalarStyle.DOUBLE_QUOTED);
    }

    /**
     * Whether the plain scalar {@code s} reads back as the string {@code s}. snakeyaml's emitter may still quote it
     * (it quotes what YAML 1.1 or the syntax needs), which reads back the same.
     */
    private static boolean readsBackPlain(String s) {
        if (s.isEmpty() || !s.equals(s.strip()) || s.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return false;
        }
        return s.equals(YamlConfigParser.scalar(scalar(Tag.STR, s, DumperOptions.ScalarStyle.PLAIN)));
    }

    private static ScalarNode scalar(Tag tag, String value, DumperOptions.ScalarStyle style) {
        return new ScalarNode(tag, value, null, null, style);
    }
}
