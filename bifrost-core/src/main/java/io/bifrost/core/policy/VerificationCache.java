package io.bifrost.core.policy;

import static java.util.Objects.requireNonNull;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The cache of successful password verifications ([SEC-034]): keyed by a SHA-256 digest of provider name, username and
 * password (the password itself is never stored), each entry valid for a fixed time after the verification, least
 * recently used entries evicted beyond the size bound. Failures are never put here.
 *
 * <p>Thread-safe: a {@code LinkedHashMap} in access order guarded by this object's lock. Each operation is a hash-map
 * step (the digest is computed outside the lock), so the lock is held for well under a microsecond.
 */
final class VerificationCache {
    static final Duration DEFAULT_TTL = Duration.ofMinutes(5);
    static final int DEFAULT_MAX_ENTRIES = 10_000;

    private final InstantSource clock;
    private final Duration ttl;
    private final Map<ByteBuffer, Instant> expiries;

    VerificationCache(InstantSource clock, Duration ttl, int maxEntries) {
        this.clock = requireNonNull(clock, "clock");
        this.ttl = requireNonNull(ttl, "ttl");
        this.expiries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<ByteBuffer, Instant> eldest) {
                return size() > maxEntries;
            }
        };
    }

    /** True when these exact credentials were verified by {@code provider} less than the TTL ago. */
    boolean contains(String provider, Credentials credentials) {
        ByteBuffer key = digest(provider, credentials);
        Instant now = clock.instant();
        synchronized (this) {
            Instant expiry = expiries.get(key);
            if (expiry == null) {
                return false;
            }
            if (!now.isBefore(expiry)) {
                expiries.remove(key);
                return false;
            }
            return true;
        }
    }

    void put(String provider, Credentials credentials) {
        ByteBuffer key = digest(provider, credentials);
        Instant expiry = clock.instant().plus(ttl);
        synchronized (this) {
            expiries.put(key, expiry);
        }
    }

    synchronized int size() {
        return expiries.size();
    }

    /** SHA-256 over the three fields, each preceded by its length so that no two triples share an input. */
    static ByteBuffer digest(String provider, Credentials credentials) {
        MessageDigest sha256 = sha256();
        for (String field : new String[] {provider, credentials.username(), credentials.password()}) {
            byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
            sha256.update(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
            sha256.update(bytes);
        }
        return ByteBuffer.wrap(sha256.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }
}
