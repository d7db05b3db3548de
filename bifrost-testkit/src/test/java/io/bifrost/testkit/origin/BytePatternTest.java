package io.bifrost.testkit.origin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BytePatternTest {

    @Test
    void byteAt_offsets_cycleEvery251Bytes() {
        assertThat(BytePattern.byteAt(0)).isEqualTo((byte) 0);
        assertThat(BytePattern.byteAt(250)).isEqualTo((byte) 250);
        assertThat(BytePattern.byteAt(251)).isEqualTo((byte) 0);
        assertThat(BytePattern.byteAt(5_000_000_000L)).isEqualTo((byte) (5_000_000_000L % 251));
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 250, 65_510, 65_511, 1_000_003})
    void slice_anyOffset_matchesByteAt(long offset) {
        byte[] slice = BytePattern.slice(offset, 200_000);

        for (int i = 0; i < slice.length; i++) {
            assertThat(slice[i]).as("byte %d", offset + i).isEqualTo(BytePattern.byteAt(offset + i));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 65_510, 65_511, 65_512, 300_001})
    void sha256Hex_length_equalsTheDigestOfTheBytes(int length) {
        String expected = HexFormat.of().formatHex(BytePattern.sha256().digest(BytePattern.bytes(length)));

        assertThat(BytePattern.sha256Hex(length)).isEqualTo(expected);
    }

    @Test
    void slice_negativeLength_isRejectedWithTheValue() {
        assertThatThrownBy(() -> BytePattern.slice(0, -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("length: -1 (expected: >= 0)");
    }
}
