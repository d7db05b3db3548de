package io.bifrost.core.policy;

import static java.util.Objects.requireNonNull;

import io.bifrost.core.net.IpAddress;

/**
 * The key of one request-rate bucket ([SEC-050]): {@code ip:<client IP>} for the per-IP limit (step 3 of [PRX-010]),
 * {@code user:<username>} or, when authentication is not required, {@code anon:<client IP>} for the per-user limit
 * (step 5). {@link #toString()} is that text form.
 *
 * @param kind which limit the bucket belongs to
 * @param value the RFC 5952 / dotted client address, or the username
 */
public record RateLimitKey(Kind kind, String value) {

    public RateLimitKey {
        requireNonNull(kind, "kind");
        requireNonNull(value, "value");
    }

    public static RateLimitKey ip(IpAddress client) {
        return new RateLimitKey(Kind.IP, client.toString());
    }

    public static RateLimitKey user(String username) {
        return new RateLimitKey(Kind.USER, username);
    }

    public static RateLimitKey anon(IpAddress client) {
        return new RateLimitKey(Kind.ANON, client.toString());
    }

    @Override
    public String toString() {
        return kind.prefix + ":" + value;
    }

    /** Bucket families; {@link #metricType()} is the {@code type} label of {@code bifrost_rate_limit_hits_total}. */
    public enum Kind {
        IP("ip", "ip"),
        USER("user", "user"),
        ANON("anon", "user");

        private final String prefix;
        private final String metricType;

        Kind(String prefix, String metricType) {
            this.prefix = prefix;
            this.metricType = metricType;
        }

        /** {@code ip} for per-IP buckets, {@code user} for per-user ones, anonymous included. */
        public String metricType() {
            return metricType;
        }
    }
}
