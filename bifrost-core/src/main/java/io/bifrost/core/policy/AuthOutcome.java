package io.bifrost.core.policy;

import static java.util.Objects.requireNonNull;

/** The result of proxy authentication ([SEC-030]-[SEC-033]). */
public sealed interface AuthOutcome {

    /** The outcome for a request without usable credentials (no field, another scheme, undecodable). */
    static AuthOutcome missingCredentials() {
        return new Rejected(AuthFailure.MISSING_CREDENTIALS);
    }

    boolean isAccepted();

    /**
     * The credentials were accepted.
     *
     * @param username the authenticated user, attached to the request for logs, per-user limits and events
     * @param provider the name of the provider that accepted them
     */
    record Accepted(String username, String provider) implements AuthOutcome {
        public Accepted {
            requireNonNull(username, "username");
            requireNonNull(provider, "provider");
        }

        @Override
        public boolean isAccepted() {
            return true;
        }
    }

    /** The request is refused with 407 / RFC 1929 failure; {@code reason} goes to logs and metrics only. */
    record Rejected(AuthFailure reason) implements AuthOutcome {
        public Rejected {
            requireNonNull(reason, "reason");
        }

        @Override
        public boolean isAccepted() {
            return false;
        }
    }
}
