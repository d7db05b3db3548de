package io.bifrost.core.port.out;

/**
 * Checks a password against a stored bcrypt hash ([SEC-032], [SEC-033]); implemented in the adapters with a bcrypt
 * library.
 *
 * <p><b>Blocking:</b> a comparison costs the hash's work factor (about 250 ms of CPU at cost 12), so it is only called
 * from {@code ProxyAuthenticator.verify}, which the adapter runs on a worker thread, never on an event loop.
 *
 * <p>Contract for implementations: thread-safe; the password is hashed as UTF-8; every well-formed hash
 * ({@code $2a$}, {@code $2b$}, {@code $2y$}, cost 04-31) gets the full computation at its own cost, including hashes
 * that match no password (the core passes a dummy hash for unknown users so that their timing matches known ones); a
 * mismatch or a malformed hash answers {@code false} and never throws. Implementations never log the password.
 */
@FunctionalInterface
public interface PasswordVerifier {

    /** True when {@code password} matches {@code hash}. */
    boolean verify(String password, String hash);
}
