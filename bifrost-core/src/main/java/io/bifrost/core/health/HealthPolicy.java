package io.bifrost.core.health;

/**
 * Hysteresis of a health check ([BKD-060], [BKD-063]).
 *
 * @param rise consecutive successes that turn an unhealthy backend healthy ({@code healthy_threshold}; 0 means 1)
 * @param fall consecutive failures that turn a healthy backend unhealthy ({@code unhealthy_threshold}; 0 means 1)
 */
public record HealthPolicy(int rise, int fall) {

    public HealthPolicy {
        if (rise < 0) {
            throw new IllegalArgumentException("rise: " + rise + " (expected: >= 0)");
        }
        if (fall < 0) {
            throw new IllegalArgumentException("fall: " + fall + " (expected: >= 0)");
        }
        rise = Math.max(1, rise);
        fall = Math.max(1, fall);
    }

    /** One success or one failure flips the state: the defaults of [BKD-060]. */
    public static HealthPolicy defaults() {
        return new HealthPolicy(1, 1);
    }
}
