package io.bifrost.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The JSON form of [SAPI-170] and the route objects of [SAPI-100]. */
class ServerConfigTreeTest {
    private static final String HASH = "$2a$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy";

    private static ServerConfig read(String sections) {
        return ServerTrees.readWith(sections).orElseThrow();
    }

    @Test
    void of_defaultsFilled_everySectionInCanonicalOrderWithOutputForms() {
        Map<String, Object> tree = ServerConfigTree.of(read("{}"));

        assertThat(tree.keySet()).containsExactly("server", "backends", "routes", "auth", "rate_limit",
                "access_control", "access_log", "metrics", "logging", "web_ui", "api", "health_check", "auto_update",
                "cache", "network", "session", "mitm", "mesh");
        assertThat(tree.get("server")).isEqualTo(TestTrees.parse("""
                {http: {listen: '127.0.0.1:7080', read_timeout: '30s', write_timeout: '30s', idle_timeout: '1m',
                        max_connections: 0},
                 socks5: {listen: '127.0.0.1:7180', read_timeout: '30s', write_timeout: '30s', idle_timeout: '0s',
                          max_connections: 0},
                 graceful_period: '30s', allow_open_proxy: false}"""));
        assertThat(tree.get("rate_limit")).isEqualTo(TestTrees.parse("""
                {enabled: false, requests_per_second: 100, burst_size: 200, per_ip: true, per_user: false,
                 bandwidth: {enabled: false, upload: '', download: ''}}"""));
        assertThat(tree.get("health_check")).isNull();
        assertThat(tree).containsKey("health_check");
        assertThat(tree.get("network")).isEqualTo(TestTrees.parse("""
                {ipv6: null, prefer_ipv6: false, keepalive: '30s', dial_timeout: '30s', max_connections: 0,
                 allow_loopback_destinations: false}"""));
        assertThat(tree.get("cache")).isEqualTo(TestTrees.parse("""
                {enabled: false, default_ttl: '720h', max_file_size: '50GB',
                 storage: {type: tiered, tiered: {memory_threshold: '10MB'},
                           memory: {max_size: '2GB', max_entries: 50000, evict_policy: lru},
                           disk: {path: '/var/cache/bifrost', max_size: '500GB', cleanup_interval: '1h',
                                  shard_count: 256}},
                 presets: [], rules: []}"""));
        assertThat(tree.get("session")).isEqualTo(TestTrees.parse("""
                {store: memory, duration: '8h', max_sessions_per_user: 0, cleanup_interval: '5m',
                 redis: {addr: '', password: '', db: 0, key_prefix: 'bifrost:session:', op_timeout: '5s'}}"""));
        assertThat(tree.get("mesh")).isEqualTo(TestTrees.parse("{enabled: true, state_path: ''}"));
        assertThat(tree.get("api")).isEqualTo(TestTrees.parse("""
                {enabled: true, listen: '127.0.0.1:7082', token: '', enable_request_log: true,
                 request_log_size: 1000, websocket_max_clients: 100}"""));
    }

    @Test
    void of_valuesAsWritten_areNormalisedToOutputForms() {
        Map<String, Object> tree = ServerConfigTree.of(read("""
                {rate_limit: {requests_per_second: 2.5, bandwidth: {upload: '10mbps', download: '1250000'}},
                 access_control: {whitelist: ['192.0.2.7', '10.1.2.3/8', '2001:DB8::/32']},
                 network: {ipv6: false, keepalive: '90000ms'},
                 cache: {default_ttl: '30d', storage: {memory: {max_entries: 10}}}}"""));

        assertThat(tree.get("rate_limit")).isEqualTo(TestTrees.parse("""
                {enabled: false, requests_per_second: 2.5, burst_size: 200, per_ip: true, per_user: false,
                 bandwidth: {enabled: false, upload: '10Mbps', download: '10Mbps'}}"""));
        assertThat(tree.get("access_control")).isEqualTo(TestTrees.parse(
                "{whitelist: ['192.0.2.7', '10.0.0.0/8', '2001:db8::/32'], blacklist: []}"));
        assertThat(((Map<?, ?>) tree.get("network")).get("ipv6")).isEqualTo(false);
        assertThat(((Map<?, ?>) tree.get("network")).get("keepalive")).isEqualTo("1m30s");
        Map<?, ?> cache = (Map<?, ?>) tree.get("cache");
        assertThat(cache.get("default_ttl")).as("later-phase values are kept as written").isEqualTo("30d");
        assertThat(((Map<?, ?>) ((Map<?, ?>) cache.get("storage")).get("memory")).get("max_entries")).isEqualTo(10L);
        assertThat(((Map<?, ?>) ((Map<?, ?>) cache.get("storage")).get("memory")).get("max_size")).isEqualTo("2GB");
    }

    @Test
    void backend_canonicalTypeConfigAsGivenAndOwnHealthCheckOnlyWhenPresent() {
        ServerConfig c = read("""
                {backends: [{name: direct, type: direct, priority: 10},
                            {name: corp, type: httpproxy, weight: 3,
                             config: {address: '198.51.100.20:3128', username: bifrost, password: s3cret,
                                      connect_timeout: '10000ms', vendor_hint: x},
                             health_check: {type: tcp, interval: '15s', timeout: '3s'}}]}""");

        List<?> backends = (List<?>) ServerConfigTree.of(c).get("backends");

        assertThat(backends.get(0)).isEqualTo(TestTrees.parse(
                "{name: direct, type: direct, enabled: true, priority: 10, weight: 0, config: {}}"));
        assertThat(backends.get(1)).isEqualTo(TestTrees.parse("""
                {name: corp, type: http_proxy, enabled: true, priority: 0, weight: 3,
                 config: {address: '198.51.100.20:3128', username: bifrost, password: s3cret,
                          connect_timeout: '10s', vendor_hint: x},
                 health_check: {type: tcp, interval: '15s', timeout: '3s'}}"""));
    }

    @Test
    void route_usesTheKeyTheRouteUses_loadBalanceAndWeightsOnlyWithBackends() {
        ServerConfig c = read("""
                {backends: [{name: direct, type: direct}, {name: b, type: direct}],
                 routes: [{name: corp, domains: ['*.Corp.Example.com', 'intranet.*'], backend: direct, priority: 100},
                          {name: media, domains: ['*.video.example.net'], backends: [direct, b],
                           load_balance: weighted, weights: {direct: 3, b: 1}, priority: 50},
                          {domains: ['*'], backend: direct, priority: 1, enabled: false}]}""");

        assertThat(c.routes()).extracting(ServerConfigTree::route).containsExactly(
                TestTrees.map("""
                        {name: corp, domains: ['*.corp.example.com', 'intranet.*'], backend: direct, priority: 100,
                         enabled: true}"""),
                TestTrees.map("""
                        {name: media, domains: ['*.video.example.net'], backends: [direct, b],
                         load_balance: weighted, weights: {direct: 3, b: 1}, priority: 50, enabled: true}"""),
                TestTrees.map("{name: route-3, domains: ['*'], backend: direct, priority: 1, enabled: false}"));
    }

    @Test
    void auth_nativeUsersListed_andMaskHidesEverySecret() {
        ServerConfig c = read("""
                {auth: {providers: [{name: staff, type: native, priority: 1,
                         config: {users: [{username: alice, password_hash: '%s', groups: [ops]}]}}]},
                 api: {listen: '127.0.0.1:7082', token: 'a-long-enough-token-value'},
                 backends: [{name: corp, type: socks5_proxy, config: {address: 'h:1080', password: pw}}],
                 routes: []}"""
                .formatted(HASH));

        Map<String, Object> tree = ServerConfigTree.of(c);
        Object masked = ConfigSecrets.mask(tree);

        assertThat(tree.get("auth")).isEqualTo(TestTrees.parse("""
                {providers: [{name: staff, type: native, enabled: true, priority: 1,
                  config: {users: [{username: alice, password_hash: '%s', groups: [ops], disabled: false}]}}]}"""
                .formatted(HASH)));
        assertThat(masked.toString()).doesNotContain(HASH, "a-long-enough-token-value", "password=pw")
                .contains("token=********", "password_hash=********", "password=********");
    }

    @Test
    void of_readBackFromTheEscapedTree_isTheSameConfiguration() {
        ServerConfig c = read("""
                {backends: [{name: corp, type: http_proxy, config: {address: 'h:3128', password: 'p$${x}'}}],
                 routes: [{domains: ['*'], backend: corp}],
                 rate_limit: {enabled: true, requests_per_second: 0.5, bandwidth: {upload: '512KiB/s'}},
                 access_control: {whitelist: ['127.0.0.1', '10.0.0.0/8']},
                 health_check: {interval: '1m30s'}, network: {ipv6: true}}""");

        ConfigResult<ServerConfig> again = ServerTrees.read(ConfigEdits.source(c));

        assertThat(again.errors()).isEmpty();
        assertThat(ServerConfigTree.of(again.config())).isEqualTo(ServerConfigTree.of(c));
        assertThat(again.config().backends().get(0).settings().toString()).contains("h:3128");
        assertThat(((BackendSettings.HttpProxy) again.config().backends().get(0).settings()).password())
                .isEqualTo("p${x}");
    }
}
