package io.bifrost.core.config;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A user of a {@code native} provider ([SEC-032]). Immutable; {@link #toString()} masks the hash.
 *
 * @param username case-sensitive, unique within the provider
 * @param passwordHash bcrypt hash ({@code $2a$}, {@code $2b$}, {@code $2y$}, cost 04-31); secret
 * @param groups informational; default empty
 * @param email informational; default {@code ""}
 * @param fullName informational; default {@code ""}
 * @param disabled a disabled user is always refused; default false
 */
public record NativeUser(
        String username, String passwordHash, List<String> groups, String email, String fullName, boolean disabled) {

    public NativeUser {
        requireNonNull(username, "username");
        requireNonNull(passwordHash, "passwordHash");
        groups = List.copyOf(groups);
        requireNonNull(email, "email");
        requireNonNull(fullName, "fullName");
    }

    @Override
    public String toString() {
        return "NativeUser[username=" + username + ", passwordHash=" + ConfigSecrets.MASK + ", groups=" + groups
                + ", email=" + email + ", fullName=" + fullName + ", disabled=" + disabled + "]";
    }
}
