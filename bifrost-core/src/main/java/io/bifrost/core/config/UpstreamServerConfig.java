package io.bifrost.core.config;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Optional;

/**
 * The client's {@code server} section: the upstream the {@code server} action uses ([CFG-152], [PRX-122]). Immutable;
 * {@link #toString()} masks the password.
 *
 * @param address {@code null} when {@code ""} (default): a direct-only client
 * @param protocol default {@code http}
 * @param username offered to the server; default {@code ""}
 * @param password secret; default {@code ""}
 * @param timeout per attempt ([PRX-123]); default 30s
 * @param retryCount retries after the first attempt, 0-10; default 3
 * @param retryDelay pause between attempts; default 1s
 * @param tls the {@code tls} block, or {@code null} when absent (enabling it is an error in this version)
 * @param healthCheck the {@code health_check} block as written, or {@code null}; see {@link #effectiveHealthCheck()}
 */
public record UpstreamServerConfig(
        HostPort address,
        UpstreamProtocol protocol,
        String username,
        String password,
        Duration timeout,
        int retryCount,
        Duration retryDelay,
        TlsConfig tls,
        HealthCheckConfig healthCheck) {

    public UpstreamServerConfig {
        requireNonNull(protocol, "protocol");
        requireNonNull(username, "username");
        requireNonNull(password, "password");
        requireNonNull(timeout, "timeout");
        requireNonNull(retryDelay, "retryDelay");
    }

    public static UpstreamServerConfig defaults() {
        return new UpstreamServerConfig(null, UpstreamProtocol.HTTP, "", "", Duration.ofSeconds(30), 3,
                Duration.ofSeconds(1), null, null);
    }

    /**
     * The reachability probe behind {@code server_connected} ([CFG-152]): {@code type: tcp}, 30s, 5s, target
     * {@code address} unless the block says otherwise; empty when there is no target.
     */
    public Optional<EffectiveHealthCheck> effectiveHealthCheck() {
        return HealthCheckConfig.effective(HealthCheckConfig.empty(), healthCheck, address);
    }

    @Override
    public String toString() {
        return "UpstreamServerConfig[address=" + address + ", protocol=" + protocol.wireName() + ", username="
                + username + ", password=" + (password.isEmpty() ? "" : ConfigSecrets.MASK) + ", timeout=" + timeout
                + ", retryCount=" + retryCount + ", retryDelay=" + retryDelay + ", tls=" + tls + ", healthCheck="
                + healthCheck + "]";
    }
}
