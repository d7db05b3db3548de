package io.bifrost.adapters.vertx.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.bifrost.core.config.ConfigProblem;
import io.bifrost.core.config.ConfigResult;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class YamlConfigParserTest {

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parseMap(String yaml) {
        ConfigResult<Object> result = YamlConfigParser.parse(yaml);
        assertThat(result.problems()).isEmpty();
        return (Map<String, Object>) result.config();
    }

    private static List<String> problems(String yaml) {
        ConfigResult<Object> result = YamlConfigParser.parse(yaml);
        assertThat(result.config()).isNull();
        return result.problems().stream().map(ConfigProblem::toString).toList();
    }

    @Test
    void parse_scalarsKeepTheirYaml12CoreTypes() {
        Map<String, Object> m = parseMap("""
                quoted: "30s"
                single: '30'
                int: 30
                negative: -7
                plus: +12
                leading_zero: 0123
                big: 12345678901234567890
                float: 1.5
                exp: 1e3
                t: true
                f: False
                empty:
                tilde: ~
                null_word: null
                quoted_empty: ""
                quoted_true: "true"
                """);

        assertThat(m.get("quoted")).isEqualTo("30s");
        assertThat(m.get("single")).isEqualTo("30");
        assertThat(m.get("int")).isEqualTo(30L);
        assertThat(m.get("negative")).isEqualTo(-7L);
        assertThat(m.get("plus")).isEqualTo(12L);
        assertThat(m.get("leading_zero")).as("base 10, never octal").isEqualTo(123L);
        assertThat(m.get("big")).isEqualTo(new BigInteger("12345678901234567890"));
        assertThat(m.get("float")).isEqualTo(1.5);
        assertThat(m.get("exp")).isEqualTo(1000.0);
        assertThat(m.get("t")).isEqualTo(true);
        assertThat(m.get("f")).isEqualTo(false);
        assertThat(m.containsKey("empty")).isTrue();
        assertThat(m.get("empty")).as("an empty value is null, i.e. the default").isNull();
        assertThat(m.get("tilde")).isNull();
        assertThat(m.get("null_word")).isNull();
        assertThat(m.get("quoted_empty")).as("\"\" is a value (it disables a listener)").isEqualTo("");
        assertThat(m.get("quoted_true")).isEqualTo("true");
    }

    @Test
    void parse_yaml11BooleansAndOtherBases_stayStrings() {
        Map<String, Object> m = parseMap("""
                a: yes
                b: on
                c: No
                d: y
                e: 0x10
                f: 0o17
                g: 1_000
                h: .inf
                i: tRue
                """);

        assertThat(m.values()).containsExactly("yes", "on", "No", "y", "0x10", "0o17", "1_000", ".inf", "tRue");
    }

    @Test
    void parse_mappingsKeepFileOrderAndListsAreLists() {
        Map<String, Object> m = parseMap("""
                z: 1
                a: [x, "y", 3]
                m:
                  k2: v
                  k1: v
                """);

        assertThat(m).isInstanceOf(LinkedHashMap.class);
        assertThat(m.keySet()).containsExactly("z", "a", "m");
        assertThat(m.get("a")).isInstanceOf(ArrayList.class).isEqualTo(Arrays.asList("x", "y", 3L));
        assertThat(m.get("m")).isInstanceOf(LinkedHashMap.class).asString().isEqualTo("{k2=v, k1=v}");
    }

    @Test
    void parse_json_isAccepted() {
        Map<String, Object> m = parseMap("{\"api\": {\"listen\": \"127.0.0.1:7082\", \"enabled\": true, \"request_log_size\": 50}}");

        assertThat(m).isEqualTo(Map.of("api", Map.of("listen", "127.0.0.1:7082", "enabled", true,
                "request_log_size", 50L)));
    }

    @Test
    void parse_aliasesAndMergeKeys_areResolved() {
        Map<String, Object> m = parseMap("""
                defaults: &d {read_timeout: "30s", idle_timeout: "60s"}
                http:
                  <<: *d
                  idle_timeout: "90s"
                same: *d
                """);

        assertThat(m.get("http")).isEqualTo(Map.of("read_timeout", "30s", "idle_timeout", "90s"));
        assertThat(m.get("same")).isEqualTo(Map.of("read_timeout", "30s", "idle_timeout", "60s"));
    }

    @Test
    void parse_recursiveAlias_isAnError() {
        assertThat(problems("a:\n  b: &x [1, *x]\n"))
                .containsExactly("a.b[1]: recursive alias: the value at line 2, column 6 contains itself");
    }

    @Test
    void parse_emptyDocument_isANullTree() {
        ConfigResult<Object> result = YamlConfigParser.parse("# only a comment\n");

        assertThat(result.isValid()).isTrue();
        assertThat(result.config()).isNull();
    }

    @Test
    void parse_syntaxError_reportsLineAndColumnAtTheRoot() {
        assertThat(problems("server:\n  http:\n    listen: a: b\n"))
                .containsExactly("(root): line 3, column 14: mapping values are not allowed here");
        assertThat(problems("a:\n  b: 1\n c: 2\n"))
                .containsExactly("(root): line 3, column 2: expected <block end>, but found '<block mapping start>'");
    }

    @Test
    void parse_duplicateKeys_areErrorsAtTheirPath() {
        assertThat(problems("""
                server:
                  http:
                    listen: ":7080"
                    listen: ":7081"
                api: {}
                api: {}
                """)).containsExactly(
                "server.http.listen: line 4, column 5: duplicate key \"listen\"",
                "api: line 6, column 1: duplicate key \"api\"");
    }

    @Test
    void parse_severalDocuments_isAnError() {
        assertThat(problems("a: 1\n---\nb: 2\n"))
                .containsExactly("(root): line 2, column 1: several documents in one file (expected exactly one)");
    }

    @Test
    void parse_nonScalarKey_isAnError() {
        assertThat(problems("? [a, b]\n: 1\n")).containsExactly("(root): line 1, column 3: mapping keys must be plain text");
    }

    @Test
    void parse_byteOrderMark_isIgnored() {
        assertThat(parseMap("\uFEFFa: 1\n")).isEqualTo(Map.of("a", 1L));
    }
}
