package io.bifrost.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RatesTest {

    /** The table of [CFG-012], row by row. */
    @ParameterizedTest(name = "\"{0}\" = {1} B/s")
    @CsvSource({
            "10Mbps, 1250000",
            "10mbps, 1250000",
            "100Mbps, 12500000",
            "1Gbps, 125000000",
            "512kbps, 64000",
            "10MBps, 10000000",
            "2MB/s, 2000000",
            "512KiB/s, 524288",
            "1500, 1500",
            "0, 0",
            "'', 0",
    })
    void parse_specTable(String text, long bytesPerSecond) {
        assertThat(Rates.parse(text)).isEqualTo(bytesPerSecond);
    }

    @ParameterizedTest(name = "\"{0}\" = {1} B/s")
    @CsvSource({
            "1KBPS, 1000",          // suffix in any case
            "1KB/S, 1000",
            "8bps, 1",
            "1Kibps, 128",          // binary prefix, bits
            "1GiB/s, 1073741824",
            "1.5Mbps, 187500",
            "1bps, 1",              // a non-zero rate never rounds down to unlimited
            "0Mbps, 0",
            "10mibps, 1310720",     // prefix letters in either case, like the decimal ones
    })
    void parse_prefixesSuffixesAndRounding(String text, long bytesPerSecond) {
        assertThat(Rates.parse(text)).isEqualTo(bytesPerSecond);
    }

    @ParameterizedTest
    @ValueSource(strings = {"10 megabits", "10Mb", "10M", "Mbps", "-1", "10Tbps", "10MIBps", "10 Mbps"})
    void parse_anythingElse_isAnError(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> Rates.parse(text))
                .withMessage("invalid rate \"" + text + "\"");
    }

    @ParameterizedTest(name = "{0} B/s is written \"{1}\"")
    @CsvSource({
            "0, ''",
            "1250000, 10Mbps",
            "64000, 512kbps",
            "125000000, 1Gbps",
            "1500, 12kbps",
            "1, 8bps",
            "524288, 4194304bps",
    })
    void format_writesBitsWithTheLargestDecimalPrefix_andParsesBack(long bytesPerSecond, String text) {
        assertThat(Rates.format(bytesPerSecond)).isEqualTo(text);
        assertThat(Rates.parse(Rates.format(bytesPerSecond))).isEqualTo(bytesPerSecond);
    }
}
