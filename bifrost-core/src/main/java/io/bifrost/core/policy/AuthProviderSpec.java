package io.bifrost.core.policy;

import static java.util.Objects.requireNonNull;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One entry of {@code auth.providers} as the authenticator needs it ([CFG-110], [SEC-030]). Later-phase provider types
 * ([SEC-035]) are rejected by config validation when enabled and ignored when disabled, so they never reach here.
 *
 * @param name unique provider name; part of the verification cache key
 * @param type {@code none} or {@code native}
 * @param enabled disabled providers are ignored
 * @param priority lower is tried first; ties keep list order
 * @param users the {@code native} users; empty for {@code none}
 */
public record AuthProviderSpec(String name, Type type, boolean enabled, int priority, List<NativeUser> users) {

    public AuthProviderSpec {
        requireNonNull(name, "name");
        requireNonNull(type, "type");
        users = List.copyOf(requireNonNull(users, "users"));
        Set<String> seen = new HashSet<>();
        for (NativeUser user : users) {
            if (!seen.add(user.username())) {
                throw new IllegalArgumentException("users: duplicate username \"" + user.username()
                        + "\" (expected: unique within provider " + name + ")");
            }
        }
    }

    /** An enabled {@code native} provider. */
    public static AuthProviderSpec nativeProvider(String name, int priority, List<NativeUser> users) {
        return new AuthProviderSpec(name, Type.NATIVE, true, priority, users);
    }

    /** Provider types of phase 1. */
    public enum Type {
        /** Asks for no credentials; ignored next to other enabled providers ([SEC-031]). */
        NONE,
        /** Users and bcrypt hashes listed in the configuration ([SEC-032]). */
        NATIVE
    }
}
