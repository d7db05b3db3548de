package io.bifrost.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** RFC 7386 as [CAPI-051] uses it, and masked secrets of [CFG-097]. */
class MergePatchTest {

    private static Object merge(String target, String patch) {
        return MergePatch.apply(TestTrees.parse(target), TestTrees.parse(patch));
    }

    @Test
    void apply_objectsMergeMemberByMember_arraysAndScalarsReplace() {
        assertThat(merge("{a: {b: 1, c: 2}, l: [1, 2], keep: x}", "{a: {b: 9, d: 4}, l: [3]}"))
                .isEqualTo(TestTrees.parse("{a: {b: 9, c: 2, d: 4}, l: [3], keep: x}"));
    }

    @Test
    void apply_nullRemovesTheMember_soItTakesItsDefault() {
        assertThat(merge("{a: {b: 1, c: 2}, d: 3}", "{a: {b: null}, d: null, e: null}"))
                .isEqualTo(TestTrees.parse("{a: {c: 2}}"));
    }

    @Test
    void apply_rfc7386Examples() {
        assertThat(merge("{a: b}", "{a: c}")).isEqualTo(TestTrees.parse("{a: c}"));
        assertThat(merge("{a: [b]}", "{a: c}")).isEqualTo(TestTrees.parse("{a: c}"));
        assertThat(merge("{a: c}", "{a: [b]}")).isEqualTo(TestTrees.parse("{a: [b]}"));
        assertThat(merge("{a: {b: c}}", "{a: {b: d, c: null}}")).isEqualTo(TestTrees.parse("{a: {b: d}}"));
        assertThat(merge("[1, 2]", "{a: b, c: null}")).isEqualTo(TestTrees.parse("{a: b}"));
        assertThat(merge("{e: null}", "{a: 1}")).isEqualTo(TestTrees.parse("{e: null, a: 1}"));
        assertThat(merge("{a: foo}", "bar")).isEqualTo("bar");
    }

    @Test
    void apply_leavesItsInputsAlone() {
        Object target = TestTrees.parse("{a: {b: 1}}");
        Object patch = TestTrees.parse("{a: {b: 2}}");

        MergePatch.apply(target, patch);

        assertThat(target).isEqualTo(TestTrees.parse("{a: {b: 1}}"));
        assertThat(patch).isEqualTo(TestTrees.parse("{a: {b: 2}}"));
    }

    @Test
    void keepMaskedSecrets_takesTheStoredTextPlaceholdersIncluded() {
        Object stored = TestTrees.parse("""
                {server: {password: '${SERVER_PASSWORD}'}, api: {token: t0ken},
                 servers: [{name: a, password: pa}, {name: b, password: pb}]}""");
        Object patch = TestTrees.parse("""
                {server: {password: '********', retry_count: 5}, api: {token: '********'},
                 servers: [{name: b, password: '********'}, {name: c, password: '********'}],
                 tray: {auto_connect: '********'}}""");

        assertThat(MergePatch.keepMaskedSecrets(patch, stored)).isEqualTo(TestTrees.parse("""
                {server: {password: '${SERVER_PASSWORD}', retry_count: 5}, api: {token: t0ken},
                 servers: [{name: b, password: pb}, {name: c}],
                 tray: {auto_connect: '********'}}"""));
    }
}
