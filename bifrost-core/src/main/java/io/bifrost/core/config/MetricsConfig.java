package io.bifrost.core.config;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * The {@code metrics} section ([CFG-118]). Immutable.
 *
 * @param enabled default true
 * @param listen default {@code :7090}; disabled ({@code ""}) serves metrics on the API listener instead
 * @param path default {@code /metrics}; starts with {@code /}
 * @param collectionInterval how often sampled gauges are refreshed; default 15s, at least 1s
 */
public record MetricsConfig(boolean enabled, ListenAddress listen, String path, Duration collectionInterval) {

    public MetricsConfig {
        requireNonNull(listen, "listen");
        requireNonNull(path, "path");
        requireNonNull(collectionInterval, "collectionInterval");
    }

    public static MetricsConfig defaults() {
        return new MetricsConfig(true, ListenAddress.parse(":7090"), "/metrics", Duration.ofSeconds(15));
    }
}
