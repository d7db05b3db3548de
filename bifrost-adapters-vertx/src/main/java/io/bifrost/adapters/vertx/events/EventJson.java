package io.bifrost.adapters.vertx.events;

import io.bifrost.core.event.BackendHealthChanged;
import io.bifrost.core.event.ConfigReloaded;
import io.bifrost.core.event.ConfigSaved;
import io.bifrost.core.event.ConnectionClosed;
import io.bifrost.core.event.ConnectionOpened;
import io.bifrost.core.event.ProxyEvent;
import io.bifrost.core.traffic.ConnectionSnapshot;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The WebSocket form of events ([EVT-002], [EVT-020]-[EVT-026]): one text frame per event, {@code type},
 * {@code timestamp}, {@code data}. Events of other kinds are not sent ([EVT-027]). Stateless.
 */
final class EventJson {
    static final String BACKEND_HEALTH = "backend.health";
    static final String CONNECTION_NEW = "connection.new";
    static final String CONNECTION_CLOSE = "connection.close";
    static final String CONFIG_RELOAD = "config.reload";
    static final String CONFIG_SAVED = "config.saved";
    static final String STATS_UPDATE = "stats.update";

    private static final DateTimeFormatter MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private EventJson() {}

    /** An event ready to send: its type (for filters) and its frame text. */
    record Encoded(String type, String text) {}

    /** The frame for {@code event}, or {@code null} when it is not a WebSocket event. */
    static Encoded encode(ProxyEvent event) {
        if (event instanceof ConnectionOpened o) {
            return frame(CONNECTION_NEW, o.at(), connection(o.connection()));
        }
        if (event instanceof ConnectionClosed c) {
            return frame(CONNECTION_CLOSE, c.at(), closed(c));
        }
        if (event instanceof BackendHealthChanged h) {
            return frame(BACKEND_HEALTH, h.at(), health(h));
        }
        if (event instanceof ConfigReloaded r) {
            return frame(CONFIG_RELOAD, r.at(), reload(r));
        }
        if (event instanceof ConfigSaved s) {
            return frame(CONFIG_SAVED, s.at(), saved(s));
        }
        return null;
    }

    static Encoded frame(String type, Instant at, JsonObject data) {
        String text = new JsonObject().put("type", type).put("timestamp", MILLIS.format(at)).put("data", data)
                .encode();
        return new Encoded(type, text);
    }

    /** [EVT-020] snapshot form: {@code previous: null}, {@code initial: true}. */
    static JsonObject initialHealth(String name, String type, boolean healthy) {
        return new JsonObject().put("name", name).put("type", type).put("healthy", healthy).putNull("previous")
                .put("initial", true);
    }

    private static JsonObject health(BackendHealthChanged h) {
        JsonObject data = new JsonObject().put("name", h.backend()).put("type", h.type()).put("healthy", h.healthy())
                .put("previous", h.previous());
        if (h.reason() != null) {
            data.put("reason", h.reason());
        }
        if (h.latency() != null) {
            data.put("latency_ms", millis(h.latency()));
        }
        return data.put("initial", false);
    }

    /** [EVT-021]. */
    private static JsonObject connection(ConnectionSnapshot c) {
        JsonObject data = new JsonObject().put("id", c.id()).put("protocol", c.protocol().name())
                .put("client_ip", c.clientIp()).put("client_port", c.clientPort()).put("host", c.host())
                .put("port", c.port()).put("route", c.route()).put("backend", c.backend());
        if (c.username() != null) {
            data.put("username", c.username());
        }
        return data;
    }

    /** [EVT-022]. */
    private static JsonObject closed(ConnectionClosed c) {
        ConnectionSnapshot s = c.connection();
        JsonObject data = connection(s).put("bytes_sent", s.bytesSent()).put("bytes_received", s.bytesReceived())
                .put("duration_ms", millis(c.lifetime())).put("requests", s.requests());
        if (c.error() != null) {
            data.put("error", c.error().code());
        }
        return data;
    }

    /** [EVT-024]. */
    private static JsonObject reload(ConfigReloaded r) {
        JsonObject data = new JsonObject().put("status", r.success() ? "success" : "failed").put("trigger", r.trigger())
                .put("changed_sections", strings(r.changedSections()))
                .put("hot_reloaded_sections", strings(r.hotReloadedSections()))
                .put("restart_required_sections", strings(r.restartRequiredSections()))
                .put("requires_restart", !r.restartRequiredSections().isEmpty());
        if (!r.success() || !r.errors().isEmpty()) {
            JsonArray errors = new JsonArray();
            r.errors().forEach(p -> errors.add(new JsonObject().put("path", p.path()).put("message", p.message())
                    .put("severity", p.severity().wireName()).put("section", p.section())));
            data.put("errors", errors);
        }
        return data;
    }

    /** [EVT-025]. */
    private static JsonObject saved(ConfigSaved s) {
        JsonObject data = new JsonObject().put("source", s.source())
                .put("changed_sections", strings(s.changedSections()))
                .put("hot_reloaded_sections", strings(s.hotReloadedSections()))
                .put("restart_required_sections", strings(s.restartRequiredSections()))
                .put("requires_restart", !s.restartRequiredSections().isEmpty());
        if (s.backupPath() != null) {
            data.put("backup_path", s.backupPath());
        }
        return data;
    }

    /** [EVT-026]; rates are per second over the last interval. */
    static JsonObject stats(StatsSnapshot s, double bytesSentRate, double bytesReceivedRate, double requestRate) {
        return new JsonObject().put("active_connections", s.activeConnections())
                .put("total_connections", s.totalConnections()).put("total_requests", s.totalRequests())
                .put("bytes_sent", s.bytesSent()).put("bytes_received", s.bytesReceived())
                .put("bytes_sent_per_second", round3(bytesSentRate))
                .put("bytes_received_per_second", round3(bytesReceivedRate))
                .put("requests_per_second", round3(requestRate))
                .put("backends", new JsonObject().put("total", s.backendsTotal()).put("running", s.backendsRunning())
                        .put("healthy", s.backendsHealthy()));
    }

    private static JsonArray strings(List<String> values) {
        return new JsonArray(new ArrayList<>(values));
    }

    private static double millis(Duration d) {
        return round3(d.toNanos() / 1_000_000.0);
    }

    private static double round3(double v) {
        return Math.round(v * 1000.0) / 1000.0;
    }
}
