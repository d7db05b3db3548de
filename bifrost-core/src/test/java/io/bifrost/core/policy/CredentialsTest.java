package io.bifrost.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class CredentialsTest {

    @ParameterizedTest(name = "{0} {1} → [{2}] [{3}]")
    @CsvSource(delimiter = '|', emptyValue = "", value = {
            "Basic        | alice:s3cret           | alice | s3cret",
            "basic        | alice:s3cret           | alice | s3cret",
            "BASIC        | alice:s3cret           | alice | s3cret",
            "bAsIc        | alice:a:b:c            | alice | a:b:c",
            "Basic        | jörg:pässwörd€         | jörg  | pässwörd€",
            "Basic        | alice:                 | alice | ''",
            "Basic        | :only-password         | ''    | only-password",
            "Basic        | 'alice: spaced pw '    | alice | ' spaced pw '",
    })
    void parseBasic_wellFormed_splitsAtFirstColon(String scheme, String userPass, String user, String password) {
        String field = scheme + " " + Base64.getEncoder().encodeToString(userPass.getBytes(StandardCharsets.UTF_8));

        assertThat(Credentials.parseBasic(field)).contains(new Credentials(user, password));
    }

    @Test
    void parseBasic_extraWhitespaceAndNoPadding_accepted() {
        byte[] userPass = "bob:pw1".getBytes(StandardCharsets.UTF_8);
        String unpadded = Base64.getEncoder().withoutPadding().encodeToString(userPass);

        assertThat(Credentials.parseBasic("  Basic \t " + unpadded + "  ")).contains(new Credentials("bob", "pw1"));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {
            "",
            "Basic",
            "Basic ",
            "Basicdm9vOmJhcg==",
            "Bearer eyJhbGciOiJIUzI1NiJ9.e30.x",
            "Digest username=\"alice\"",
            "Basic !!!not-base64!!!",
            "Basic YWxpY2U=",               // "alice": no colon
            "Basic /w==",                   // 0xFF: not UTF-8
            "Basic YWxpY2U6/w==",           // "alice:" + 0xFF
    })
    void parseBasic_unusable_isEmpty(String field) {
        assertThat(Credentials.parseBasic(field)).isEqualTo(Optional.empty());
    }

    @Test
    void toString_neverShowsThePassword() {
        assertThat(new Credentials("alice", "hunter2-secret").toString())
                .contains("alice")
                .doesNotContain("hunter2-secret");
    }

    @Test
    void nativeUser_toString_neverShowsTheHash() {
        String hash = "$2a$12$RXGbhBtNH9ZKpjCQcxDdteHUZwaeyDUl/onMrZjfCLXWAk0UPj5gm";

        assertThat(new NativeUser("alice", hash, false).toString()).contains("alice").doesNotContain("RXGbh");
    }
}
