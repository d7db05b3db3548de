package io.bifrost.app.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.bifrost.adapters.vertx.runtime.BuildInfo;
import org.junit.jupiter.api.Test;

/** The build facts this module's build stamps into {@code bifrost-version.properties} ([CFG-205], [SAPI-011]). */
class BuildFactsTest {

    @Test
    void load_readsTheFilteredBuildFacts() {
        BuildInfo build = BuildInfo.load();

        assertThat(build.version()).isEqualTo("1.0.0-SNAPSHOT");
        assertThat(build.gitCommit()).isNotBlank().doesNotContain("${");
        assertThat(build.buildTime()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{3})?Z");
        assertThat(build.javaVersion()).matches("\\d+(\\.\\d+)*")
                .startsWith(String.valueOf(Runtime.version().feature()));
    }
}
