package io.bifrost.core.config;

import static io.bifrost.core.config.ServerTrees.readWith;
import static io.bifrost.core.config.ServerTrees.texts;
import static org.assertj.core.api.Assertions.assertThat;

import io.bifrost.core.net.IpAddress;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BackendsReaderTest {
    private static final String WG_MESSAGE = "backend type \"wireguard\" is not supported by this version of "
            + "Bifrost; run the tunnel outside Bifrost (for example a WireGuard-to-SOCKS5 sidecar) and point a "
            + "socks5_proxy backend at it";

    @Test
    void read_noBackends_isAnError() {
        assertThat(texts(readWith("{backends: [], routes: []}")))
                .containsExactly("error: backends: at least one backend must be configured");
    }

    @Test
    void read_typedSettingsPerType() {
        ServerConfig c = readWith("""
                {backends: [
                  {name: direct, type: direct, config: {connect_timeout: 5s, keep_alive: 0s, local_addr: 192.0.2.10}},
                  {name: corp, type: http_proxy, priority: 3, weight: 5,
                   config: {address: '198.51.100.20:3128', username: alice, password: s3cret, connect_timeout: 10s}},
                  {name: tor, type: socks5, enabled: false, config: {address: '[::1]:9050'}}]}""").orElseThrow();

        assertThat(c.backends()).extracting(BackendConfig::name).containsExactly("direct", "corp", "tor");
        BackendConfig direct = c.backends().get(0);
        assertThat(direct.settings()).isEqualTo(new BackendSettings.Direct(Duration.ofSeconds(5), Duration.ZERO,
                IpAddress.parse("192.0.2.10").orElseThrow()));
        assertThat(direct.enabled()).isTrue();
        assertThat(direct.weight()).isZero();
        assertThat(direct.effectiveWeight()).isEqualTo(1);
        BackendConfig corp = c.backends().get(1);
        assertThat(corp.type()).isEqualTo(BackendType.HTTP_PROXY);
        assertThat(corp.settings()).isEqualTo(new BackendSettings.HttpProxy(HostPort.parse("198.51.100.20:3128"),
                "alice", "s3cret", Duration.ofSeconds(10)));
        assertThat(corp.settings().toString()).doesNotContain("s3cret");
        assertThat(corp.priority()).isEqualTo(3);
        assertThat(corp.effectiveWeight()).isEqualTo(5);
        assertThat(corp.upstreamAddress()).hasToString("198.51.100.20:3128");
        BackendConfig tor = c.backends().get(2);
        assertThat(tor.type()).as("alias normalised").isEqualTo(BackendType.SOCKS5_PROXY);
        assertThat(tor.type().wireName()).isEqualTo("socks5_proxy");
        assertThat(tor.enabled()).isFalse();
        assertThat(tor.settings()).isEqualTo(new BackendSettings.Socks5Proxy(HostPort.parse("[::1]:9050"), "", "",
                null));
        assertThat(tor.rawConfig()).isEqualTo(Map.of("address", "[::1]:9050"));
    }

    @Test
    void read_directWithoutConfig_inheritsNetworkDefaults() {
        BackendConfig direct = readWith("{}").orElseThrow().backends().get(0);

        assertThat(direct.settings()).isEqualTo(BackendSettings.Direct.defaults());
        assertThat(direct.rawConfig()).isEmpty();
    }

    @Test
    void read_nameRules() {
        ConfigResult<ServerConfig> result = readWith("""
                {backends: [{name: direct, type: direct}, {type: direct}, {name: 'a b', type: direct},
                            {name: all, type: direct}, {name: direct, type: direct}, {name: '-x', type: direct},
                            {name: %s, type: direct}]}""".formatted("x".repeat(65)));

        assertThat(texts(result)).containsExactly(
                "error: backends[1].name: required",
                "error: backends[2].name: invalid name \"a b\" (expected 1-64 characters from A-Z a-z 0-9 . _ -, "
                        + "starting with a letter or digit)",
                "error: backends[3].name: name \"all\" is reserved",
                "error: backends[4].name: duplicate backend name \"direct\"",
                "error: backends[5].name: invalid name \"-x\" (expected 1-64 characters from A-Z a-z 0-9 . _ -, "
                        + "starting with a letter or digit)",
                "error: backends[6].name: invalid name \"" + "x".repeat(65) + "\" (expected 1-64 characters from "
                        + "A-Z a-z 0-9 . _ -, starting with a letter or digit)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "any", "cache"})
    void read_reservedNames_areErrors(String name) {
        assertThat(texts(readWith("{backends: [{name: direct, type: direct}, {name: " + name + ", type: direct}]}")))
                .containsExactly("error: backends[1].name: name \"" + name + "\" is reserved");
    }

    @Test
    void read_typeRules() {
        ConfigResult<ServerConfig> result = readWith("""
                {backends: [{name: direct, type: direct}, {name: x}, {name: y, type: socks},
                            {name: z, type: Direct}]}""");

        assertThat(texts(result)).containsExactly(
                "error: backends[1].type: required",
                "error: backends[2].type: unknown backend type \"socks\"; expected one of direct, http_proxy, "
                        + "socks5_proxy",
                "error: backends[3].type: unknown backend type \"Direct\"; expected one of direct, http_proxy, "
                        + "socks5_proxy");
    }

    @Test
    void read_enabledUnsupportedType_isAnErrorWithTheSpecMessage() {
        ConfigResult<ServerConfig> result = readWith("""
                {backends: [{name: direct, type: direct},
                            {name: wg-tunnel, type: wireguard, config: {private_key: K, mtu: 1420}}]}""");

        assertThat(texts(result)).containsExactly("error: backends[1].type: " + WG_MESSAGE);
    }

    @Test
    void read_disabledUnsupportedType_isAWarningAndItsConfigIsKeptVerbatim() {
        ConfigResult<ServerConfig> result = readWith("""
                {backends: [{name: direct, type: direct},
                            {name: wg-tunnel, type: wireguard, enabled: false,
                             config: {private_key: K, peer: {endpoint: 'vpn.example.com:51820'}}}]}""");

        assertThat(texts(result)).containsExactly("warning: backends[1].type: " + WG_MESSAGE);
        BackendConfig wg = result.orElseThrow().backends().get(1);
        assertThat(wg.type()).isEqualTo(BackendType.WIREGUARD);
        assertThat(wg.settings()).isEqualTo(new BackendSettings.Unsupported(
                TestTrees.map("{private_key: K, peer: {endpoint: 'vpn.example.com:51820'}}")));
    }

    @Test
    void read_configRules() {
        ConfigResult<ServerConfig> result = readWith("""
                {backends: [{name: direct, type: direct, config: {local_addr: eth0, connect_timeout: 0s}},
                            {name: corp, type: http_proxy, config: {adress: 'p:3128'}},
                            {name: socks, type: socks5_proxy, config: {address: 'p:1080', user: bob}}]}""");

        assertThat(texts(result)).containsExactly(
                "error: backends[0].config.local_addr: must be an IP address, got \"eth0\"",
                "error: backends[0].config.connect_timeout: must be greater than 0",
                "warning: backends[1].config.adress: unknown key for type http_proxy",
                "error: backends[1].config.address: required for type http_proxy",
                "warning: backends[2].config.user: unknown key for type socks5_proxy");
    }

    @Test
    void read_configValuesFromTheJsonApi_mayBeStringsForIntegersAndDurations() {
        ConfigResult<ServerConfig> result = readWith("""
                {backends: [{name: direct, type: direct, priority: '10', weight: '2', enabled: true,
                             config: {connect_timeout: '5s'}}]}""");

        BackendConfig direct = result.orElseThrow().backends().get(0);
        assertThat(direct.priority()).isEqualTo(10);
        assertThat(direct.weight()).isEqualTo(2);
    }

    @Test
    void read_negativeWeight_isAnError() {
        assertThat(texts(readWith("{backends: [{name: direct, type: direct, weight: -1}]}")))
                .containsExactly("error: backends[0].weight: must be at least 0, got -1");
    }
}
