package io.bifrost.core.config;

import static java.util.Objects.requireNonNull;

/**
 * The {@code rate_limit} section ([CFG-112], [SEC-050]). Immutable.
 *
 * @param enabled default false
 * @param requestsPerSecond sustained rate per key, &gt; 0; default 100
 * @param burstSize bucket capacity per key, &ge; 1; default 200
 * @param perIp one bucket per client IP; default true (also used when both flags are false)
 * @param perUser one bucket per authenticated user; default false
 * @param bandwidth per-connection bandwidth limits
 */
public record RateLimitConfig(
        boolean enabled, double requestsPerSecond, int burstSize, boolean perIp, boolean perUser, Bandwidth bandwidth) {

    /**
     * {@code rate_limit.bandwidth}; rates in bytes per second ([CFG-012]), 0 = unlimited.
     *
     * @param enabled default false; inactive while {@code rate_limit.enabled} is false
     * @param uploadBytesPerSecond client → destination, per connection; default 0
     * @param downloadBytesPerSecond destination → client, per connection; default 0
     */
    public record Bandwidth(boolean enabled, long uploadBytesPerSecond, long downloadBytesPerSecond) {
        public Bandwidth {
            if (uploadBytesPerSecond < 0 || downloadBytesPerSecond < 0) {
                throw new IllegalArgumentException("bandwidth: " + uploadBytesPerSecond + "/"
                        + downloadBytesPerSecond + " (expected: >= 0)");
            }
        }

        public static Bandwidth defaults() {
            return new Bandwidth(false, 0, 0);
        }
    }

    public RateLimitConfig {
        requireNonNull(bandwidth, "bandwidth");
    }

    public static RateLimitConfig defaults() {
        return new RateLimitConfig(false, 100, 200, true, false, Bandwidth.defaults());
    }
}
