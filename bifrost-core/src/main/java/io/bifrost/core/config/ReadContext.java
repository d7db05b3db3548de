package io.bifrost.core.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The state of one read: collected problems, the file position of every path, and the mapping nodes whose unconsumed
 * keys become {@code unknown key} warnings ([CFG-002]). Problems are returned sorted by position in the file
 * ([CFG-060]) so readers may visit sections in any order. Not thread-safe; one instance per read.
 */
final class ReadContext {
    private static final Comparator<int[]> FILE_ORDER = Arrays::compare;

    private final Map<String, int[]> positions = new HashMap<>();
    private final List<Entry> entries = new ArrayList<>();
    private final Set<String> errorPaths = new HashSet<>();
    private final List<ConfigNode> maps = new ArrayList<>();

    private record Entry(int[] position, ConfigProblem problem) {}

    /** Indexes the positions of {@code tree}, the tree as written (before environment expansion). */
    ReadContext(Object tree) {
        index(tree, "", new int[0]);
    }

    private void index(Object node, String path, int[] position) {
        positions.putIfAbsent(ConfigPaths.display(path), position);
        if (node instanceof Map<?, ?> map) {
            int i = 0;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                index(e.getValue(), ConfigPaths.key(path, String.valueOf(e.getKey())), append(position, i++));
            }
        } else if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                index(list.get(i), ConfigPaths.element(path, i), append(position, i));
            }
        }
    }

    private static int[] append(int[] position, int index) {
        int[] next = Arrays.copyOf(position, position.length + 1);
        next[position.length] = index;
        return next;
    }

    ConfigNode root(Object tree) {
        return new ConfigNode(this, "", tree);
    }

    /**
     * Records a problem. A path gets at most one error, and nothing more once it has one: a value that failed to
     * expand or convert is reported once, not again by every later check that looks at it.
     */
    void report(ConfigProblem problem) {
        if (errorPaths.contains(problem.path())) {
            return;
        }
        if (problem.isError()) {
            errorPaths.add(problem.path());
        }
        entries.add(new Entry(positionOf(problem.path()), problem));
    }

    void error(String path, String message) {
        report(ConfigProblem.error(ConfigPaths.display(path), message));
    }

    void warning(String path, String message) {
        report(ConfigProblem.warning(ConfigPaths.display(path), message));
    }

    boolean hasError(String path) {
        return errorPaths.contains(ConfigPaths.display(path));
    }

    void track(ConfigNode map) {
        maps.add(map);
    }

    /** Reports unknown keys and returns every problem in file order (stable for problems at the same place). */
    List<ConfigProblem> finish() {
        maps.forEach(ConfigNode::reportUnknownKeys);
        return entries.stream()
                .sorted(Comparator.comparing(Entry::position, FILE_ORDER))
                .map(Entry::problem)
                .toList();
    }

    /**
     * The position of a path; a path that is not in the file (a missing key) sorts after the children of its nearest
     * existing ancestor, where the key would be appended.
     */
    private int[] positionOf(String path) {
        int[] exact = positions.get(path);
        if (exact != null) {
            return exact;
        }
        String p = path;
        while (true) {
            int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
            if (cut <= 0) {
                return new int[] {Integer.MAX_VALUE};
            }
            p = p.substring(0, cut);
            int[] ancestor = positions.get(p);
            if (ancestor != null) {
                return append(ancestor, Integer.MAX_VALUE);
            }
        }
    }
}
