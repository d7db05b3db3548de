package io.bifrost.core.policy;

import static java.util.Objects.requireNonNull;

import io.bifrost.core.policy.AuthOutcome.Accepted;
import io.bifrost.core.policy.AuthOutcome.Rejected;
import io.bifrost.core.port.out.PasswordVerifier;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Proxy authentication against the configured providers ([SEC-030]-[SEC-034], [PRX-090]-[PRX-093]).
 *
 * <p>The API splits the cheap part from the expensive one. {@link #cached} is non-blocking and may run on an event
 * loop: it answers from the verification cache ([SEC-034]) or returns empty. {@link #verify} runs bcrypt through the
 * {@link PasswordVerifier} port and <b>blocks</b> for its duration (about 250 ms at cost 12), so the adapter runs it
 * on a worker thread. A typical adapter flow: {@code isRequired()} false → anonymous; no parsable credentials →
 * {@link AuthOutcome#missingCredentials()}; else {@code cached(c)} or, when empty, {@code verify(c)} off the loop.
 *
 * <p>Provider chain: enabled {@code native} providers in ascending priority, ties in list order; {@code none} providers
 * are ignored when any other provider is enabled ([SEC-031]). The first provider that knows the username decides;
 * one that does not know it passes to the next. Every verification runs exactly one bcrypt comparison: against the
 * user's hash, or, for an unknown or disabled user, against a dummy hash whose cost matches the configured hashes, so
 * timing does not reveal which usernames exist ([SEC-033]). Immutable apart from the cache; thread-safe.
 */
public final class ProxyAuthenticator {
    private final List<Provider> chain;
    private final PasswordVerifier verifier;
    private final String dummyHash;
    private final VerificationCache cache;

    private ProxyAuthenticator(List<Provider> chain, PasswordVerifier verifier, VerificationCache cache) {
        this.chain = chain;
        this.verifier = verifier;
        this.dummyHash = DummyHash.matching(chain.stream()
                .flatMap(p -> p.users().values().stream())
                .map(NativeUser::passwordHash)
                .toList());
        this.cache = cache;
    }

    /** An authenticator with the [SEC-034] cache: 5 minutes, at most 10 000 entries. */
    public static ProxyAuthenticator create(
            List<AuthProviderSpec> providers, PasswordVerifier verifier, InstantSource clock) {
        return create(providers, verifier, clock, VerificationCache.DEFAULT_TTL, VerificationCache.DEFAULT_MAX_ENTRIES);
    }

    static ProxyAuthenticator create(
            List<AuthProviderSpec> providers,
            PasswordVerifier verifier,
            InstantSource clock,
            Duration cacheTtl,
            int cacheMaxEntries) {
        requireNonNull(providers, "providers");
        requireNonNull(verifier, "verifier");
        List<Provider> chain = providers.stream()
                .filter(p -> p.enabled() && p.type() == AuthProviderSpec.Type.NATIVE)
                .sorted(Comparator.comparingInt(AuthProviderSpec::priority)) // stable: ties keep list order
                .map(Provider::of)
                .toList();
        return new ProxyAuthenticator(chain, verifier, new VerificationCache(clock, cacheTtl, cacheMaxEntries));
    }

    /**
     * True exactly when an enabled provider has a type other than {@code none} ([SEC-031]). When false, no credentials
     * are asked for, every request is anonymous, and {@link #cached} / {@link #verify} must not be called.
     */
    public boolean isRequired() {
        return !chain.isEmpty();
    }

    /**
     * Non-blocking: the accepted outcome when these credentials were verified successfully within the last 5 minutes,
     * else empty (then call {@link #verify} on a worker thread). Never answers a rejection: failures are not cached.
     *
     * @throws IllegalStateException when authentication is not required
     */
    public Optional<AuthOutcome> cached(Credentials credentials) {
        requireNonNull(credentials, "credentials");
        checkRequired();
        return owner(credentials.username())
                .filter(p -> !p.users().get(credentials.username()).disabled())
                .filter(p -> cache.contains(p.name(), credentials))
                .map(p -> new Accepted(credentials.username(), p.name()));
    }

    /**
     * <b>Blocking</b> (one bcrypt comparison): verifies the credentials and caches a success. Consults the cache first,
     * so a concurrent request that already verified the same credentials saves the work.
     *
     * @throws IllegalStateException when authentication is not required
     */
    public AuthOutcome verify(Credentials credentials) {
        Optional<AuthOutcome> hit = cached(credentials);
        if (hit.isPresent()) {
            return hit.get();
        }
        Optional<Provider> owner = owner(credentials.username());
        if (owner.isEmpty()) {
            verifier.verify(credentials.password(), dummyHash); // timing only; the result is irrelevant
            return new Rejected(AuthFailure.UNKNOWN_USER);
        }
        Provider provider = owner.get();
        NativeUser user = provider.users().get(credentials.username());
        if (user.disabled()) {
            verifier.verify(credentials.password(), dummyHash); // never test a disabled user's real password
            return new Rejected(AuthFailure.USER_DISABLED);
        }
        if (!verifier.verify(credentials.password(), user.passwordHash())) {
            return new Rejected(AuthFailure.INVALID_CREDENTIALS);
        }
        cache.put(provider.name(), credentials);
        return new Accepted(user.username(), provider.name());
    }

    /** The hash compared against for unknown and disabled users. */
    String dummyHash() {
        return dummyHash;
    }

    private Optional<Provider> owner(String username) {
        return chain.stream().filter(p -> p.users().containsKey(username)).findFirst();
    }

    private void checkRequired() {
        if (!isRequired()) {
            throw new IllegalStateException("authentication is not required (no enabled provider other than none)");
        }
    }

    private record Provider(String name, Map<String, NativeUser> users) {
        static Provider of(AuthProviderSpec spec) {
            Map<String, NativeUser> byName = spec.users().stream()
                    .collect(Collectors.toMap(NativeUser::username, Function.identity(), (a, b) -> a, HashMap::new));
            return new Provider(spec.name(), Map.copyOf(byName));
        }
    }
}
