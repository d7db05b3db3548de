package io.bifrost.core.config;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * The later-phase {@code auto_update} section ([CFG-130], client [CFG-160]); {@code enabled: true} gives a warning.
 * Immutable.
 *
 * @param enabled default false
 * @param checkInterval default 24h; at least 1h
 * @param channel {@code stable} (default) or {@code prerelease}
 */
public record AutoUpdateConfig(boolean enabled, Duration checkInterval, String channel) {

    public AutoUpdateConfig {
        requireNonNull(checkInterval, "checkInterval");
        requireNonNull(channel, "channel");
    }

    public static AutoUpdateConfig defaults() {
        return new AutoUpdateConfig(false, Duration.ofHours(24), "stable");
    }
}
