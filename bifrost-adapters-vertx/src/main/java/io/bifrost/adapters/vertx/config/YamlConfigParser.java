package io.bifrost.adapters.vertx.config;

import static java.util.Objects.requireNonNull;

import io.bifrost.core.config.ConfigProblem;
import io.bifrost.core.config.ConfigResult;
import java.io.StringReader;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.representer.Representer;

/**
 * Parses configuration text (YAML 1.2, so JSON too; [CFG-001]) into the plain tree that
 * {@link io.bifrost.core.config.ServerConfigReader} and {@link io.bifrost.core.config.ClientConfigReader} read:
 * {@link LinkedHashMap} in file order, {@link ArrayList}, {@link String}, {@link Boolean}, {@link Long} (or
 * {@link BigInteger} beyond its range), {@link Double}, or {@code null}.
 *
 * <p>Built on snakeyaml's composer, which yields nodes with their scalar style and position, rather than on a
 * YAML 1.1 constructor or Jackson's YAML parser: both turn {@code yes}/{@code on} into booleans, {@code 0123} into an
 * octal 83, and Jackson reads an alias as its anchor's name (see {@code JacksonYamlBehaviourTest}). Here plain
 * scalars are resolved with the YAML 1.2 core schema ({@code true}/{@code false}, {@code null}/{@code ~}/empty,
 * base-10 integers, decimals); quoted scalars are always strings; other plain scalars ({@code yes}, {@code 0x10},
 * {@code .inf}) stay strings and are judged by the reader ([CFG-015]); explicit tags are ignored. Aliases are
 * resolved, merge keys ({@code <<}) are applied, and a recursive alias is an error. Duplicate keys and several
 * documents are errors ([CFG-001]); syntax errors read {@code (root): line L, column C: <reason>} ([CFG-060]).
 *
 * <p>Stateless and thread-safe; pure computation (no I/O), so it may run on an event loop for small inputs.
 */
public final class YamlConfigParser {
    private static final Pattern INTEGER = Pattern.compile("[-+]?[0-9]+");
    private static final Pattern FLOAT = Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
    private static final Set<String> NULLS = Set.of("", "~", "null", "Null", "NULL");
    private static final Set<String> TRUES = Set.of("true", "True", "TRUE");
    private static final Set<String> FALSES = Set.of("false", "False", "FALSE");

    private YamlConfigParser() {}

    /**
     * Parses one document.
     *
     * @return the tree ({@code null} for an empty document) or, when the text is not acceptable, no tree and the
     *     problems; never throws for bad input
     */
    public static ConfigResult<Object> parse(String text) {
        requireNonNull(text, "text");
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        Node root;
        try {
            root = yaml().compose(new StringReader(body));
        } catch (MarkedYAMLException e) {
            return ConfigResult.failed(List.of(syntaxError(e)));
        } catch (YAMLException e) {
            return ConfigResult.failed(List.of(ConfigProblem.error(ConfigProblem.ROOT, e.getMessage())));
        }
        List<ConfigProblem> problems = new ArrayList<>();
        Object tree = root == null ? null : new Converter(problems).convert(root, "");
        return problems.isEmpty() ? new ConfigResult<>(tree, List.of()) : ConfigResult.failed(problems);
    }

    private static Yaml yaml() {
        LoaderOptions options = new LoaderOptions();
        options.setMergeOnCompose(true);
        options.setAllowDuplicateKeys(true); // reported by the converter, with the key's path
        DumperOptions dumper = new DumperOptions();
        return new Yaml(new SafeConstructor(options), new Representer(dumper), dumper, options);
    }

    private static ConfigProblem syntaxError(MarkedYAMLException e) {
        String reason = e.getProblem();
        if ("expected a single document in the stream".equals(e.getContext())) {
            reason = "several documents in one file (expected exactly one)";
        }
        Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
        if (reason == null) {
            reason = e.getMessage();
        }
        return ConfigProblem.error(ConfigProblem.ROOT, at(mark) + reason);
    }

    /** {@code line L, column C: } with 1-based numbers, or nothing when the position is unknown. */
    static String at(Mark mark) {
        return mark == null ? "" : "line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1) + ": ";
    }

    /** Converts nodes to the plain tree; problems carry the path of the offending key. */
    private static final class Converter {
        private final List<ConfigProblem> problems;
        private final Map<Node, Boolean> open = new IdentityHashMap<>();

        Converter(List<ConfigProblem> problems) {
            this.problems = problems;
        }

        Object convert(Node node, String path) {
            if (node instanceof ScalarNode scalar) {
                return scalar(scalar);
            }
            if (open.containsKey(node)) {
                Mark m = node.getStartMark();
                problems.add(ConfigProblem.error(path, "recursive alias: the value at line " + (m.getLine() + 1)
                        + ", column " + (m.getColumn() + 1) + " contains itself"));
                return null;
            }
            open.put(node, Boolean.TRUE);
            try {
                return node instanceof MappingNode mapping
                        ? mapping(mapping, path)
                        : sequence((SequenceNode) node, path);
            } finally {
                open.remove(node);
            }
        }

        private List<Object> sequence(SequenceNode node, String path) {
            List<Object> list = new ArrayList<>();
            List<Node> items = node.getValue();
            for (int i = 0; i < items.size(); i++) {
                list.add(convert(items.get(i), path + "[" + i + "]"));
            }
            return list;
        }

        private Map<String, Object> mapping(MappingNode node, String path) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (NodeTuple tuple : node.getValue()) {
                if (!(tuple.getKeyNode() instanceof ScalarNode keyNode)) {
                    error(path, tuple.getKeyNode(), "mapping keys must be plain text");
                    continue;
                }
                String key = keyNode.getValue();
                String keyPath = path.isEmpty() ? key : path + "." + key;
                if (map.containsKey(key)) {
                    error(keyPath, keyNode, "duplicate key \"" + key + "\"");
                    continue;
                }
                map.put(key, convert(tuple.getValueNode(), keyPath));
            }
            return map;
        }

        private void error(String path, Node node, String message) {
            problems.add(ConfigProblem.error(path.isEmpty() ? ConfigProblem.ROOT : path,
                    at(node.getStartMark()) + message));
        }
    }

    /** YAML 1.2 core schema for plain scalars; quoted scalars are strings. */
    static Object scalar(ScalarNode node) {
        String v = node.getValue();
        if (node.getScalarStyle() != DumperOptions.ScalarStyle.PLAIN) {
            return v;
        }
        if (NULLS.contains(v)) {
            return null;
        }
        if (TRUES.contains(v)) {
            return Boolean.TRUE;
        }
        if (FALSES.contains(v)) {
            return Boolean.FALSE;
        }
        if (INTEGER.matcher(v).matches()) {
            BigInteger big = new BigInteger(v.startsWith("+") ? v.substring(1) : v);
            return big.bitLength() < 64 ? (Object) big.longValue() : big;
        }
        if (FLOAT.matcher(v).matches()) {
            return Double.valueOf(v);
        }
        return v;
    }
}
