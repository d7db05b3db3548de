package io.bifrost.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Section diffs after normalisation ([CFG-091] step 2) and the running configuration of [CFG-081]. */
class ConfigSectionsTest {

    @Test
    void changed_formattingAliasesAndSpellings_areNotChanges() {
        ServerConfig a = ServerTrees.readWith("""
                {server: {http: {listen: '127.0.0.1:7080', read_timeout: '30s'}, socks5: {listen: '127.0.0.1:7180'}},
                 backends: [{name: corp, type: http_proxy, config: {address: 'h:3128', connect_timeout: '10s'}}],
                 routes: [{domains: ['*'], backend: corp}],
                 rate_limit: {bandwidth: {upload: '10Mbps'}}}""").orElseThrow();
        ServerConfig b = ServerTrees.readWith("""
                {rate_limit: {bandwidth: {upload: '1250000'}},
                 routes: [{name: route-1, domains: ['*'], backend: corp}],
                 backends: [{name: corp, type: httpproxy, config: {connect_timeout: '10000ms', address: 'h:3128'}}],
                 server: {socks5: {listen: '127.0.0.1:7180'}, http: {read_timeout: '0.5m', listen: '127.0.0.1:7080'}}}""")
                .orElseThrow();

        assertThat(ConfigSections.changed(a, b)).isEmpty();
    }

    @Test
    void changed_listsDifferingSectionsInCanonicalOrder() {
        ServerConfig a = ServerTrees.readWith("{}").orElseThrow();
        ServerConfig b = ServerTrees.readWith("""
                {network: {ipv6: false}, rate_limit: {enabled: true},
                 server: {http: {listen: '127.0.0.1:8080'}, socks5: {listen: '127.0.0.1:7180'}}}""").orElseThrow();

        assertThat(ConfigSections.changed(a, b))
                .containsExactly(ServerSection.SERVER, ServerSection.RATE_LIMIT, ServerSection.NETWORK);
        assertThat(ConfigSections.names(List.of(ServerSection.NETWORK, ServerSection.SERVER)))
                .containsExactly("server", "network");
    }

    @Test
    void replace_takesTheNamedSectionsFromTheOtherConfiguration() {
        ServerConfig running = ServerTrees.readWith("{}").orElseThrow();
        ServerConfig file = ServerTrees.readWith("""
                {rate_limit: {enabled: true}, network: {ipv6: false}}""").orElseThrow();

        ServerConfig next = ConfigSections.replace(running, file, List.of(ServerSection.RATE_LIMIT));

        assertThat(next.rateLimit().enabled()).isTrue();
        assertThat(next.network().ipv6()).isNull();
        assertThat(ConfigSections.changed(next, file)).containsExactly(ServerSection.NETWORK);
    }

    @Test
    void withBackends_replacesOnlyTheBackendList() {
        ServerConfig c = ServerTrees.readWith("{rate_limit: {enabled: true}}").orElseThrow();

        ServerConfig next = ConfigSections.withBackends(c, List.of());

        assertThat(next.backends()).isEmpty();
        assertThat(ConfigSections.changed(c, next)).containsExactly(ServerSection.BACKENDS);
    }
}
