package io.bifrost.core.config;

import java.util.List;
import java.util.Map;

/** Server trees for tests: a quiet valid base (no errors, no warnings) and helpers to change one section. */
final class ServerTrees {
    static final String QUIET = """
            {server: {http: {listen: '127.0.0.1:7080'}, socks5: {listen: '127.0.0.1:7180'}},
             backends: [{name: direct, type: direct}],
             routes: [{domains: ['*'], backend: direct, priority: 1}],
             api: {listen: '127.0.0.1:7082'},
             metrics: {listen: '127.0.0.1:7090'}}""";

    private ServerTrees() {}

    /** The quiet base with {@code sections} (a flow mapping) replacing or adding top-level sections. */
    static Map<String, Object> with(String sections) {
        Map<String, Object> tree = TestTrees.map(QUIET);
        tree.putAll(TestTrees.map(sections));
        return tree;
    }

    static ConfigResult<ServerConfig> read(Object tree) {
        return ServerConfigReader.read(tree, EnvLookup.of(Map.of()));
    }

    static ConfigResult<ServerConfig> readWith(String sections) {
        return read(with(sections));
    }

    /** Problems as text, {@code <severity>: <path>: <message>}, for readable assertions. */
    static List<String> texts(ConfigResult<?> result) {
        return result.problems().stream().map(p -> p.severity().wireName() + ": " + p).toList();
    }
}
