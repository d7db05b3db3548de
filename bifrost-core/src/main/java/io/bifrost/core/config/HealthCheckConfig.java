package io.bifrost.core.config;

import java.time.Duration;
import java.util.Optional;

/**
 * A {@code health_check} block as written ([BKD-060]): the top-level section, a backend's own block or the client's
 * {@code server.health_check}. Every component is {@code null} when its key is absent, so blocks can be overlaid field
 * by field ([BKD-061]); {@link #effective} applies the defaults. Immutable.
 *
 * @param type {@code tcp} (default), {@code http} or {@code ping}
 * @param interval between probe starts; default 30s, at least 1s
 * @param timeout bound on one probe; default 5s, &gt; 0
 * @param target {@code host:port} (tcp), {@code host[:port]} (http), {@code host} (ping); default per [BKD-061]
 * @param path http only; default {@code /health}
 * @param scheme {@code http} (default) or {@code https}; http only
 * @param insecureSkipVerify https only: accept any certificate; default false
 * @param healthyThreshold consecutive successes to become healthy; default 1, 0 means 1
 * @param unhealthyThreshold consecutive failures to become unhealthy; default 1, 0 means 1
 */
public record HealthCheckConfig(
        HealthCheckType type,
        Duration interval,
        Duration timeout,
        String target,
        String path,
        String scheme,
        Boolean insecureSkipVerify,
        Integer healthyThreshold,
        Integer unhealthyThreshold) {

    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(30);
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
    public static final String DEFAULT_PATH = "/health";
    public static final String DEFAULT_SCHEME = "http";

    /** A block with no key set: every effective value is the default. */
    public static HealthCheckConfig empty() {
        return new HealthCheckConfig(null, null, null, null, null, null, null, null, null);
    }

    /** This block overlaid field by field with {@code own} (whose set fields win); {@code own} may be null. */
    public HealthCheckConfig overlaidWith(HealthCheckConfig own) {
        if (own == null) {
            return this;
        }
        return new HealthCheckConfig(
                pick(own.type, type),
                pick(own.interval, interval),
                pick(own.timeout, timeout),
                pick(own.target, target),
                pick(own.path, path),
                pick(own.scheme, scheme),
                pick(own.insecureSkipVerify, insecureSkipVerify),
                pick(own.healthyThreshold, healthyThreshold),
                pick(own.unhealthyThreshold, unhealthyThreshold));
    }

    private static <T> T pick(T own, T inherited) {
        return own != null ? own : inherited;
    }

    /**
     * The probe of [BKD-061]: {@code defaults} (the top-level section, may be null) overlaid with {@code own} (may be
     * null), defaults applied; the target is the block's {@code target}, else {@code fallbackTarget} (a proxy
     * backend's address, the client's {@code server.address}; may be null).
     *
     * @return empty when neither block exists or no target can be determined (a {@code direct} backend without one)
     */
    public static Optional<EffectiveHealthCheck> effective(
            HealthCheckConfig defaults, HealthCheckConfig own, HostPort fallbackTarget) {
        if (defaults == null && own == null) {
            return Optional.empty();
        }
        HealthCheckConfig merged = (defaults == null ? empty() : defaults).overlaidWith(own);
        String target = merged.target != null ? merged.target
                : fallbackTarget != null ? fallbackTarget.toString() : null;
        if (target == null || target.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new EffectiveHealthCheck(
                pick(merged.type, HealthCheckType.TCP),
                pick(merged.interval, DEFAULT_INTERVAL),
                pick(merged.timeout, DEFAULT_TIMEOUT),
                target,
                pick(merged.path, DEFAULT_PATH),
                pick(merged.scheme, DEFAULT_SCHEME),
                pick(merged.insecureSkipVerify, false),
                atLeastOne(merged.healthyThreshold),
                atLeastOne(merged.unhealthyThreshold)));
    }

    private static int atLeastOne(Integer threshold) {
        return threshold == null || threshold < 1 ? 1 : threshold;
    }
}
