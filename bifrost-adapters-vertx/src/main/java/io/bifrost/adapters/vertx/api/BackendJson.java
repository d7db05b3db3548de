package io.bifrost.adapters.vertx.api;

import io.bifrost.core.backend.Backend;
import io.bifrost.core.backend.BackendStats;
import io.bifrost.core.config.BackendConfig;
import io.bifrost.core.config.ConfigSecrets;
import io.bifrost.core.config.Durations;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Backends as the API shows them ([SAPI-030], [BKD-050]). Stateless. */
final class BackendJson {
    private BackendJson() {}

    /**
     * One element of {@code GET /backends}.
     *
     * @param running the run-time backend, or {@code null} when none was started for this declaration
     */
    static JsonObject element(BackendConfig config, Backend running, Optional<ProbeStatus> probe, Instant now) {
        return new JsonObject().put("name", config.name()).put("type", config.type().wireName())
                .put("enabled", config.enabled()).put("running", running != null && running.running())
                .put("healthy", running != null && running.healthy()).put("priority", config.priority())
                .put("weight", config.weight()).put("config", maskedConfig(config))
                .put("stats", stats(config, running, probe, now));
    }

    /** The statistics object of [BKD-050]. */
    static JsonObject stats(BackendConfig config, Backend running, Optional<ProbeStatus> probe, Instant now) {
        boolean isRunning = running != null && running.running();
        JsonObject out = new JsonObject().put("name", config.name()).put("type", config.type().wireName())
                .put("enabled", config.enabled()).put("running", isRunning)
                .put("healthy", running != null && running.healthy());
        BackendStats s = running == null ? new BackendStats() : running.stats();
        out.put("active_connections", s.activeConnections()).put("total_connections", s.totalConnections())
                .put("bytes_sent", s.bytesSent()).put("bytes_received", s.bytesReceived()).put("errors", s.errors());
        if (s.lastError() != null) {
            out.put("last_error", s.lastError().message()).put("last_error_time", ApiJson.time(s.lastError().at()));
        }
        probe.map(ProbeStatus::latency).ifPresent(l -> out.put("latency_ms", ApiJson.millis(l)));
        Instant started = running == null ? null : running.startedAt();
        long uptime = isRunning && started != null ? Math.max(0, Duration.between(started, now).toSeconds()) : 0;
        out.put("uptime_seconds", uptime);
        probe.ifPresent(p -> out.put("health_check", healthCheck(p)));
        return out;
    }

    private static JsonObject healthCheck(ProbeStatus p) {
        JsonObject out = new JsonObject().put("type", p.type()).put("target", p.target())
                .put("interval", Durations.format(p.interval()));
        if (p.lastCheck() != null) {
            out.put("last_check", ApiJson.time(p.lastCheck()));
        }
        if (p.lastSucceeded() != null) {
            out.put("last_result", p.lastSucceeded() ? "success" : "failure");
        }
        if (p.lastError() != null) {
            out.put("last_error", p.lastError());
        }
        return out.put("consecutive_successes", p.consecutiveSuccesses())
                .put("consecutive_failures", p.consecutiveFailures());
    }

    /** The backend's {@code config} as written, secrets masked ([SEC-080]) by the same rules as the config view. */
    @SuppressWarnings("unchecked")
    static JsonObject maskedConfig(BackendConfig config) {
        Map<String, Object> tree = Map.of("backends", List.of(Map.of("config", config.rawConfig())));
        Map<String, Object> masked = (Map<String, Object>) ConfigSecrets.mask(tree);
        List<Object> backends = (List<Object>) masked.get("backends");
        Map<String, Object> only = (Map<String, Object>) backends.get(0);
        return new JsonObject((Map<String, Object>) only.get("config"));
    }
}
