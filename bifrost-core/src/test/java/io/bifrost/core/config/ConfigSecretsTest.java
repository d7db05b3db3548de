package io.bifrost.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConfigSecretsTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "api.token",
            "backends[0].config.password",
            "backends[3].config.private_key",
            "backends[1].config.peer.preshared_key",
            "backends[0].config.upstream_secret",
            "backends[0].config.proxy_password",
            "auth.providers[1].config.users[0].password_hash",
            "auth.providers[0].config.bind_password",
            "auth.providers[0].config.client_secret",
            "auth.providers[0].config.hmac_secret",
            "auth.providers[0].config.keys[2].key_hash",
            "auth.providers[0].config.keys[2].key_plain",
            "auth.providers[0].config.keytab_base64",
            "auth.providers[0].config.access_token",
            "session.redis.password",
            "server.password",
            "servers[2].password",
            "mesh.discovery.token",
            "mesh.security.private_key",
            "mesh.turn.servers[0].password",
    })
    void isSecret_sec080Paths_areSecret(String path) {
        assertThat(ConfigSecrets.isSecret(path)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "api.listen",
            "backends[0].config.username",
            "backends[0].password",
            "backends[0].name",
            "auth.providers[0].config.users[0].username",
            "server.username",
            "logging.password",
            "token",
            "mesh.token",
    })
    void isSecret_otherPaths_areNot(String path) {
        assertThat(ConfigSecrets.isSecret(path)).isFalse();
    }

    @Test
    void mask_nonEmptySecretsBecomeStarsEmptyOnesStay() {
        Object tree = TestTrees.parse("""
                {api: {token: abc, listen: ':7082'},
                 backends: [{name: a, config: {username: u, password: p}}, {name: b, config: {password: ''}}],
                 auth: {providers: [{name: n, config: {users: [{username: alice, password_hash: h}]}}]},
                 session: {redis: {password: null}}}""");

        Object masked = ConfigSecrets.mask(tree);

        assertThat(masked).isEqualTo(TestTrees.parse("""
                {api: {token: '********', listen: ':7082'},
                 backends: [{name: a, config: {username: u, password: '********'}}, {name: b, config: {password: ''}}],
                 auth: {providers: [{name: n, config: {users: [{username: alice, password_hash: '********'}]}}]},
                 session: {redis: {password: null}}}"""));
        assertThat(tree).extracting("api").extracting("token").isEqualTo("abc");
    }

    @Test
    void hasLiteralSecret_clearValuesOnly() {
        assertThat(ConfigSecrets.hasLiteralSecret(Map.of("api", Map.of("token", "s3cret"))))
                .isTrue();
        assertThat(ConfigSecrets.hasLiteralSecret(Map.of("backends", List.of(
                Map.of("name", "up", "config", Map.of("password", "hunter2")))))).isTrue();
        assertThat(ConfigSecrets.hasLiteralSecret(Map.of("api", Map.of("token", "${TOKEN}"))))
                .isFalse();
        assertThat(ConfigSecrets.hasLiteralSecret(Map.of("api", Map.of("token", ""))))
                .isFalse();
        assertThat(ConfigSecrets.hasLiteralSecret(Map.of("api", Map.of("listen", "x"))))
                .isFalse();
    }
}
