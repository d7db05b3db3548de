package io.bifrost.core.config;

import static io.bifrost.core.config.ServerTrees.read;
import static io.bifrost.core.config.ServerTrees.readWith;
import static io.bifrost.core.config.ServerTrees.texts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bifrost.core.net.CidrBlock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServerConfigReaderTest {

    @Test
    void read_quietBase_isValidWithoutWarnings() {
        ConfigResult<ServerConfig> result = read(TestTrees.parse(ServerTrees.QUIET));

        assertThat(result.problems()).isEmpty();
        assertThat(result.isValid()).isTrue();
    }

    @Test
    void read_absentSectionsAndNullValues_takeTheDefaults() {
        ConfigResult<ServerConfig> result = readWith(
                "{rate_limit: null, logging: {level: null, format: ~}, access_log: {}}".replace("~", "null"));
        ServerConfig d = ServerConfig.defaults();

        ServerConfig c = result.orElseThrow();
        assertThat(c.rateLimit()).isEqualTo(d.rateLimit());
        assertThat(c.logging()).isEqualTo(d.logging());
        assertThat(c.accessLog()).isEqualTo(d.accessLog());
        assertThat(c.network()).isEqualTo(d.network());
        assertThat(c.webUi()).isEqualTo(d.webUi());
        assertThat(c.autoUpdate()).isEqualTo(d.autoUpdate());
        assertThat(c.mesh().enabled()).isTrue();
        assertThat(c.healthCheck()).isNull();
        assertThat(c.server().http().readTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(c.server().http().idleTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(c.server().socks5().idleTimeout()).isEqualTo(Duration.ZERO);
        assertThat(c.server().gracefulPeriod()).isEqualTo(Duration.ofSeconds(30));
        assertThat(c.api().requestLogSize()).isEqualTo(1000);
        assertThat(c.metrics().path()).isEqualTo("/metrics");
    }

    @Test
    void defaults_matchTheSchemaTables() {
        ServerConfig d = ServerConfig.defaults();

        assertThat(d.server().http().listen()).hasToString(":7080");
        assertThat(d.server().socks5().listen()).hasToString(":7180");
        assertThat(d.api().listen()).hasToString(":7082");
        assertThat(d.metrics().listen()).hasToString(":7090");
        assertThat(d.metrics().collectionInterval()).isEqualTo(Duration.ofSeconds(15));
        assertThat(d.rateLimit()).isEqualTo(new RateLimitConfig(false, 100, 200, true, false,
                new RateLimitConfig.Bandwidth(false, 0, 0)));
        assertThat(d.logging().timeFormat()).isEqualTo("yyyy-MM-dd'T'HH:mm:ss.SSSXXX");
        assertThat(d.network().dialTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(d.network().keepalive()).isEqualTo(Duration.ofSeconds(30));
        assertThat(d.network().ipv6()).isNull();
        assertThat(d.accessLog().format()).isEqualTo(AccessLogConfig.Format.JSON);
        assertThat(d.backends()).isEmpty();
    }

    @Test
    void read_unknownKeys_areWarningsWithTheirPath() {
        ConfigResult<ServerConfig> result = readWith(
                "{server: {http: {lissen: ':1', listen: '127.0.0.1:7080'}, socks5: {listen: ''}}, colour: blue,"
                + " logging: {level: info, extra: {deep: 1}}}");

        assertThat(texts(result)).containsExactly(
                "warning: server.http.lissen: unknown key",
                "warning: colour: unknown key",
                "warning: logging.extra: unknown key");
        assertThat(result.isValid()).isTrue();
    }

    @Test
    void read_booleans_areTrueOrFalseOnly() {
        ConfigResult<ServerConfig> result = readWith("{rate_limit: {enabled: yes, per_ip: 'on', per_user: 'true'}}");

        assertThat(texts(result)).containsExactly(
                "error: rate_limit.enabled: must be true or false, got \"yes\"",
                "error: rate_limit.per_ip: must be true or false, got \"on\"");
        assertThat(result.config()).isNull();
    }

    @Test
    void read_integers_areBase10AndInRange() {
        ConfigResult<ServerConfig> result = readWith(
                "{rate_limit: {burst_size: '0x10'}, api: {listen: '127.0.0.1:7082', request_log_size: 1000001,"
                + " websocket_max_clients: 1.5}, logging: {max_backups: -1}}");

        assertThat(texts(result)).containsExactly(
                "error: api.request_log_size: must be between 0 and 1000000, got 1000001",
                "error: api.websocket_max_clients: must be an integer, got 1.5",
                "error: rate_limit.burst_size: must be an integer, got \"0x10\"",
                "error: logging.max_backups: must be at least 0, got -1");
    }

    @Test
    void read_scalarWhereAListOrMappingIsExpected_isAnError() {
        ConfigResult<ServerConfig> result = readWith(
                "{access_control: {whitelist: '10.0.0.0/8'}, routes: [{domains: '*', backend: direct}],"
                + " logging: 'debug'}");

        assertThat(texts(result)).containsExactly(
                "error: routes[0].domains: must be a list, got \"*\"",
                "error: access_control.whitelist: must be a list, got \"10.0.0.0/8\"",
                "error: logging: must be a mapping, got \"debug\"");
    }

    @Test
    void read_rootNotAMapping_isAnError() {
        assertThat(texts(read(List.of("a")))).first().isEqualTo("error: (root): must be a mapping, got a list");
    }

    @Test
    void read_emptyDocument_needsABackend() {
        assertThat(texts(read(null))).contains("error: backends: at least one backend must be configured");
    }

    @Test
    void read_environmentReferences_expandBeforeConversion() {
        Map<String, Object> tree = ServerTrees.with(
                "{rate_limit: {requests_per_second: '${RPS}', burst_size: '${BURST}', enabled: '${ON}'},"
                + " api: {listen: '127.0.0.1:${API_PORT}', token: '${TOKEN}'}}");

        ConfigResult<ServerConfig> result = ServerConfigReader.read(tree, EnvLookup.of(Map.of(
                "RPS", "250", "BURST", "500", "ON", "true", "API_PORT", "9082", "TOKEN", "0123456789abcdef")));

        ServerConfig c = result.orElseThrow();
        assertThat(c.rateLimit().requestsPerSecond()).isEqualTo(250.0);
        assertThat(c.rateLimit().burstSize()).isEqualTo(500);
        assertThat(c.rateLimit().enabled()).isTrue();
        assertThat(c.api().listen()).hasToString("127.0.0.1:9082");
        assertThat(c.api().token()).isEqualTo("0123456789abcdef");
        assertThat(result.problems()).isEmpty();
    }

    @Test
    void read_unsetVariable_isOneErrorAtItsKey() {
        ConfigResult<ServerConfig> result = readWith(
                "{api: {listen: '127.0.0.1:${API_PORT}', token: '${BIFROST_API_TOKEN}'}}");

        assertThat(texts(result)).containsExactly(
                "error: api.listen: environment variable API_PORT is not set",
                "error: api.token: environment variable BIFROST_API_TOKEN is not set");
    }

    @Test
    void read_durationGivenAsNumberOrUnitlessString_needsAUnit() {
        ConfigResult<ServerConfig> result = ServerConfigReader.read(ServerTrees.with(
                "{server: {http: {listen: '127.0.0.1:7080', read_timeout: 30, write_timeout: '${T}',"
                + " idle_timeout: 0}, socks5: {listen: ''}, graceful_period: '-1s'}}"), EnvLookup.of(Map.of("T", "30")));

        assertThat(texts(result)).containsExactly(
                "error: server.http.read_timeout: duration needs a unit, e.g. \"30s\"",
                "error: server.http.write_timeout: duration needs a unit, e.g. \"30s\"",
                "error: server.graceful_period: invalid duration \"-1s\": must not be negative");
    }

    @Test
    void read_fiveErrorsInFiveSections_allReportedInFileOrder() {
        Object tree = TestTrees.parse("""
                {logging: {level: loud},
                 server: {http: {listen: '127.0.0.1:7080', max_connections: -5}, socks5: {listen: ''}},
                 backends: [{name: direct, type: direct}, {name: corp, type: http_proxy, config: {address: 'http://p:1'}}],
                 routes: [{domains: ['*'], backend: wg}],
                 api: {listen: '127.0.0.1:7082'},
                 metrics: {listen: '127.0.0.1:7090', path: metrics}}""");

        ConfigResult<ServerConfig> result = read(tree);

        assertThat(result.errors()).extracting(ConfigProblem::toString).containsExactly(
                "logging.level: must be one of debug, info, warn, error, got \"loud\"",
                "server.http.max_connections: must be at least 0, got -5",
                "backends[1].config.address: invalid address \"http://p:1\": a scheme is not allowed (expected host:port)",
                "routes[0].backend: unknown backend \"wg\"",
                "metrics.path: must start with \"/\", got \"metrics\"");
        assertThat(result.errors()).extracting(ConfigProblem::section)
                .containsExactly("logging", "server", "backends", "routes", "metrics");
    }

    @Test
    void orElseThrow_invalid_carriesEveryProblem() {
        ConfigResult<ServerConfig> result = readWith("{logging: {level: loud}, colour: red}");

        assertThatThrownBy(result::orElseThrow)
                .isInstanceOfSatisfying(InvalidConfigException.class, e -> assertThat(e.problems()).hasSize(2))
                .hasMessage("invalid configuration: 1 error(s): logging.level: must be one of debug, info, warn, "
                        + "error, got \"loud\"");
    }

    @Test
    void read_serverWithoutProxyListener_isAnError() {
        ConfigResult<ServerConfig> result = readWith("{server: {http: {listen: ''}, socks5: {listen: ''}}}");

        assertThat(texts(result)).containsExactly(
                "error: server: at least one proxy listener (server.http.listen or server.socks5.listen) must be set");
    }

    @Test
    void read_tlsEnabled_isAnErrorAndTheBlockIsKept() {
        ConfigResult<ServerConfig> result = readWith("""
                {server: {http: {listen: '127.0.0.1:7080', tls: {enabled: true, cert_file: c.pem}},
                          socks5: {listen: '127.0.0.1:7180', tls: {enabled: false, client_auth: sometimes}}}}""");

        assertThat(texts(result)).containsExactly(
                "error: server.http.tls.enabled: TLS listeners are not available in this version",
                "error: server.socks5.tls.client_auth: must be one of \"\", request, require_any, verify_if_given, "
                        + "require, got \"sometimes\"");
    }

    @Test
    void read_tlsDisabledBlock_isAccepted() {
        ServerConfig c = readWith("{server: {http: {listen: '127.0.0.1:7080', tls: {enabled: false, cert_file: c.pem,"
                + " key_file: k.pem, client_auth: require, client_ca_file: ca.pem}}}}").orElseThrow();

        assertThat(c.server().http().tls()).isEqualTo(new TlsConfig(false, "c.pem", "k.pem", "require", "ca.pem"));
        assertThat(c.server().socks5().tls()).isNull();
    }

    @Test
    void read_listenersOnTheSameSocket_areAnErrorAtTheLaterOne() {
        ConfigResult<ServerConfig> result = readWith("""
                {server: {http: {listen: '127.0.0.1:7080'}, socks5: {listen: '127.0.0.1:7080'}},
                 api: {listen: '127.0.0.1:7082'}, metrics: {listen: ':7082'}}""");

        assertThat(texts(result)).containsExactly(
                "error: server.socks5.listen: address \"127.0.0.1:7080\" is already used by server.http.listen",
                "error: metrics.listen: address \":7082\" is already used by api.listen");
    }

    @Test
    void read_portZeroAndDisabledListeners_neverClash() {
        ConfigResult<ServerConfig> result = readWith("""
                {server: {http: {listen: '127.0.0.1:0'}, socks5: {listen: '127.0.0.1:0'}},
                 api: {listen: '127.0.0.1:0'}, metrics: {listen: '127.0.0.1:7080', enabled: false}}""");

        assertThat(result.problems()).isEmpty();
    }

    @Test
    void read_rateLimitRules() {
        ConfigResult<ServerConfig> result = readWith("""
                {rate_limit: {enabled: true, requests_per_second: 0, burst_size: 0, per_ip: false, per_user: false,
                 bandwidth: {enabled: true, upload: '10 megabits', download: 100Mbps}}}""");

        assertThat(texts(result)).containsExactly(
                "warning: rate_limit: per_ip and per_user are both false; requests are limited per client IP",
                "error: rate_limit.requests_per_second: must be greater than 0, got 0",
                "error: rate_limit.burst_size: must be at least 1, got 0",
                "error: rate_limit.bandwidth.upload: invalid rate \"10 megabits\"");
    }

    @Test
    void read_rateLimitValues_areTyped() {
        ServerConfig c = readWith("""
                {rate_limit: {enabled: true, requests_per_second: 2.5, burst_size: 5, per_user: true,
                 bandwidth: {enabled: true, upload: 10Mbps, download: 1500}}}""").orElseThrow();

        assertThat(c.rateLimit()).isEqualTo(new RateLimitConfig(true, 2.5, 5, true, true,
                new RateLimitConfig.Bandwidth(true, 1_250_000, 1500)));
    }

    @Test
    void read_bandwidthEnabledWithoutRateLimit_warns() {
        assertThat(texts(readWith("{rate_limit: {bandwidth: {enabled: true, upload: 1MB/s}}}"))).containsExactly(
                "warning: rate_limit.bandwidth.enabled: bandwidth limits stay inactive while rate_limit.enabled is false");
    }

    @Test
    void read_accessLists_acceptAddressesAndBlocks() {
        ConfigResult<ServerConfig> result = readWith(
                "{access_control: {whitelist: ['10.0.0.0/8', '192.0.2.7', '2001:db8::/32', '10.1.2.3/8'],"
                + " blacklist: ['10.0.0.0/33', bad]}}");

        assertThat(texts(result)).containsExactly(
                "warning: access_control.whitelist[3]: CIDR block \"10.1.2.3/8\" has host bits set; it is read as 10.0.0.0/8",
                "error: access_control.blacklist[0]: invalid address or CIDR block \"10.0.0.0/33\": prefix length 33 out of range 0-32",
                "error: access_control.blacklist[1]: invalid address or CIDR block \"bad\": malformed address \"bad\"");
    }

    @Test
    void read_accessLists_typed() {
        ServerConfig c = readWith("{access_control: {whitelist: ['10.0.0.0/8', '192.0.2.7']}}").orElseThrow();

        assertThat(c.accessControl().whitelist())
                .containsExactly(CidrBlock.parse("10.0.0.0/8"), CidrBlock.parse("192.0.2.7/32"));
        assertThat(c.accessControl().blacklist()).isEmpty();
    }

    @Test
    void read_serviceSectionRules() {
        ConfigResult<ServerConfig> result = readWith("""
                {access_log: {format: xml, output: ''},
                 logging: {format: yaml, time_format: 'yyyy-MM-dd{'},
                 metrics: {listen: '127.0.0.1:7090', collection_interval: 500ms},
                 network: {dial_timeout: 0s, ipv6: no},
                 auto_update: {check_interval: 30m, channel: nightly}}""");

        // metrics keeps its place of the base tree, before the sections added after it
        assertThat(texts(result)).containsExactly(
                "error: metrics.collection_interval: must be at least 1s",
                "error: access_log.format: must be one of json, apache, combined, common, got \"xml\"",
                "error: access_log.output: must be stdout, stderr or a file path, got \"\"",
                "error: logging.format: must be one of text, json, got \"yaml\"",
                "error: logging.time_format: invalid time format \"yyyy-MM-dd{\": Pattern includes reserved character: '{'",
                "error: network.dial_timeout: must be greater than 0",
                "error: network.ipv6: must be true or false, got \"no\"",
                "error: auto_update.check_interval: must be at least 1h",
                "error: auto_update.channel: must be one of stable, prerelease, got \"nightly\"");
    }

    @Test
    void read_serviceSections_typed() {
        ServerConfig c = readWith("""
                {access_log: {enabled: false, format: combined, output: /var/log/bifrost/access.log},
                 logging: {level: debug, format: json, output: stderr, max_size_mb: 10, max_backups: 3},
                 network: {ipv6: false, prefer_ipv6: true, keepalive: 0s, dial_timeout: 5s, max_connections: 10,
                           allow_loopback_destinations: true},
                 web_ui: {enabled: true, listen: '127.0.0.1:7081', base_path: /ui}}""").orElseThrow();

        assertThat(c.accessLog()).isEqualTo(new AccessLogConfig(false, AccessLogConfig.Format.COMBINED,
                "/var/log/bifrost/access.log"));
        assertThat(c.logging()).isEqualTo(new LoggingConfig(LoggingConfig.Level.DEBUG, LoggingConfig.Format.JSON,
                "stderr", LoggingConfig.DEFAULT_TIME_FORMAT, 10, 3));
        assertThat(c.network()).isEqualTo(new NetworkConfig(false, true, Duration.ZERO, Duration.ofSeconds(5), 10,
                true));
        assertThat(c.network().ipv6Enabled()).isFalse();
        assertThat(c.webUi()).isEqualTo(new WebUiConfig(true, ListenAddress.parse("127.0.0.1:7081"), "/ui"));
    }

    @Test
    void read_laterPhaseSections_enabledGivesErrorsOrWarnings() {
        ConfigResult<ServerConfig> result = readWith("""
                {auto_update: {enabled: true},
                 cache: {enabled: true, default_ttl: 30d, storage: {type: tiered}, colour: red},
                 mitm: {enabled: true, leaf_ttl: 24h},
                 session: {store: memory, redis: {password: x}},
                 mesh: {enabled: true, state_path: /var/lib/bifrost/mesh.json}}""");

        assertThat(texts(result)).containsExactly(
                "warning: auto_update.enabled: update checks are not available in this version",
                "warning: cache.enabled: the cache is not available in this version and is ignored",
                "warning: cache.colour: unknown key",
                "error: mitm.enabled: TLS interception is not available in this version");
        assertThat(result.problems()).noneMatch(p -> p.section().equals("mesh") || p.section().equals("session"));
    }

    @Test
    void read_laterPhaseSections_keptVerbatim() {
        ServerConfig c = readWith("{cache: {default_ttl: 30d, storage: {type: tiered}}, mesh: {enabled: false}}")
                .orElseThrow();

        assertThat(c.cache().raw()).isEqualTo(TestTrees.parse("{default_ttl: 30d, storage: {type: tiered}}"));
        assertThat(c.cache().enabled()).isFalse();
        assertThat(c.mesh().enabled()).isFalse();
    }

    @Test
    void problem_textAndJsonMembers() {
        ConfigProblem p = ConfigProblem.error("routes[2].backend", "unknown backend \"wg\"");

        assertThat(p).hasToString("routes[2].backend: unknown backend \"wg\"");
        assertThat(p.section()).isEqualTo("routes");
        assertThat(p.severity().wireName()).isEqualTo("error");
        assertThat(ConfigProblem.warning("(root)", "x").section()).isEqualTo("(root)");
        assertThat(ConfigProblem.warning("api.token", "x").section()).isEqualTo("api");
    }
}
