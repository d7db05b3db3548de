package io.bifrost.core.config;

import static io.bifrost.core.config.ServerTrees.texts;
import static org.assertj.core.api.Assertions.assertThat;

import io.bifrost.core.routing.HostPattern;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClientConfigReaderTest {
    private static final String QUIET = "{server: {address: 'proxy.example.com:7080'}}";

    private static ConfigResult<ClientConfig> read(String tree) {
        return ClientConfigReader.read(TestTrees.parse(tree), EnvLookup.of(Map.of()));
    }

    private static ConfigResult<ClientConfig> readWith(String sections) {
        Map<String, Object> tree = TestTrees.map(QUIET);
        tree.putAll(TestTrees.map(sections));
        return ClientConfigReader.read(tree, EnvLookup.of(Map.of()));
    }

    @Test
    void read_emptyDocument_isAValidDirectOnlyClientWithDefaults() {
        ConfigResult<ClientConfig> result = ClientConfigReader.read(null, EnvLookup.of(Map.of()));

        assertThat(result.problems()).isEmpty();
        assertThat(result.orElseThrow()).isEqualTo(ClientConfig.defaults());
        ClientConfig d = ClientConfig.defaults();
        assertThat(d.proxy().http().listen()).hasToString("127.0.0.1:7380");
        assertThat(d.proxy().socks5().listen()).hasToString("127.0.0.1:7381");
        assertThat(d.api().listen()).hasToString("127.0.0.1:7383");
        assertThat(d.webUi()).isEqualTo(new WebUiConfig(true, ListenAddress.parse("127.0.0.1:7382"), ""));
        assertThat(d.server().retryCount()).isEqualTo(3);
        assertThat(d.server().retryDelay()).isEqualTo(Duration.ofSeconds(1));
        assertThat(d.debug().maxBodySize()).isEqualTo(65536);
        assertThat(d.tray()).isEqualTo(new TrayConfig(true, false, true, false, true, -1, -1));
        assertThat(d.hasUpstream()).isFalse();
    }

    @Test
    void read_serverSection_typed() {
        ClientConfig c = readWith("""
                {server: {address: '[2001:db8::7]:7080', protocol: socks5, username: u, password: p, timeout: 10s,
                          retry_count: 0, retry_delay: 250ms, health_check: {type: tcp, interval: 10s}}}""")
                .orElseThrow();

        UpstreamServerConfig s = c.server();
        assertThat(s.address()).isEqualTo(HostPort.parse("[2001:db8::7]:7080"));
        assertThat(s.protocol()).isEqualTo(UpstreamProtocol.SOCKS5);
        assertThat(s.retryCount()).isZero();
        assertThat(s.retryDelay()).isEqualTo(Duration.ofMillis(250));
        assertThat(s.toString()).doesNotContain("password=p");
        assertThat(s.effectiveHealthCheck()).contains(new EffectiveHealthCheck(HealthCheckType.TCP,
                Duration.ofSeconds(10), Duration.ofSeconds(5), "[2001:db8::7]:7080", "/health", "http", false, 1, 1));
    }

    @Test
    void read_defaultServerProbe_targetsTheServerAddress() {
        UpstreamServerConfig s = read(QUIET).orElseThrow().server();

        assertThat(s.effectiveHealthCheck()).contains(new EffectiveHealthCheck(HealthCheckType.TCP,
                Duration.ofSeconds(30), Duration.ofSeconds(5), "proxy.example.com:7080", "/health", "http", false, 1,
                1));
        assertThat(ClientConfig.defaults().server().effectiveHealthCheck()).isEmpty();
    }

    @Test
    void read_clientErrors() {
        ConfigResult<ClientConfig> result = read("""
                {proxy: {http: {listen: ''}, socks5: {listen: '', write_timeout: 1s}},
                 server: {address: 'http://p:7080', protocol: https, retry_count: 11, tls: {enabled: true}},
                 debug: {max_entries: 2000000, max_body_size: -1, filter_domains: ['a..b']},
                 vpn: {enabled: true, tun: {mtu: 1400}},
                 mesh: {enabled: true}}""");

        assertThat(texts(result)).containsExactly(
                "error: proxy: at least one proxy listener (proxy.http.listen or proxy.socks5.listen) must be set",
                "warning: proxy.socks5.write_timeout: unknown key",
                "error: server.address: invalid address \"http://p:7080\": a scheme is not allowed (expected host:port)",
                "error: server.protocol: must be one of http, socks5, got \"https\"",
                "error: server.retry_count: must be between 0 and 10, got 11",
                "error: server.tls.enabled: TLS connections to the server are not available in this version",
                "error: debug.max_entries: must be between 0 and 1000000, got 2000000",
                "error: debug.max_body_size: must be at least 0, got -1",
                "error: debug.filter_domains[0]: invalid pattern \"a..b\": empty label",
                "error: vpn.enabled: VPN mode is not available in this version",
                "error: mesh.enabled: mesh networking is not available in this version");
    }

    @Test
    void read_namedServers() {
        ConfigResult<ClientConfig> result = readWith("""
                {servers: [{name: eu, address: 'eu.example.com:7080', is_default: true},
                           {name: default, address: 'x:1'},
                           {name: us, is_default: true, protocol: socks5, address: 'us.example.com:1080'},
                           {address: 'y:1'},
                           {name: eu, address: 'z:1'},
                           {name: nowhere}]}""");

        assertThat(texts(result)).containsExactly(
                "error: servers[1].name: name \"default\" is reserved",
                "error: servers[2].is_default: at most one server can be the default (\"eu\" already is)",
                "error: servers[3].name: required",
                "error: servers[4].name: duplicate server name \"eu\"",
                "error: servers[5].address: required");
    }

    @Test
    void read_namedServers_typed() {
        ClientConfig c = readWith("{servers: [{name: eu, address: 'eu.example.com:7080', password: x}]}").orElseThrow();

        assertThat(c.servers()).containsExactly(new NamedServerConfig("eu", HostPort.parse("eu.example.com:7080"),
                UpstreamProtocol.HTTP, "", "x", false));
    }

    @Test
    void read_routes_typedAndValidated() {
        ConfigResult<ClientConfig> result = readWith("""
                {routes: [{domains: [localhost, '127.0.0.1', '::1', '*.local'], action: direct, priority: 100},
                          {name: test, domains: [a.com], action: direct},
                          {domains: [b.com]},
                          {domains: [c.com], action: proxy},
                          {domains: ['*'], action: server, priority: 1}]}""");

        assertThat(texts(result)).containsExactly(
                "error: routes[1].name: name \"test\" is reserved",
                "error: routes[2].action: required",
                "error: routes[3].action: must be one of direct, server, got \"proxy\"");

        ClientConfig c = readWith("""
                {routes: [{domains: [localhost, '::1', '*.local'], action: direct, priority: 100},
                          {name: all, domains: ['*'], action: server, enabled: false}]}""").orElseThrow();
        assertThat(c.routes()).hasSize(2);
        ClientRouteConfig first = c.routes().get(0);
        assertThat(first.name()).isEqualTo("route-1");
        assertThat(first.nameGenerated()).isTrue();
        assertThat(first.domains()).extracting(HostPattern::text).containsExactly("localhost", "::1", "*.local");
        assertThat(first.action()).isEqualTo(ClientRouteConfig.Action.DIRECT);
        assertThat(c.routes().get(1).enabled()).isFalse();
    }

    @Test
    void read_serverActionWithoutUpstream_warns() {
        ConfigResult<ClientConfig> result = read("{routes: [{domains: ['*'], action: server}]}");

        assertThat(texts(result)).containsExactly(
                "warning: routes[0].action: \"server\" but no server.address is configured");
        assertThat(read("{servers: [{name: eu, address: 'e:1'}], routes: [{domains: ['*'], action: server}]}")
                .problems()).isEmpty();
    }

    @Test
    void read_routesAfterACatchAll_areNeverUsed() {
        assertThat(texts(readWith("""
                {routes: [{name: all, domains: ['*', a.com], action: server, priority: 5},
                          {name: local, domains: [b.local], action: direct}]}"""))).containsExactly(
                "warning: routes[1]: route \"local\" is never used: route \"all\" (priority 5) matches every host first");
    }

    @Test
    void read_laterPhaseWarnings() {
        ConfigResult<ClientConfig> result = readWith("""
                {debug: {capture_body: true}, system_proxy: {enabled: true}, auto_update: {enabled: true},
                 tray: {enabled: false, window_x: 10, colour: red}}""");

        assertThat(texts(result)).containsExactly(
                "warning: debug.capture_body: body capture is not available in this version",
                "warning: system_proxy.enabled: system proxy configuration is not available in this version",
                "warning: auto_update.enabled: update checks are not available in this version",
                "warning: tray.colour: unknown key");
    }

    @Test
    void read_exposureWarnings() {
        ConfigResult<ClientConfig> result = readWith("""
                {proxy: {http: {listen: '0.0.0.0:7380'}, socks5: {listen: '192.168.1.2:7381'}},
                 api: {listen: '0.0.0.0:7383', token: abc}}""");

        assertThat(texts(result)).containsExactly(
                "warning: proxy.http.listen: local proxy is reachable from the network without authentication",
                "warning: proxy.socks5.listen: local proxy is reachable from the network without authentication",
                "warning: api.token: token is shorter than 16 characters");
    }

    @Test
    void read_clientSpecificUnknownKeys() {
        assertThat(texts(readWith("{web_ui: {base_path: /x}, api: {request_log_size: 5}}"))).containsExactly(
                "warning: web_ui.base_path: unknown key",
                "warning: api.request_log_size: unknown key");
    }
}
