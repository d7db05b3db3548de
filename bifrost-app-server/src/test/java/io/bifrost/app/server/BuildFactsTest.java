package io.bifrost.app.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.bifrost.adapters.vertx.runtime.BuildInfo;
import io.bifrost.adapters.vertx.runtime.Platform;
import org.junit.jupiter.api.Test;

/** The build facts this module's build stamps into {@code bifrost-version.properties} ([CFG-205], [SAPI-011]). */
class BuildFactsTest {

    @Test
    void fromClasspath_readsTheFilteredBuildFacts() {
        BuildInfo build = BuildInfo.fromClasspath();

        assertThat(build.version()).isEqualTo("1.0.0-SNAPSHOT");
        assertThat(build.gitCommit()).isNotBlank().doesNotContain("${");
        assertThat(build.buildTimeText()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");
        assertThat(build.versionLine("bifrost-server"))
                .contains("java " + Platform.javaVersion()).contains(Platform.current());
    }
}
