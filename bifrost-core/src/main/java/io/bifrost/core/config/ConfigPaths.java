package io.bifrost.core.config;

/** Builds problem paths in the form of [CFG-060]: {@code a.b[2].c}; the empty string stands for the root. */
final class ConfigPaths {
    private ConfigPaths() {}

    static String key(String parent, String key) {
        return parent.isEmpty() ? key : parent + "." + key;
    }

    static String element(String parent, int index) {
        return parent + "[" + index + "]";
    }

    static String display(String path) {
        return path.isEmpty() ? ConfigProblem.ROOT : path;
    }
}
