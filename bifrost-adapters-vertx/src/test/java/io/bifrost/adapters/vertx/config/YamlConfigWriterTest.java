package io.bifrost.adapters.vertx.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.bifrost.core.config.ConfigResult;
import io.bifrost.core.config.EnvLookup;
import io.bifrost.core.config.ServerConfig;
import io.bifrost.core.config.ServerConfigTree;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** YAML out: block style, key order kept, and every tree reads back identically through {@link YamlConfigParser}. */
class YamlConfigWriterTest {

    private static Object roundTrip(Object tree) {
        String yaml = YamlConfigWriter.write(tree);
        ConfigResult<Object> parsed = YamlConfigParser.parse(yaml);
        assertThat(parsed.problems()).as(yaml).isEmpty();
        return parsed.config();
    }

    @ParameterizedTest
    @ValueSource(strings = {"yes", "no", "on", "off", "y", "n", "true", "True", "FALSE", "null", "Null", "~", "",
            "09", "0123", "0x10", "0o17", "1e5", "1E5", "1_000", ".5", "1.", "+1", "-1", "1.0", "+.inf", ".nan",
            "12:30", "2001:db8::1", ":7080", "[::1]:7080", "127.0.0.1:0", "*", "*.example.com", "intranet.*",
            "{a}", "[a]", "a: b", "a:b", "- x", "-x", "#c", "a #b", "a#b", "${X}", "$${X}", "$2a$10$abc", "@x", "`x",
            "!x", "&a", "*a", "|", ">", "'", "\"", "'quoted'", "%x", "?", "? x", " leading", "trailing ",
            "line1\nline2", "tab\there", "ü ß 🙂", "<<", "=", "http://x/y?z=1&w", "yyyy-MM-dd'T'HH:mm:ss.SSSXXX",
            "2025-03-14", "2025-03-14T09:26:53Z", "1h30m", "10Mbps", "\u0000", "\u007f", "back\\slash"})
    void write_awkwardStrings_readBackAsTheSameStrings(String s) {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("value", s);
        tree.put("list", new ArrayList<>(List.of(s)));
        tree.put(s.isEmpty() ? "empty" : s, "as a key");

        assertThat(roundTrip(tree)).isEqualTo(tree);
    }

    @Test
    void write_typedScalarsAndStructures_keepTypesOrderAndNulls() {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("z_first", 1L);
        tree.put("a_second", 2.5);
        tree.put("integral_double", 100.0);
        tree.put("big", new BigInteger("12345678901234567890"));
        tree.put("negative", -7L);
        tree.put("flag", false);
        tree.put("nothing", null);
        tree.put("empty_map", new LinkedHashMap<>());
        tree.put("empty_list", new ArrayList<>());
        tree.put("nested", new LinkedHashMap<>(Map.of("list", new ArrayList<>(Arrays.asList(
                new LinkedHashMap<>(Map.of("name", "a")), null, 3L, "x")))));

        Object back = roundTrip(tree);

        assertThat(back).isEqualTo(tree);
        assertThat(new ArrayList<Object>(((Map<?, ?>) back).keySet())).containsExactlyElementsOf(tree.keySet());
    }

    @Test
    void write_blockStyleWithIndentedLists() {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("backends", List.of(new LinkedHashMap<>(Map.of("name", "direct"))));
        tree.put("server", new LinkedHashMap<>(Map.of("http", new LinkedHashMap<>(Map.of("listen", ":7080")))));

        assertThat(YamlConfigWriter.write(tree)).isEqualTo("""
                backends:
                  - name: direct
                server:
                  http:
                    listen: :7080
                """);
    }

    @Test
    void write_contractFiles_readBackToTheSameConfiguration() throws IOException {
        ServerConfigLoader loader = new ServerConfigLoader(EnvLookup.of(Map.of()));
        for (String file : List.of("server-general.yaml", "server-router.yaml")) {
            Object tree = YamlConfigParser.parse(ContractFilesTest.contract(file)).config();
            ServerConfig config = loader.loadText(ContractFilesTest.contract(file)).orElseThrow();

            assertThat(roundTrip(tree)).as(file).isEqualTo(tree);
            ServerConfig again = loader.loadText(YamlConfigWriter.write(ServerConfigTree.of(config))).orElseThrow();
            assertThat(ServerConfigTree.of(again)).as(file).isEqualTo(ServerConfigTree.of(config));
        }
    }
}
