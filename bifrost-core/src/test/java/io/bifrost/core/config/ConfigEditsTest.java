package io.bifrost.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The merge of [SAPI-173]/[SAPI-174]: sections replace sections, secrets are kept ([CFG-097], [SEC-080]). */
class ConfigEditsTest {
    private static final String HASH = "$2a$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy";
    private static final EnvLookup ENV = EnvLookup.of(Map.of("CORP_PASS", "from-env", "RPS", "250"));

    private final ServerConfig current = ServerConfigReader.read(ServerTrees.with("""
            {backends: [{name: direct, type: direct},
                        {name: corp, type: http_proxy,
                         config: {address: 'h:3128', username: svc, password: '${CORP_PASS}'}}],
             routes: [{domains: ['*'], backend: direct}],
             rate_limit: {enabled: true, burst_size: 50},
             auth: {providers: [{name: staff, type: native,
                     config: {users: [{username: alice, password_hash: '%s'}]}}]},
             api: {listen: '127.0.0.1:7082', token: 'literal-$${not-a-ref}-token'}}""".formatted(HASH)), ENV)
            .orElseThrow();

    private ServerConfig merged(String submitted) {
        ConfigResult<ServerConfig> r = ServerConfigReader.read(
                ConfigEdits.mergeSections(current, TestTrees.map(submitted)), ENV);
        assertThat(r.errors()).isEmpty();
        return r.config();
    }

    @Test
    void mergeSections_absentSectionsKeepTheirValues_presentOnesReplaceWithDefaultsForMissingKeys() {
        ServerConfig next = merged("{rate_limit: {requests_per_second: 20}}");

        assertThat(next.rateLimit().requestsPerSecond()).isEqualTo(20);
        assertThat(next.rateLimit().enabled()).as("missing key takes its default").isFalse();
        assertThat(next.rateLimit().burstSize()).isEqualTo(200);
        assertThat(ConfigSections.changed(current, next)).containsExactly(ServerSection.RATE_LIMIT);
    }

    @Test
    void mergeSections_currentValuesWithDollarBrace_areNotExpandedAgain() {
        ServerConfig next = merged("{}");

        assertThat(next.api().token()).isEqualTo("literal-${not-a-ref}-token");
        assertThat(ConfigSections.changed(current, next)).isEmpty();
    }

    @Test
    void mergeSections_submittedReferences_areExpanded() {
        ServerConfig next = merged("{rate_limit: {enabled: true, requests_per_second: '${RPS}'}}");

        assertThat(next.rateLimit().requestsPerSecond()).isEqualTo(250);
    }

    @Test
    void mergeSections_maskedAndMissingSecrets_keepStoredValues_emptyClears() {
        ServerConfig next = merged("""
                {backends: [{name: corp, type: http_proxy, config: {address: 'h:3128', username: svc}},
                            {name: direct, type: direct}],
                 auth: {providers: [{name: staff, type: native,
                         config: {users: [{username: alice, password_hash: '********', groups: [ops]}]}}]},
                 api: {listen: '127.0.0.1:7082', token: ''}}""");

        assertThat(((BackendSettings.HttpProxy) next.backend("corp").orElseThrow().settings()).password())
                .isEqualTo("from-env");
        assertThat(next.auth().providers().get(0).users().get(0).passwordHash()).isEqualTo(HASH);
        assertThat(next.auth().providers().get(0).users().get(0).groups()).containsExactly("ops");
        assertThat(next.api().token()).isEmpty();
    }

    @Test
    void mergeSections_entriesMatchByNameNotPosition_newEntriesKeepTheirMask() {
        Map<String, Object> tree = ConfigEdits.mergeSections(current, TestTrees.map("""
                {backends: [{name: other, type: http_proxy, config: {address: 'o:1', password: '********'}},
                            {name: corp, type: http_proxy, config: {address: 'h:3128', password: '********'}}]}"""));

        List<?> backends = (List<?>) tree.get("backends");
        assertThat(((Map<?, ?>) ((Map<?, ?>) backends.get(0)).get("config")).get("password")).isEqualTo("********");
        assertThat(((Map<?, ?>) ((Map<?, ?>) backends.get(1)).get("config")).get("password")).isEqualTo("from-env");
    }

    @Test
    void mergeSections_unknownTopLevelKeys_arePassedOnAndWarned() {
        ConfigResult<ServerConfig> r = ServerConfigReader.read(
                ConfigEdits.mergeSections(current, TestTrees.map("{rate_limitt: {enabled: true}}")), ENV);

        assertThat(ServerTrees.texts(r)).contains("warning: rate_limitt: unknown key");
    }
}
