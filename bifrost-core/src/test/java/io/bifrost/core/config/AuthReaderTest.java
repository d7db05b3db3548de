package io.bifrost.core.config;

import static io.bifrost.core.config.ServerTrees.readWith;
import static io.bifrost.core.config.ServerTrees.texts;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuthReaderTest {
    private static final String HASH12 = "$2a$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW";
    private static final String HASH08 = "$2b$08$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW";

    @Test
    void read_nativeProviderWithTypedUsers() {
        ServerConfig c = ServerConfigReader.read(ServerTrees.with("""
                {auth: {providers: [
                  {name: staff, type: native, priority: 1, config: {users: [
                    {username: alice, password_hash: '%s', groups: [ops], email: a@example.com, full_name: Alice},
                    {username: bob, password_hash: '${BOB_PASSWORD_HASH}', disabled: true}]}}]}}""".formatted(HASH12)),
                EnvLookup.of(Map.of("BOB_PASSWORD_HASH", HASH12))).orElseThrow();

        AuthProviderConfig staff = c.auth().providers().get(0);
        assertThat(staff.type()).isEqualTo(AuthProviderType.NATIVE);
        assertThat(staff.enabled()).isTrue();
        assertThat(staff.priority()).isEqualTo(1);
        assertThat(staff.users()).containsExactly(
                new NativeUser("alice", HASH12, List.of("ops"), "a@example.com", "Alice", false),
                new NativeUser("bob", HASH12, List.of(), "", "", true));
        assertThat(staff.toString()).doesNotContain(HASH12);
        assertThat(c.auth().authenticationRequired()).isTrue();
        assertThat(c.auth().activeProviders()).containsExactly(staff);
    }

    @Test
    void read_userRules() {
        ConfigResult<ServerConfig> result = readWith("""
                {auth: {providers: [{name: staff, type: native, config: {users: [
                   {password_hash: '%1$s'},
                   {username: bob, password_hash: 'plain-text'},
                   {username: carol},
                   {username: dave, password_hash: '%2$s'},
                   {username: dave, password_hash: '%1$s'},
                   {username: erin, password_hash: '$2a$03$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW'}],
                  realm: x}}]}}""".formatted(HASH12, HASH08));

        String shape = "must be a bcrypt hash ($2a$, $2b$ or $2y$, cost 04-31, 60 characters)";
        assertThat(texts(result)).containsExactly(
                "error: auth.providers[0].config.users[0].username: required",
                "error: auth.providers[0].config.users[1].password_hash: " + shape,
                "error: auth.providers[0].config.users[2].password_hash: required",
                "warning: auth.providers[0].config.users[3].password_hash: bcrypt cost 08 is below 10; hashes this "
                        + "cheap can be brute-forced",
                "error: auth.providers[0].config.users[4].username: duplicate username \"dave\"",
                "error: auth.providers[0].config.users[5].password_hash: " + shape,
                "warning: auth.providers[0].config.realm: unknown key");
        assertThat(texts(result)).noneMatch(t -> t.contains("plain-text"));
    }

    @Test
    void read_providerRules() {
        ConfigResult<ServerConfig> result = readWith("""
                {auth: {providers: [
                  {type: none},
                  {name: a, type: native},
                  {name: a, type: none, enabled: false},
                  {name: w, type: ntlm},
                  {name: l, type: ldap, config: {url: 'ldap://x'}},
                  {name: j, type: jwt, enabled: false, config: {hmac_secret: s}},
                  {name: k, type: kerb},
                  {name: t}]}}""");

        assertThat(texts(result)).containsExactly(
                "error: auth.providers[0].name: required",
                "error: auth.providers[2].name: duplicate provider name \"a\"",
                "error: auth.providers[3].type: ntlm is not supported",
                "error: auth.providers[4].type: provider type \"ldap\" is not available in this version",
                "error: auth.providers[6].type: unknown provider type \"kerb\"; expected one of none, native",
                "error: auth.providers[7].type: required");
    }

    @Test
    void read_legacyLayouts_areErrorsWithAMigrationHint() {
        ConfigResult<ServerConfig> result = readWith("""
                {auth: {mode: native, native: {users: []}, ldap: {url: x},
                        providers: [{name: p, type: none}, {name: q, type: native, system: {x: 1}}]}}""");

        assertThat(texts(result)).containsExactly(
                "error: auth.mode: no longer supported; list providers under auth.providers",
                "error: auth.native: no longer supported; move it to auth.providers[].config",
                "error: auth.ldap: no longer supported; move it to auth.providers[].config",
                "warning: auth.providers[0]: provider \"p\" of type none is ignored because other providers are "
                        + "enabled",
                "error: auth.providers[1].system: no longer supported; use auth.providers[1].config");
    }

    @Test
    void read_noneProviderNextToOthers_isIgnoredWithAWarning() {
        ConfigResult<ServerConfig> result = readWith("""
                {auth: {providers: [{name: default, type: none},
                                    {name: staff, type: native, config: {users: []}}]}}""");

        assertThat(texts(result)).containsExactly(
                "warning: auth.providers[0]: provider \"default\" of type none is ignored because other providers "
                        + "are enabled");
        AuthConfig auth = result.orElseThrow().auth();
        assertThat(auth.authenticationRequired()).isTrue();
        assertThat(auth.activeProviders()).extracting(AuthProviderConfig::name).containsExactly("staff");
    }

    @Test
    void read_onlyNoneProviders_meansNoAuthentication() {
        AuthConfig auth = readWith("{auth: {providers: [{name: default, type: none}]}}").orElseThrow().auth();

        assertThat(auth.authenticationRequired()).isFalse();
        assertThat(auth.activeProviders()).isEmpty();
    }

    @Test
    void read_activeProviders_lowerPriorityFirstTiesInFileOrder() {
        AuthConfig auth = readWith("""
                {auth: {providers: [{name: b, type: native, priority: 5}, {name: a, type: native, priority: 1},
                                    {name: c, type: native, priority: 5}, {name: off, type: native, enabled: false,
                                    priority: 0}]}}""").orElseThrow().auth();

        assertThat(auth.activeProviders()).extracting(AuthProviderConfig::name).containsExactly("a", "b", "c");
    }

    @Test
    void read_negotiateEnabled_isAnError() {
        ConfigResult<ServerConfig> result = readWith("{auth: {negotiate: {enabled: true, keytab: /etc/krb5.keytab}}}");

        assertThat(texts(result)).containsExactly(
                "error: auth.negotiate.enabled: Negotiate authentication is not available in this version");
    }
}
