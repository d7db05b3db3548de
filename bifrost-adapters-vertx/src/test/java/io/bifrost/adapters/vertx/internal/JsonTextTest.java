package io.bifrost.adapters.vertx.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** RFC 8259 §7 string escaping for the hand-written JSON line formats. */
class JsonTextTest {

    @Test
    void escape_quoteBackslashAndControls_areEscapedAndTheRestKept() {
        StringBuilder out = new StringBuilder();

        JsonText.escape("a\"b\\c\nd\re\tf\bg\fh\u0001i\u001fj\u007fé€", out);

        assertThat(out).hasToString("a\\\"b\\\\c\\nd\\re\\tf\\bg\\fh\\u0001i\\u001fj\u007fé€");
    }

    @Test
    void quote_everyControlCharacter_parsesBackToTheSameText() throws Exception {
        StringBuilder text = new StringBuilder("x\"\\/");
        for (char c = 0; c < 0x20; c++) {
            text.append(c);
        }

        String json = JsonText.quote(text.toString(), new StringBuilder()).toString();

        assertThat(json).startsWith("\"").endsWith("\"").doesNotContain("\n", "\r", "\u0000");
        assertThat(new ObjectMapper().readValue(json, String.class)).isEqualTo(text.toString());
    }
}
