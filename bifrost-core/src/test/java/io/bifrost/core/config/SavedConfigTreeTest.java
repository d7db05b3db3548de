package io.bifrost.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The content of a saved file, rule by rule of [CFG-097], with [CFG-024] and [RTE-021]. */
class SavedConfigTreeTest {
    private static final String HASH = "$2a$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy";
    private static final String HASH2 = "$2b$12$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy";
    private static final EnvLookup ENV = EnvLookup.of(Map.of(
            "CORP_PASS", "from-env", "API_TOKEN", "token-from-the-environment", "HTTP_PORT", "7080",
            "NEW_TOKEN", "a-new-token-from-the-env"));

    /** A file as written: placeholders, an unknown key, unusual spellings, unnamed routes, comments gone. */
    private final Map<String, Object> file = TestTrees.map("""
            {server: {http: {listen: '127.0.0.1:${HTTP_PORT}', read_timeout: '30000ms', lissen: typo},
                      socks5: {listen: '127.0.0.1:7180'}},
             backends: [{name: direct, type: direct},
                        {name: corp, type: httpproxy,
                         config: {address: 'h:3128', username: svc, password: '${CORP_PASS}'}}],
             routes: [{domains: ['*.corp.example'], backend: corp, priority: 10},
                      {domains: ['*'], backend: direct}],
             auth: {providers: [{name: staff, type: native,
                     config: {users: [{username: alice, password_hash: '%s'},
                                      {username: bob, password_hash: '%s', groups: [ops]}]}}]},
             api: {listen: '127.0.0.1:7082', token: '${API_TOKEN}'},
             metrics: {listen: '127.0.0.1:7090'},
             rate_limit: {enabled: false, burst_size: 200, bandwidth: {upload: '10mbps'}}}""".formatted(HASH, HASH));

    private final ServerConfig loaded = read(file);

    private static ServerConfig read(Object tree) {
        ConfigResult<ServerConfig> r = ServerConfigReader.read(tree, ENV);
        assertThat(r.errors()).isEmpty();
        return r.config();
    }

    /** [SAPI-173] end to end: merge the submitted sections, read, compute the file. */
    private Map<String, Object> put(String submitted) {
        Map<String, Object> source = ConfigEdits.mergeSections(loaded, TestTrees.map(submitted));
        ServerConfig next = read(source);
        Map<String, Object> saved = SavedConfigTree.build(file, loaded, next, source);
        assertThat(ServerConfigTree.of(read(saved))).as("the saved file reads back as what was saved")
                .isEqualTo(ServerConfigTree.of(next));
        return saved;
    }

    private static Object at(Object tree, Object... path) {
        Object node = tree;
        for (Object step : path) {
            node = step instanceof Integer i ? ((List<?>) node).get(i) : ((Map<?, ?>) node).get(step);
        }
        return node;
    }

    @Test
    void build_nothingChanged_writesTheFileAsItWas() {
        assertThat(put("{}")).isEqualTo(file);
    }

    @Test
    void build_keysOfTheFileKept_unknownKeysIncluded_nonDefaultKeysAdded_defaultsNotAdded() {
        Map<String, Object> saved = put("""
                {server: {http: {listen: '127.0.0.1:7080', idle_timeout: '2m'}, socks5: {listen: '127.0.0.1:7180'}},
                 rate_limit: {enabled: true}}""");

        assertThat(at(saved, "server", "http")).isEqualTo(TestTrees.map(
                "{listen: '127.0.0.1:${HTTP_PORT}', read_timeout: '30000ms', lissen: typo, idle_timeout: '2m'}"));
        assertThat(at(saved, "rate_limit")).as("keys of the file stay, with their new (default) values; other "
                        + "defaults are not added").isEqualTo(TestTrees.map(
                "{enabled: true, burst_size: 200, bandwidth: {upload: ''}}"));
        assertThat(saved.keySet()).containsExactly("server", "backends", "routes", "auth", "api", "metrics",
                "rate_limit");
    }

    @Test
    void build_newSection_isInsertedAfterItsCanonicalNeighbour() {
        Map<String, Object> saved = put("{access_control: {whitelist: ['10.0.0.0/8']}, network: {ipv6: false}}");

        // the file's own order is kept; a new section follows the nearest section before it in canonical order
        assertThat(saved.keySet()).containsExactly("server", "backends", "routes", "auth", "api", "network",
                "metrics", "rate_limit", "access_control");
        assertThat(saved.get("access_control")).isEqualTo(TestTrees.map("{whitelist: ['10.0.0.0/8']}"));
        assertThat(saved.get("network")).isEqualTo(TestTrees.map("{ipv6: false}"));
    }

    @Test
    void build_placeholderWithUnchangedValue_isWrittenBack_evenWhenItsSectionChanged() {
        Map<String, Object> saved = put("""
                {api: {listen: '127.0.0.1:7083', token: '********'},
                 backends: [{name: direct, type: direct},
                            {name: corp, type: http_proxy, priority: 5,
                             config: {address: 'h:3128', username: svc, password: from-env}}]}""");

        assertThat(at(saved, "api")).isEqualTo(TestTrees.map("{listen: '127.0.0.1:7083', token: '${API_TOKEN}'}"));
        assertThat(at(saved, "backends", 1)).as("the clear value equal to the expansion keeps the reference too")
                .isEqualTo(TestTrees.map("""
                        {name: corp, type: httpproxy, config: {address: 'h:3128', username: svc,
                         password: '${CORP_PASS}'}, priority: 5}"""));
        assertThat(saved.toString()).doesNotContain("from-env", "token-from-the-environment");
    }

    @Test
    void build_placeholderWhoseValueChanged_getsTheNewValue_submittedReferenceIsKeptAsReference() {
        Map<String, Object> saved = put("""
                {api: {listen: '127.0.0.1:7082', token: '${NEW_TOKEN}'},
                 server: {http: {listen: '127.0.0.1:8080'}, socks5: {listen: '127.0.0.1:7180'}}}""");

        assertThat(at(saved, "api", "token")).isEqualTo("${NEW_TOKEN}");
        assertThat(at(saved, "server", "http", "listen")).isEqualTo("127.0.0.1:8080");
    }

    @Test
    void build_missingSecretInSubmittedSection_keepsTheStoredPlaceholder() {
        Map<String, Object> saved = put("{api: {listen: '127.0.0.1:7082'}}");

        assertThat(at(saved, "api")).isEqualTo(TestTrees.map("{listen: '127.0.0.1:7082', token: '${API_TOKEN}'}"));
    }

    @Test
    void build_listEntriesMatchedByNameAndUsername_whenReordered() {
        Map<String, Object> saved = put("""
                {backends: [{name: corp, type: http_proxy, config: {address: 'h:3128', username: svc}},
                            {name: direct, type: direct}],
                 auth: {providers: [{name: staff, type: native, config: {users: [
                         {username: bob, password_hash: '********', groups: [ops, dev]},
                         {username: alice, password_hash: '********'},
                         {username: carol, password_hash: '%s'}]}}]}}""".formatted(HASH2));

        assertThat(at(saved, "backends", 0, "config", "password")).isEqualTo("${CORP_PASS}");
        assertThat(at(saved, "backends", 0, "type")).as("unchanged value as written").isEqualTo("httpproxy");
        assertThat(at(saved, "backends", 1)).isEqualTo(TestTrees.map("{name: direct, type: direct}"));
        assertThat(at(saved, "auth", "providers", 0, "config", "users")).isEqualTo(TestTrees.parse("""
                [{username: bob, password_hash: '%s', groups: [ops, dev]},
                 {username: alice, password_hash: '%s'},
                 {username: carol, password_hash: '%s'}]""".formatted(HASH, HASH, HASH2)));
    }

    @Test
    void build_routeListRewritten_writesGeneratedNames_unchangedListKeepsThemImplicit() {
        Map<String, Object> unchanged = put("{rate_limit: {enabled: true}}");
        Map<String, Object> source = ConfigEdits.source(loaded);
        ((List<Object>) source.get("routes")).add(TestTrees.map("{name: extra, domains: [x.example], backend: direct}"));
        ServerConfig next = read(source);
        Map<String, Object> rewritten = SavedConfigTree.build(file, loaded, next, source);

        assertThat(at(unchanged, "routes", 0)).isEqualTo(at(file, "routes", 0));
        assertThat(at(rewritten, "routes")).isEqualTo(TestTrees.parse("""
                [{name: route-1, domains: ['*.corp.example'], backend: corp, priority: 10},
                 {name: route-2, domains: ['*'], backend: direct},
                 {name: extra, domains: [x.example], backend: direct}]"""));
    }

    @Test
    void build_removedKeysAndEntries_areDropped() {
        Map<String, Object> withHealth = new java.util.LinkedHashMap<>(file);
        withHealth.put("health_check", TestTrees.map("{interval: '1m'}"));
        ServerConfig before = read(withHealth);
        Map<String, Object> source = ConfigEdits.mergeSections(before, TestTrees.map("""
                {health_check: null, backends: [{name: direct, type: direct}],
                 routes: [{name: route-2, domains: ['*'], backend: direct}]}"""));
        ServerConfig next = read(source);

        Map<String, Object> saved = SavedConfigTree.build(withHealth, before, next, source);

        assertThat(saved).doesNotContainKey("health_check");
        assertThat(at(saved, "backends")).isEqualTo(TestTrees.parse("[{name: direct, type: direct}]"));
        assertThat(at(saved, "routes")).isEqualTo(TestTrees.parse("[{name: route-2, domains: ['*'], backend: direct}]"));
    }

    @Test
    void build_newEntry_writesOnlyKeysThatDifferFromTheEntryDefaults() {
        Map<String, Object> source = ConfigEdits.source(loaded);
        ((List<Object>) source.get("backends")).add(TestTrees.map("""
                {name: eu, type: socks5, enabled: true, priority: 0, weight: 2,
                 config: {address: 'eu:1080', password: 'p${x}'}}""".replace("${x}", "$${x}")));
        ServerConfig next = read(source);

        Map<String, Object> saved = SavedConfigTree.build(file, loaded, next, source);

        assertThat(at(saved, "backends", 2)).isEqualTo(TestTrees.map("""
                {name: eu, type: socks5_proxy, weight: 2, config: {address: 'eu:1080', password: 'p$${x}'}}"""));
        assertThat(((BackendSettings.Socks5Proxy) read(saved).backend("eu").orElseThrow().settings()).password())
                .as("an effective ${ is escaped so the file reads back the same").isEqualTo("p${x}");
    }

    @Test
    void build_noFile_writesOnlyWhatDiffersFromTheDefaults() {
        ServerConfig next = read(ServerTrees.with("{rate_limit: {enabled: true}}"));

        Map<String, Object> saved = SavedConfigTree.build(null, ServerConfig.defaults(), next, null);

        assertThat(saved).isEqualTo(TestTrees.map("""
                {server: {http: {listen: '127.0.0.1:7080'}, socks5: {listen: '127.0.0.1:7180'}},
                 backends: [{name: direct, type: direct}],
                 routes: [{name: route-1, domains: ['*'], backend: direct, priority: 1}],
                 rate_limit: {enabled: true},
                 api: {listen: '127.0.0.1:7082'},
                 metrics: {listen: '127.0.0.1:7090'}}"""));
    }
}
