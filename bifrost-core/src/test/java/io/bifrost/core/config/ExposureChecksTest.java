package io.bifrost.core.config;

import static io.bifrost.core.config.ServerTrees.readWith;
import static io.bifrost.core.config.ServerTrees.texts;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExposureChecksTest {

    @Test
    void server_openProxyOnAllInterfaces_warnsPerListener() {
        ConfigResult<ServerConfig> result = readWith("{server: {http: {listen: ':7080'}, socks5: {listen: '10.0.0.5:7180'}}}");

        assertThat(texts(result)).containsExactly(
                "warning: server.http.listen: proxy accepts unauthenticated clients on all interfaces (\":7080\")",
                "warning: server.socks5.listen: proxy accepts unauthenticated clients on a non-loopback address "
                        + "(\"10.0.0.5:7180\")");
        assertThat(result.isValid()).isTrue();
    }

    @Test
    void server_defaultListeners_warnAtTheirPathsEvenWhenAbsent() {
        ConfigResult<ServerConfig> result = ServerTrees.read(TestTrees.parse(
                "{backends: [{name: direct, type: direct}], routes: []}"));

        assertThat(texts(result)).containsExactly(
                "warning: server.http.listen: proxy accepts unauthenticated clients on all interfaces (\":7080\")",
                "warning: server.socks5.listen: proxy accepts unauthenticated clients on all interfaces (\":7180\")",
                "warning: api.listen: management API is reachable from the network without a token");
    }

    @Test
    void server_authenticationOrWhitelist_silencesTheProxyWarning() {
        String hash = "$2a$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW";
        assertThat(readWith("{server: {http: {listen: ':7080'}}, auth: {providers: [{name: s, type: native, config:"
                + " {users: [{username: a, password_hash: '" + hash + "'}]}}]}}").problems()).isEmpty();
        assertThat(readWith("{server: {http: {listen: ':7080'}}, access_control: {whitelist: ['10.0.0.0/8']}}")
                .problems()).isEmpty();
    }

    @Test
    void server_noneProviderOnly_stillCountsAsUnauthenticated() {
        assertThat(texts(readWith("{server: {http: {listen: ':7080'}, socks5: {listen: ''}},"
                + " auth: {providers: [{name: d, type: none}]}}")))
                .containsExactly("warning: server.http.listen: proxy accepts unauthenticated clients on all "
                        + "interfaces (\":7080\")");
    }

    @Test
    void server_apiOnTheNetwork_needsAToken() {
        assertThat(texts(readWith("{api: {listen: '0.0.0.0:7082'}}"))).containsExactly(
                "warning: api.listen: management API is reachable from the network without a token");
        assertThat(readWith("{api: {listen: '0.0.0.0:7082', token: 0123456789abcdef}}").problems()).isEmpty();
        assertThat(readWith("{api: {listen: '0.0.0.0:7082', enabled: false}}").problems()).isEmpty();
        assertThat(readWith("{api: {listen: '[::1]:7082'}}").problems()).isEmpty();
    }

    @Test
    void server_shortToken_warnsWithoutQuotingIt() {
        ConfigResult<ServerConfig> result = readWith("{api: {listen: '127.0.0.1:7082', token: short-secret}}");

        assertThat(texts(result)).containsExactly("warning: api.token: token is shorter than 16 characters");
    }

    @Test
    void server_metricsOnAllInterfaces_isNotAWarning() {
        assertThat(readWith("{metrics: {listen: ':7090'}}").problems()).isEmpty();
    }
}
