package io.bifrost.core.client;

import static io.bifrost.core.client.ClientConfigs.named;
import static io.bifrost.core.client.ClientConfigs.server;
import static io.bifrost.core.client.ClientConfigs.with;
import static org.assertj.core.api.Assertions.assertThat;

import io.bifrost.core.config.ClientConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

/** [CAPI-040]: the list of upstreams and which one is active. */
class ClientUpstreamsTest {

    @Test
    void of_serverAddressAndNamedServers_defaultFirstThenFileOrder() {
        ClientUpstreams u = ClientUpstreams.of(with(server("proxy.example.com:7080"),
                List.of(named("eu", "eu.example.com:7080", false), named("us", "us.example.com:7180", false)),
                List.of()));

        assertThat(u.all()).extracting(UpstreamServer::name).containsExactly("default", "eu", "us");
        assertThat(u.active()).map(UpstreamServer::name).contains("default");
        assertThat(u.all().get(0).username()).isEqualTo("alice");
    }

    @Test
    void of_namedDefault_winsOverTheServerSection() {
        ClientUpstreams u = ClientUpstreams.of(with(server("proxy.example.com:7080"),
                List.of(named("eu", "eu.example.com:7080", false), named("us", "us.example.com:7180", true)),
                List.of()));

        assertThat(u.active()).map(UpstreamServer::name).contains("us");
        assertThat(u.isActive("us")).isTrue();
        assertThat(u.isActive("default")).isFalse();
    }

    @Test
    void of_noServerAddress_firstNamedServerIsActive() {
        ClientUpstreams u = ClientUpstreams.of(with(server(null),
                List.of(named("eu", "eu.example.com:7080", false), named("us", "us.example.com:7180", false)),
                List.of()));

        assertThat(u.all()).extracting(UpstreamServer::name).containsExactly("eu", "us");
        assertThat(u.active()).map(UpstreamServer::name).contains("eu");
    }

    @Test
    void of_directOnlyClient_hasNoUpstream() {
        ClientUpstreams u = ClientUpstreams.of(ClientConfig.defaults());

        assertThat(u.all()).isEmpty();
        assertThat(u.active()).isEmpty();
        assertThat(u.find("default")).isEmpty();
    }

    @Test
    void toString_masksThePassword() {
        UpstreamServer s = ClientUpstreams.of(with(server("proxy.example.com:7080"), List.of(), List.of()))
                .active().orElseThrow();

        assertThat(s.toString()).doesNotContain("s3cret").contains("********");
    }
}
