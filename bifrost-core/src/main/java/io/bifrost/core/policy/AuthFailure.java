package io.bifrost.core.policy;

/**
 * Why proxy authentication failed ([SEC-033]). {@link #label()} is the {@code reason} label of
 * {@code bifrost_auth_failures_total} and the log reason; the client only ever sees 407 / RFC 1929 {@code 01 01}.
 */
public enum AuthFailure {
    /** No usable credentials were sent: {@code auth_required}. Every other reason maps to {@code auth_failed}. */
    MISSING_CREDENTIALS("missing_credentials"),
    UNKNOWN_USER("unknown_user"),
    INVALID_CREDENTIALS("invalid_credentials"),
    USER_DISABLED("user_disabled");

    private final String label;

    AuthFailure(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
