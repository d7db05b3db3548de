package io.bifrost.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ByteSizesTest {

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
            "10MB, 10485760",
            "10mb, 10485760",
            "10M, 10485760",
            "10MiB, 10485760",
            "1536KB, 1572864",
            "1.5MB, 1572864",
            "1K, 1024",
            "1kib, 1024",
            "2GB, 2147483648",
            "1TB, 1099511627776",
            "512, 512",
            "512B, 512",
            "0, 0",
            "50GB, 53687091200",
    })
    void parse_allUnitsArePowersOf1024(String text, long expected) {
        assertThat(ByteSizes.parse(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "10 MB", "MB", "-1", "10XB", "10Ki", "1e3", "10MBps"})
    void parse_malformed_namesTheValue(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> ByteSizes.parse(text))
                .withMessage("invalid size \"" + text + "\" (expected e.g. \"512KB\", \"10MB\", \"2GB\")");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "10485760, 10MB",
            "1572864, 1536KB",
            "1000, 1000B",
            "0, 0B",
            "1099511627776, 1TB",
            "1125899906842624, 1024TB",
    })
    void format_largestUnitKeepingAnInteger(long bytes, String expected) {
        assertThat(ByteSizes.format(bytes)).isEqualTo(expected);
    }
}
