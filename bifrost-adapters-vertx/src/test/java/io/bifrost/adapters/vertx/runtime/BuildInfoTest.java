package io.bifrost.adapters.vertx.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BuildInfoTest {

    @ParameterizedTest(name = "{0} {1} → {2}")
    @CsvSource({
            "Linux,       amd64,   linux/amd64",
            "Linux,       x86_64,  linux/amd64",
            "Linux,       aarch64, linux/arm64",
            "Linux,       arm,     linux/arm",
            "Linux,       i386,    linux/386",
            "Linux,       x86,     linux/386",
            "Linux,       riscv64, linux/riscv64",
            "Linux,       ppc64le, linux/ppc64le",
            "Linux,       s390x,   linux/s390x",
            "Mac OS X,    aarch64, darwin/arm64",
            "Mac OS X,    x86_64,  darwin/amd64",
            "Windows 11,  amd64,   windows/amd64",
            "FreeBSD,     amd64,   freebsd/amd64",
    })
    void platform_mapsJavaNamesToTheSpecVocabulary(String osName, String osArch, String expected) {
        assertThat(Platform.of(osName, osArch)).isEqualTo(expected);
    }

    @Test
    void versionLine_hasTheShapeOfCfg205() {
        BuildInfo build = new BuildInfo("1.4.0", "3f9c2ab", Instant.parse("2025-03-01T12:00:00Z"));

        assertThat(build.versionLine("bifrost-server", "21.0.6", "linux/amd64")).isEqualTo(
                "bifrost-server 1.4.0 (commit 3f9c2ab, built 2025-03-01T12:00:00.000Z, java 21.0.6, linux/amd64)");
    }

    @Test
    void buildTimeText_unknownBuild_saysUnknown() {
        assertThat(BuildInfo.unknown().buildTimeText()).isEqualTo("unknown");
        assertThat(BuildInfo.unknown().version()).isEqualTo("0.0.0-unknown");
    }
}
