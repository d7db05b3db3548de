package io.bifrost.core.config;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.Optional;

/** Top-level sections of the server file in canonical order, with their reload behaviour ([CFG-100], [CFG-080]). */
public enum ServerSection {
    SERVER("server", false, "Proxy listeners, timeouts and shutdown", true),
    BACKENDS("backends", false, "Upstream backends and their health checks", true),
    ROUTES("routes", true, "Host patterns mapped to backends", true),
    AUTH("auth", false, "Proxy user authentication", true),
    RATE_LIMIT("rate_limit", true, "Request rate and bandwidth limits", true),
    ACCESS_CONTROL("access_control", true, "Client IP allow and deny lists", true),
    ACCESS_LOG("access_log", false, "Per-request access log", true),
    METRICS("metrics", false, "Prometheus endpoint", true),
    LOGGING("logging", false, "Application log", true),
    WEB_UI("web_ui", false, "Web dashboard (not bundled in this version)", false),
    API("api", false, "Management API, request log and WebSocket", true),
    HEALTH_CHECK("health_check", false, "Default health check settings", true),
    AUTO_UPDATE("auto_update", false, "Update checks", false),
    CACHE("cache", true, "HTTP download cache rules (storage changes need a restart)", false),
    NETWORK("network", false, "Outbound dialing and connection limits", true),
    SESSION("session", false, "API login sessions", false),
    MITM("mitm", false, "TLS interception", false),
    MESH("mesh", false, "Mesh coordinator endpoints", false);

    private final String wireName;
    private final boolean hot;
    private final String description;
    private final boolean phase1;

    ServerSection(String wireName, boolean hot, String description, boolean phase1) {
        this.wireName = wireName;
        this.hot = hot;
        this.description = description;
        this.phase1 = phase1;
    }

    /** The key in the file, e.g. {@code rate_limit}. */
    public String wireName() {
        return wireName;
    }

    /** Whether a reload applies changes without a restart ([CFG-080]). */
    public boolean isHot() {
        return hot;
    }

    /** The description returned by {@code /config/meta}. */
    public String description() {
        return description;
    }

    /** True for phase-1 sections; false for accepted and later-phase ones. */
    public boolean isPhase1() {
        return phase1;
    }

    public static Optional<ServerSection> parse(String name) {
        requireNonNull(name, "name");
        return Arrays.stream(values()).filter(s -> s.wireName.equals(name)).findFirst();
    }
}
