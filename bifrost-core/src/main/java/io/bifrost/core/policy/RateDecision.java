package io.bifrost.core.policy;

/** The result of taking a token from a request-rate bucket ([SEC-050], [SEC-051]). */
public sealed interface RateDecision {

    /** The single admitted value. */
    RateDecision ADMITTED = new Admitted();

    boolean isAdmitted();

    /** A token was taken; the request proceeds. */
    record Admitted() implements RateDecision {
        @Override
        public boolean isAdmitted() {
            return true;
        }
    }

    /**
     * No token: refused with {@code rate_limited} (429, SOCKS5 {@code 0x02}, [PRX-100]).
     *
     * @param retryAfterSeconds whole seconds until the bucket holds a token, rounded up, at least 1: the
     *     {@code Retry-After} value
     */
    record Limited(long retryAfterSeconds) implements RateDecision {
        public Limited {
            if (retryAfterSeconds < 1) {
                throw new IllegalArgumentException("retryAfterSeconds: " + retryAfterSeconds + " (expected: >= 1)");
            }
        }

        @Override
        public boolean isAdmitted() {
            return false;
        }
    }
}
