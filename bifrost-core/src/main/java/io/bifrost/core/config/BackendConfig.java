package io.bifrost.core.config;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/**
 * One entry of {@code backends} ([BKD-001]). Immutable.
 *
 * @param name unique; [GEN-060]; not {@code all}, {@code none}, {@code any}, {@code cache}
 * @param type canonical type (aliases are normalised at load time, [BKD-010])
 * @param enabled default {@code true} ([BKD-002]); a disabled backend is never started nor selected
 * @param priority informational display order; default 0
 * @param weight default weight for {@code weighted} routes, &ge; 0; default 0, which counts as 1 ([RTE-060])
 * @param settings the typed {@code config} map
 * @param healthCheck the backend's own {@code health_check} block as written, or {@code null} when absent; see
 *     {@link ServerConfig#healthCheckOf(BackendConfig)} for the effective probe ([BKD-061])
 * @param rawConfig the {@code config} map as written (unmodifiable; unknown keys included)
 */
public record BackendConfig(
        String name,
        BackendType type,
        boolean enabled,
        int priority,
        int weight,
        BackendSettings settings,
        HealthCheckConfig healthCheck,
        Map<String, Object> rawConfig) {

    public BackendConfig {
        requireNonNull(name, "name");
        requireNonNull(type, "type");
        requireNonNull(settings, "settings");
        rawConfig = Trees.freezeMap(requireNonNull(rawConfig, "rawConfig"));
        if (weight < 0) {
            throw new IllegalArgumentException("weight: " + weight + " (expected: >= 0)");
        }
    }

    /** The weight used by {@code weighted} selection when a route gives none: {@code weight}, or 1 when it is 0. */
    public int effectiveWeight() {
        return weight > 0 ? weight : 1;
    }

    /** The upstream proxy address of {@code http_proxy}/{@code socks5_proxy} backends, else {@code null}. */
    public HostPort upstreamAddress() {
        if (settings instanceof BackendSettings.HttpProxy http) {
            return http.address();
        }
        if (settings instanceof BackendSettings.Socks5Proxy socks) {
            return socks.address();
        }
        return null;
    }
}
