package io.bifrost.adapters.vertx.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

/**
 * Records why {@link YamlConfigParser} does not read files through Jackson's YAML module: its scalar resolution is
 * YAML 1.1, which [CFG-015] forbids. If a Jackson upgrade changes this, the reason is gone and the choice can be
 * revisited; the parser's own tests pin the behaviour Bifrost needs.
 */
class JacksonYamlBehaviourTest {
    private final ObjectMapper jackson = new ObjectMapper(new YAMLFactory());

    @Test
    void jacksonYaml_readsYaml11BooleansAndNonDecimalIntegers() throws Exception {
        JsonNode tree = jackson.readTree("a: yes\nb: on\nc: 0123\ne: 0x10\n");

        assertThat(tree.get("a").isBoolean()).as("yes").isTrue();
        assertThat(tree.get("b").isBoolean()).as("on").isTrue();
        assertThat(tree.get("c").asInt()).as("0123 read as octal").isEqualTo(83);
        assertThat(tree.get("e").asInt()).as("0x10 read as hexadecimal").isEqualTo(16);
    }

    @Test
    void jacksonYaml_readsAnAliasAsItsAnchorName() throws Exception {
        JsonNode tree = jackson.readTree("x: &anchor {k: 1}\ny: *anchor\n");

        assertThat(tree.get("y").asText()).isEqualTo("anchor");
    }

    @Test
    void bifrostParser_keepsThoseAsWritten() {
        Object tree = YamlConfigParser.parse("a: yes\nb: on\nc: 0123\nd:\ne: 0x10\ny: &k {k: 1}\nz: *k\n").config();

        assertThat(tree).asString().isEqualTo("{a=yes, b=on, c=123, d=null, e=0x10, y={k=1}, z={k=1}}");
    }
}
