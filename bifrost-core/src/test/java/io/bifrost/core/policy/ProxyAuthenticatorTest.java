package io.bifrost.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import io.bifrost.core.policy.AuthOutcome.Accepted;
import io.bifrost.core.policy.AuthOutcome.Rejected;
import io.bifrost.core.policy.AuthProviderSpec.Type;
import io.bifrost.core.port.out.PasswordVerifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ProxyAuthenticatorTest {
    private final MutableClock clock = MutableClock.start();
    private final RecordingVerifier verifier = new RecordingVerifier();

    private final NativeUser alice = user("alice", "wonderland");
    private final NativeUser bob = new NativeUser("bob", hashOf("builder"), true);
    private final AuthProviderSpec staff = AuthProviderSpec.nativeProvider("staff", 1, List.of(alice, bob));

    @Test
    void isRequired_followsSec031() {
        AuthProviderSpec none = new AuthProviderSpec("open", Type.NONE, true, 0, List.of());
        AuthProviderSpec disabledNative = new AuthProviderSpec("off", Type.NATIVE, false, 0, List.of(alice));
        AuthProviderSpec emptyNative = AuthProviderSpec.nativeProvider("empty", 0, List.of());

        assertThat(authenticator(List.of()).isRequired()).isFalse();
        assertThat(authenticator(List.of(none)).isRequired()).isFalse();
        assertThat(authenticator(List.of(none, disabledNative)).isRequired()).isFalse();
        assertThat(authenticator(List.of(staff)).isRequired()).isTrue();
        assertThat(authenticator(List.of(none, staff)).isRequired()).isTrue();
        assertThat(authenticator(List.of(emptyNative)).isRequired()).isTrue();
    }

    @Test
    void verify_rightPassword_acceptedByTheProvider() {
        AuthOutcome outcome = authenticator(List.of(staff)).verify(new Credentials("alice", "wonderland"));

        assertThat(outcome).isEqualTo(new Accepted("alice", "staff"));
        assertThat(verifier.hashes).containsExactly(alice.passwordHash());
    }

    @Test
    void verify_wrongPassword_invalidCredentials() {
        AuthOutcome outcome = authenticator(List.of(staff)).verify(new Credentials("alice", "Wonderland"));

        assertThat(outcome).isEqualTo(new Rejected(AuthFailure.INVALID_CREDENTIALS));
        assertThat(verifier.hashes).containsExactly(alice.passwordHash());
    }

    @Test
    void verify_usernameIsCaseSensitive_unknownUser() {
        AuthOutcome outcome = authenticator(List.of(staff)).verify(new Credentials("Alice", "wonderland"));

        assertThat(outcome).isEqualTo(new Rejected(AuthFailure.UNKNOWN_USER));
    }

    @Test
    void verify_unknownUser_runsOneComparisonAgainstADummyOfTheSameCost() {
        ProxyAuthenticator auth = authenticator(List.of(staff));

        AuthOutcome outcome = auth.verify(new Credentials("mallory", "guess"));

        assertThat(outcome).isEqualTo(new Rejected(AuthFailure.UNKNOWN_USER));
        assertThat(verifier.hashes).containsExactly(auth.dummyHash());
        assertThat(DummyHash.costOf(auth.dummyHash())).isEqualTo(DummyHash.costOf(alice.passwordHash())).isEqualTo(10);
    }

    @Test
    void verify_disabledUser_refusedWithoutTestingTheRealPassword() {
        ProxyAuthenticator auth = authenticator(List.of(staff));

        AuthOutcome outcome = auth.verify(new Credentials("bob", "builder"));

        assertThat(outcome).isEqualTo(new Rejected(AuthFailure.USER_DISABLED));
        assertThat(verifier.hashes).containsExactly(auth.dummyHash());
    }

    @Test
    void verify_chain_lowerPriorityFirstTiesInListOrder_firstProviderKnowingTheUserDecides() {
        NativeUser aliceElsewhere = user("alice", "other-password");
        AuthProviderSpec late = AuthProviderSpec.nativeProvider("late", 5, List.of(user("carol", "c")));
        AuthProviderSpec tieFirst = AuthProviderSpec.nativeProvider("tie-first", 1, List.of(aliceElsewhere));
        AuthProviderSpec tieSecond = AuthProviderSpec.nativeProvider("tie-second", 1, List.of(alice));
        AuthProviderSpec off = new AuthProviderSpec("off", Type.NATIVE, false, -9, List.of(user("carol", "x")));
        ProxyAuthenticator auth = authenticator(List.of(late, off, tieFirst, tieSecond));

        assertThat(auth.verify(new Credentials("alice", "other-password")))
                .isEqualTo(new Accepted("alice", "tie-first"));
        assertThat(auth.verify(new Credentials("alice", "wonderland")))
                .as("the first provider knowing alice decides; later ones are not tried")
                .isEqualTo(new Rejected(AuthFailure.INVALID_CREDENTIALS));
        assertThat(auth.verify(new Credentials("carol", "c"))).isEqualTo(new Accepted("carol", "late"));
        assertThat(auth.verify(new Credentials("carol", "x"))).isEqualTo(new Rejected(AuthFailure.INVALID_CREDENTIALS));
    }

    @Test
    void verify_noneProviderNextToNative_isIgnored() {
        AuthProviderSpec none = new AuthProviderSpec("open", Type.NONE, true, -1, List.of());

        AuthOutcome outcome = authenticator(List.of(none, staff)).verify(new Credentials("mallory", "x"));

        assertThat(outcome).isEqualTo(new Rejected(AuthFailure.UNKNOWN_USER));
    }

    @Test
    void cached_afterSuccess_answersWithoutBcryptForFiveMinutes() {
        ProxyAuthenticator auth = authenticator(List.of(staff));
        Credentials credentials = new Credentials("alice", "wonderland");
        assertThat(auth.cached(credentials)).isEmpty();
        auth.verify(credentials);
        verifier.hashes.clear();

        clock.advance(Duration.ofMinutes(5).minusNanos(1));
        assertThat(auth.cached(credentials)).contains(new Accepted("alice", "staff"));
        assertThat(auth.verify(credentials)).isEqualTo(new Accepted("alice", "staff"));
        assertThat(verifier.hashes).isEmpty();

        clock.advance(Duration.ofNanos(1));
        assertThat(auth.cached(credentials)).isEmpty();
    }

    @Test
    void cached_otherPassword_missesAndStillVerifies() {
        ProxyAuthenticator auth = authenticator(List.of(staff));
        auth.verify(new Credentials("alice", "wonderland"));

        assertThat(auth.cached(new Credentials("alice", "wonderland2"))).isEmpty();
        assertThat(auth.verify(new Credentials("alice", "wonderland2")))
                .isEqualTo(new Rejected(AuthFailure.INVALID_CREDENTIALS));
    }

    @Test
    void cached_failures_neverCached() {
        ProxyAuthenticator auth = authenticator(List.of(staff));
        Credentials wrong = new Credentials("alice", "nope");
        Credentials unknown = new Credentials("mallory", "nope");

        auth.verify(wrong);
        auth.verify(unknown);
        auth.verify(wrong);
        auth.verify(unknown);

        assertThat(auth.cached(wrong)).isEmpty();
        assertThat(auth.cached(unknown)).isEmpty();
        assertThat(verifier.hashes).hasSize(4);
    }

    @Test
    void cache_full_evictsTheLeastRecentlyUsed() {
        AuthProviderSpec three = AuthProviderSpec.nativeProvider(
                "p", 0, List.of(user("a", "pa"), user("b", "pb"), user("c", "pc")));
        ProxyAuthenticator auth = ProxyAuthenticator.create(List.of(three), verifier, clock, Duration.ofMinutes(5), 2);
        auth.verify(new Credentials("a", "pa"));
        auth.verify(new Credentials("b", "pb"));
        assertThat(auth.cached(new Credentials("a", "pa"))).isPresent(); // a is now more recent than b

        auth.verify(new Credentials("c", "pc"));

        assertThat(auth.cached(new Credentials("a", "pa"))).isPresent();
        assertThat(auth.cached(new Credentials("b", "pb"))).isEmpty();
        assertThat(auth.cached(new Credentials("c", "pc"))).isPresent();
    }

    @Test
    void cache_defaultBound_isTenThousandEntries() {
        List<NativeUser> users =
                IntStream.rangeClosed(0, 10_000).mapToObj(i -> user("u" + i, "p" + i)).toList();
        ProxyAuthenticator auth =
                ProxyAuthenticator.create(List.of(AuthProviderSpec.nativeProvider("p", 0, users)), verifier, clock);
        for (int i = 0; i <= 10_000; i++) {
            auth.verify(new Credentials("u" + i, "p" + i));
        }

        assertThat(auth.cached(new Credentials("u0", "p0"))).isEmpty();
        assertThat(auth.cached(new Credentials("u1", "p1"))).isPresent();
        assertThat(auth.cached(new Credentials("u10000", "p10000"))).isPresent();
    }

    @Test
    void cacheKey_fieldsDoNotRunTogether() {
        VerificationCache cache = new VerificationCache(clock, Duration.ofMinutes(5), 10);
        cache.put("p", new Credentials("ab", "c"));

        assertThat(cache.contains("p", new Credentials("ab", "c"))).isTrue();
        assertThat(cache.contains("p", new Credentials("a", "bc"))).isFalse();
        assertThat(cache.contains("pa", new Credentials("b", "c"))).isFalse();
        assertThat(cache.contains("q", new Credentials("ab", "c"))).isFalse();
    }

    @Test
    void cachedAndVerify_whenNotRequired_areBugs() {
        ProxyAuthenticator auth = authenticator(List.of());

        assertThatIllegalStateException().isThrownBy(() -> auth.cached(new Credentials("a", "b")));
        assertThatIllegalStateException().isThrownBy(() -> auth.verify(new Credentials("a", "b")));
    }

    @Test
    void missingCredentials_isARejection() {
        assertThat(AuthOutcome.missingCredentials()).isEqualTo(new Rejected(AuthFailure.MISSING_CREDENTIALS));
        assertThat(AuthOutcome.missingCredentials().isAccepted()).isFalse();
    }

    private ProxyAuthenticator authenticator(List<AuthProviderSpec> providers) {
        return ProxyAuthenticator.create(providers, verifier, clock);
    }

    private static NativeUser user(String name, String password) {
        return new NativeUser(name, hashOf(password), false);
    }

    /** A stand-in for bcrypt with the real hash shape (cost 10), so the dummy-cost logic has something to read. */
    private static String hashOf(String password) {
        return "$2a$10$fake:" + password;
    }

    /** Verifies fake hashes and records every hash it was asked about, as a bcrypt adapter would be called. */
    private static final class RecordingVerifier implements PasswordVerifier {
        final List<String> hashes = Collections.synchronizedList(new ArrayList<>());

        @Override
        public boolean verify(String password, String hash) {
            hashes.add(hash);
            return hash.equals(hashOf(password));
        }
    }
}
