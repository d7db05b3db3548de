package io.bifrost.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The JSON form of [CAPI-050] and [CAPI-054]. */
class ClientConfigTreeTest {

    private static ClientConfig read(String tree) {
        return ClientConfigReader.read(TestTrees.parse(tree), EnvLookup.of(Map.of())).orElseThrow();
    }

    @Test
    void of_defaults_everySectionInCanonicalOrderWithDefaultsFilled() {
        Map<String, Object> tree = ClientConfigTree.of(ClientConfig.defaults());

        assertThat(tree.keySet()).containsExactly("proxy", "server", "servers", "routes", "debug", "logging",
                "web_ui", "api", "tray", "auto_update", "system_proxy", "vpn", "mesh");
        assertThat(tree.get("proxy")).isEqualTo(TestTrees.parse("""
                {http: {listen: '127.0.0.1:7380', read_timeout: '30s', write_timeout: '30s', idle_timeout: '1m',
                        max_connections: 0},
                 socks5: {listen: '127.0.0.1:7381', read_timeout: '30s', max_connections: 0}}"""));
        assertThat(tree.get("server")).isEqualTo(TestTrees.parse("""
                {address: '', protocol: http, username: '', password: '', timeout: '30s', retry_count: 3,
                 retry_delay: '1s', health_check: {type: tcp, interval: '30s', timeout: '5s'}}"""));
        assertThat(tree.get("routes")).isEqualTo(TestTrees.parse("[]"));
        assertThat(tree.get("debug")).isEqualTo(TestTrees.parse("""
                {enabled: true, max_entries: 1000, capture_body: false, max_body_size: 65536, filter_domains: []}"""));
        assertThat(tree.get("api")).isEqualTo(TestTrees.parse(
                "{enabled: true, listen: '127.0.0.1:7383', token: ''}"));
        assertThat(tree.get("tray")).isEqualTo(TestTrees.parse("""
                {enabled: true, start_minimized: false, show_quick_gui: true, auto_connect: false,
                 show_notifications: true, window_x: -1, window_y: -1}"""));
        assertThat(tree.get("system_proxy")).isEqualTo(TestTrees.parse("{enabled: false}"));
        assertThat(tree.get("vpn")).isEqualTo(TestTrees.parse("""
                {enabled: false, tun: {name: bifrost0, address: '10.255.0.1/24', mtu: 1400},
                 split_tunnel: {mode: exclude, apps: [], domains: ['*.local'], ips: [],
                                always_bypass: ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16']},
                 dns: {enabled: true, listen: '10.255.0.1:53', upstream: [], cache_ttl: '5m', intercept_mode: all}}"""));
        assertThat(tree.get("mesh")).isEqualTo(TestTrees.parse(
                "{enabled: false, network_id: '', network_cidr: '10.100.0.0/16', peer_name: ''}"));
    }

    @Test
    void of_writtenValues_showNormalisedWithSecretsInClear() {
        ClientConfig c = read("""
                {server: {address: 'proxy.example.com:7080', password: s3cret, retry_delay: '1500ms',
                          health_check: {interval: '10s'}},
                 servers: [{name: eu, address: 'eu.example.com:7080', protocol: socks5, is_default: true}],
                 routes: [{domains: ['*.Corp.Example.com'], action: server, priority: 90}],
                 vpn: {tun: {mtu: 1300}}}""");

        Map<String, Object> tree = ClientConfigTree.of(c);

        assertThat(tree.get("server")).isEqualTo(TestTrees.parse("""
                {address: 'proxy.example.com:7080', protocol: http, username: '', password: s3cret, timeout: '30s',
                 retry_count: 3, retry_delay: '1s500ms', health_check: {type: tcp, interval: '10s', timeout: '5s'}}"""));
        assertThat(tree.get("servers")).isEqualTo(TestTrees.parse("""
                [{name: eu, address: 'eu.example.com:7080', protocol: socks5, username: '', password: '',
                  is_default: true}]"""));
        assertThat(tree.get("routes")).isEqualTo(TestTrees.parse("""
                [{name: route-1, domains: ['*.corp.example.com'], action: server, priority: 90, enabled: true}]"""));
        assertThat(((Map<?, ?>) ((Map<?, ?>) tree.get("vpn")).get("tun")).get("mtu")).isEqualTo(1300L);
        assertThat(ConfigSecrets.mask(tree)).extracting(t -> ((Map<?, ?>) ((Map<?, ?>) t).get("server"))
                .get("password")).isEqualTo(ConfigSecrets.MASK);
    }

    @Test
    void of_readBack_givesTheSameConfiguration() {
        ClientConfig c = read("""
                {server: {address: 'proxy.example.com:7080', health_check: {type: tcp, timeout: '2s'}},
                 routes: [{name: local, domains: [localhost], action: direct, priority: 100, enabled: false}],
                 debug: {filter_domains: ['*.example.com']}, tray: {auto_connect: true}}""");

        ClientConfig again = ClientConfigReader.read(ClientConfigTree.of(c), EnvLookup.of(Map.of())).orElseThrow();

        assertThat(ClientConfigTree.of(again)).isEqualTo(ClientConfigTree.of(c));
    }
}
