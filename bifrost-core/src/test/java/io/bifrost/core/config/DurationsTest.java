package io.bifrost.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
            "30s, PT30S",
            "1h30m, PT1H30M",
            "1.5h, PT1H30M",
            "250ms, PT0.25S",
            "7d12h, PT180H",
            "0, PT0S",
            "0s, PT0S",
            "0.0, PT0S",
            "1m30s, PT1M30S",
            "30s1m, PT1M30S",          // parts in any order, summed
            "1s1s, PT2S",              // parts may repeat
            "100us, PT0.0001S",
            "100µs, PT0.0001S",
            "5ns, PT0.000000005S",
            ".5s, PT0.5S",
            "2d, PT48H",
    })
    void parse_specExamples_sumParts(String text, String expected) {
        assertThat(Durations.parse(text)).isEqualTo(Duration.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"30", "1.5", "+30"})
    void parse_bareNonZeroNumber_needsAUnit(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> Durations.parse(text))
                .withMessage("duration needs a unit, e.g. \"30s\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-5s", "-0s"})
    void parse_negative_isRejected(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> Durations.parse(text))
                .withMessage("invalid duration \"" + text + "\": must not be negative");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "30 s", "30S", "1h 30m", "s", "30sec", "1y", "PT30S", "1h-30m"})
    void parse_malformed_namesTheValue(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> Durations.parse(text))
                .withMessage("invalid duration \"" + text + "\" (expected e.g. \"30s\", \"1h30m\", \"250ms\")");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "PT1H30M, 1h30m",
            "PT30S, 30s",
            "PT1M30S, 1m30s",
            "PT0.5S, 500ms",
            "PT720H, 720h",
            "PT0S, 0s",
            "PT1H0.25S, 1h250ms",
            "PT0.0001S, 100us",
    })
    void format_compactLargestFirstZeroPartsOmitted(String duration, String expected) {
        assertThat(Durations.format(Duration.parse(duration))).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1h30m", "7d12h", "1.5h", "250ms", "3h7m9s11ms13us17ns"})
    void format_parsesBackToTheSameValue(String text) {
        Duration d = Durations.parse(text);
        assertThat(Durations.parse(Durations.format(d))).isEqualTo(d);
    }

    @Test
    void format_negative_isABug() {
        assertThatIllegalArgumentException().isThrownBy(() -> Durations.format(Duration.ofSeconds(-1)));
    }
}
