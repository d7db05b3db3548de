package io.bifrost.core.policy;

import static java.util.Objects.requireNonNull;

/**
 * A user of a {@code native} provider ([SEC-032]); the informational keys ({@code groups}, {@code email},
 * {@code full_name}) play no part in authentication and are left out. {@link #toString()} masks the hash, a secret
 * ([SEC-080]).
 *
 * @param username case-sensitive; unique within its provider
 * @param passwordHash a bcrypt hash ({@code $2a$}, {@code $2b$}, {@code $2y$}, cost 04-31), as config validation
 *     ensures
 * @param disabled a disabled user is always refused
 */
public record NativeUser(String username, String passwordHash, boolean disabled) {

    public NativeUser {
        requireNonNull(username, "username");
        requireNonNull(passwordHash, "passwordHash");
    }

    @Override
    public String toString() {
        return "NativeUser[username=" + username + ", passwordHash=********, disabled=" + disabled + "]";
    }
}
