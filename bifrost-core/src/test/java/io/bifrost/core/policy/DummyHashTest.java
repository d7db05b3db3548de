package io.bifrost.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DummyHashTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "$2a$12$RXGbhBtNH9ZKpjCQcxDdteHUZwaeyDUl/onMrZjfCLXWAk0UPj5gm, 12",
            "$2b$04$abc,   4",
            "$2y$31$abc,   31",
            "$2a$03$abc,   -1",
            "$2a$32$abc,   -1",
            "$2a$1x$abc,   -1",
            "$1$12$abc,    -1",
            "$2a12$abc,    -1",
            "plain,        -1",
    })
    void costOf_readsTheTwoDigitCost(String hash, int cost) {
        assertThat(DummyHash.costOf(hash)).isEqualTo(cost);
    }

    @Test
    void ofCost_isAWellFormedBcryptHashOfThatCost() {
        String dummy = DummyHash.ofCost(10);

        assertThat(dummy).hasSize(60).startsWith("$2a$10$").matches("\\$2a\\$10\\$[./A-Za-z0-9]{53}");
        assertThat(DummyHash.costOf(dummy)).isEqualTo(10);
    }

    @ParameterizedTest(name = "costs [{0}] → dummy cost {1}")
    @CsvSource({
            "'',                   12",
            "10,                   10",
            "10 10 14,             10",
            "10 14,                14",
            "11 11 13 13 9,        13",
            "x 08,                 8",
    })
    void matching_usesTheMostCommonCostElseTwelve(String costs, int expected) {
        List<String> hashes = costs.isBlank()
                ? List.of()
                : Arrays.stream(costs.split(" ")).map(c -> "$2a$" + c + "$" + "x".repeat(53)).toList();

        assertThat(DummyHash.costOf(DummyHash.matching(hashes))).isEqualTo(expected);
    }

    @Test
    void ofCost_outOfRange_rejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> DummyHash.ofCost(3)).withMessageContaining("cost: 3");
    }
}
