package io.bifrost.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EnvExpanderTest {
    private static final EnvLookup ENV = EnvLookup.of(Map.of(
            "BIFROST_API_TOKEN", "s3cret-token-0123456789",
            "HTTP_PORT", "8080",
            "EMPTY", "",
            "RPS", "250",
            "NESTED", "${HTTP_PORT}"));

    /** The table of [CFG-021]. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "${BIFROST_API_TOKEN}   | s3cret-token-0123456789",
            ":${HTTP_PORT}          | :8080",
            "$2a$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy | $2a$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy",
            "$HOME/x                | $HOME/x",
            "$${NOT_EXPANDED}       | ${NOT_EXPANDED}",
            "a${EMPTY}b             | ab",
            "${HTTP_PORT}${RPS}     | 8080250",
            "$                      | $",
            "$$                     | $$",
            "cost$                  | cost$",
    })
    void expandValue_specTable(String text, String expected) {
        assertThat(EnvExpander.expandValue(text, ENV)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"${VAR:-default}", "${1}", "${UNCLOSED", "${}", "${A-B}", "${ SPACE}"})
    void expandValue_otherForms_areInvalidReferences(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> EnvExpander.expandValue(text, ENV))
                .withMessage("invalid environment reference \"" + text + "\" (only ${NAME} is supported)");
    }

    @Test
    void expandValue_invalidReferenceInsideText_quotesOnlyTheReference() {
        assertThatIllegalArgumentException().isThrownBy(() -> EnvExpander.expandValue("x-${VAR:-d}-y", ENV))
                .withMessage("invalid environment reference \"${VAR:-d}\" (only ${NAME} is supported)");
    }

    @Test
    void expandValue_unsetVariable_namesTheVariable() {
        assertThatIllegalArgumentException().isThrownBy(() -> EnvExpander.expandValue("${NOPE}", ENV))
                .withMessage("environment variable NOPE is not set");
    }

    @Test
    void expandValue_expandedText_isNotExpandedAgain() {
        assertThat(EnvExpander.expandValue("${NESTED}", ENV)).isEqualTo("${HTTP_PORT}");
    }

    @Test
    void expand_tree_valuesOnlyNeverKeysAndErrorsNameTheKeyPath() {
        Object tree = TestTrees.parse(
                "{'${HTTP_PORT}': x, api: {token: '${BIFROST_API_TOKEN}'}, list: ['${RPS}', 7, true, null],"
                + " bad: [a, {t: '${MISSING}'}]}");

        EnvExpander.Result result = EnvExpander.expand(tree, ENV);

        assertThat(result.tree()).isEqualTo(TestTrees.parse(
                "{'${HTTP_PORT}': x, api: {token: s3cret-token-0123456789}, list: ['250', 7, true, null],"
                + " bad: [a, {t: '${MISSING}'}]}"));
        assertThat(result.problems()).extracting(ConfigProblem::toString)
                .containsExactly("bad[1].t: environment variable MISSING is not set");
        assertThat(tree).isEqualTo(TestTrees.parse(
                "{'${HTTP_PORT}': x, api: {token: '${BIFROST_API_TOKEN}'}, list: ['${RPS}', 7, true, null],"
                + " bad: [a, {t: '${MISSING}'}]}"));
    }

    @Test
    void containsReference_ignoresEscapesAndBareDollars() {
        assertThat(EnvExpander.containsReference("${A}")).isTrue();
        assertThat(EnvExpander.containsReference("x$${A}")).isFalse();
        assertThat(EnvExpander.containsReference("$2a$10$abc")).isFalse();
        assertThat(EnvExpander.containsReference("$${A}${B}")).isTrue();
    }
}
