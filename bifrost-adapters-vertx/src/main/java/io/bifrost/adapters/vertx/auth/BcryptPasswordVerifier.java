package io.bifrost.adapters.vertx.auth;

import at.favre.lib.crypto.bcrypt.BCrypt;
import io.bifrost.core.port.out.PasswordVerifier;
import java.nio.charset.StandardCharsets;

/**
 * bcrypt verification with {@code at.favre.lib:bcrypt} ([SEC-032]); accepts {@code $2a$}, {@code $2b$} and
 * {@code $2y$} hashes. <b>Blocking</b> for the hash's work factor: run on a worker thread. Thread-safe.
 */
public final class BcryptPasswordVerifier implements PasswordVerifier {
    private static final BCrypt.Verifyer VERIFYER = BCrypt.verifyer();

    @Override
    public boolean verify(String password, String hash) {
        try {
            return VERIFYER.verify(password.getBytes(StandardCharsets.UTF_8), hash.getBytes(StandardCharsets.UTF_8))
                    .verified;
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    /** A {@code $2a$} hash of {@code password} with the given cost (for {@code hash-password}, [CFG-200]). */
    public static String hash(String password, int cost) {
        return BCrypt.withDefaults().hashToString(cost, password.toCharArray());
    }
}
