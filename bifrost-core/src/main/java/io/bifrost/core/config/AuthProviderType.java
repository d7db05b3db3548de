package io.bifrost.core.config;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.Optional;

/** Authentication provider types ([CFG-110], [SEC-030], [SEC-035]); later-phase types are declared, not runnable. */
public enum AuthProviderType {
    NONE("none", true),
    NATIVE("native", true),
    APIKEY("apikey", false),
    JWT("jwt", false),
    LDAP("ldap", false),
    OAUTH("oauth", false),
    MTLS("mtls", false),
    TOTP("totp", false),
    HOTP("hotp", false),
    MFA_WRAPPER("mfa_wrapper", false),
    SYSTEM("system", false),
    KERBEROS("kerberos", false);

    private final String wireName;
    private final boolean supported;

    AuthProviderType(String wireName, boolean supported) {
        this.wireName = wireName;
        this.supported = supported;
    }

    public String wireName() {
        return wireName;
    }

    /** Whether this version can run a provider of this type (phase 1: {@code none}, {@code native}). */
    public boolean isSupported() {
        return supported;
    }

    /** The type named {@code name} (exact, case-sensitive); empty when unknown. */
    public static Optional<AuthProviderType> parse(String name) {
        requireNonNull(name, "name");
        return Arrays.stream(values()).filter(t -> t.wireName.equals(name)).findFirst();
    }
}
