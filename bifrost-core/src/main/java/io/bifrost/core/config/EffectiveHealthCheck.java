package io.bifrost.core.config;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * A probe ready to run: a merged {@link HealthCheckConfig} with defaults applied and its target determined
 * ([BKD-060], [BKD-061]). Immutable.
 *
 * @param type probe kind
 * @param interval between probe starts, &ge; 1s
 * @param timeout bound on one probe, &gt; 0
 * @param target {@code host:port} (tcp), {@code host[:port]} (http), {@code host} (ping)
 * @param path request path of http probes, starts with {@code /}
 * @param scheme {@code http} or {@code https}
 * @param insecureSkipVerify https only: accept any certificate
 * @param healthyThreshold consecutive successes to become healthy, &ge; 1
 * @param unhealthyThreshold consecutive failures to become unhealthy, &ge; 1
 */
public record EffectiveHealthCheck(
        HealthCheckType type,
        Duration interval,
        Duration timeout,
        String target,
        String path,
        String scheme,
        boolean insecureSkipVerify,
        int healthyThreshold,
        int unhealthyThreshold) {

    public EffectiveHealthCheck {
        requireNonNull(type, "type");
        requireNonNull(interval, "interval");
        requireNonNull(timeout, "timeout");
        requireNonNull(target, "target");
        requireNonNull(path, "path");
        requireNonNull(scheme, "scheme");
        if (healthyThreshold < 1 || unhealthyThreshold < 1) {
            throw new IllegalArgumentException("thresholds: " + healthyThreshold + "/" + unhealthyThreshold
                    + " (expected: >= 1)");
        }
    }
}
