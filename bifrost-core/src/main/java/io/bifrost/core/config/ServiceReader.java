package io.bifrost.core.config;

import java.time.Duration;
import java.time.format.DateTimeFormatter;

/**
 * Reads the service sections shared or alike in both programs: {@code metrics} ([CFG-118]), {@code logging}
 * ([CFG-120]), {@code web_ui} ([CFG-122], [CFG-157]), {@code api} ([CFG-124], [CFG-158]), {@code network}
 * ([CFG-128]) and {@code auto_update} ([CFG-130]).
 */
final class ServiceReader {
    private static final Duration ONE_SECOND = Duration.ofSeconds(1);
    private static final Duration ONE_HOUR = Duration.ofHours(1);

    private ServiceReader() {}

    static MetricsConfig metrics(ConfigNode node) {
        MetricsConfig d = MetricsConfig.defaults();
        ConfigNode pathNode = node.get("path");
        String path = pathNode.asString();
        if (path != null && !path.startsWith("/")) {
            pathNode.error("must start with \"/\", got \"" + path + "\"");
            path = null;
        }
        return new MetricsConfig(node.bool("enabled", d.enabled()), node.listen("listen", d.listen()),
                path == null ? d.path() : path, atLeast(node, "collection_interval", d.collectionInterval(),
                        ONE_SECOND, "1s"));
    }

    static LoggingConfig logging(ConfigNode node) {
        LoggingConfig d = LoggingConfig.defaults();
        ConfigNode timeNode = node.get("time_format");
        String timeFormat = timeNode.parsed(timeNode.asString(), pattern -> {
            try {
                DateTimeFormatter.ofPattern(pattern);
                return pattern;
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("invalid time format \"" + pattern + "\": " + e.getMessage(), e);
            }
        });
        return new LoggingConfig(
                node.choice("level", d.level(), LoggingConfig.Level::parse, "debug, info, warn, error"),
                node.choice("format", d.format(), LoggingConfig.Format::parse, "text, json"),
                PolicyReader.output(node, d.output()),
                timeFormat == null ? d.timeFormat() : timeFormat,
                node.integer("max_size_mb", d.maxSizeMb(), 0, Integer.MAX_VALUE),
                node.integer("max_backups", d.maxBackups(), 0, Integer.MAX_VALUE));
    }

    static WebUiConfig webUi(ConfigNode node, WebUiConfig d, boolean withBasePath) {
        return new WebUiConfig(node.bool("enabled", d.enabled()), node.listen("listen", d.listen()),
                withBasePath ? node.string("base_path", d.basePath()) : d.basePath());
    }

    /** The server reads every key of [CFG-124]; the client only {@code enabled}, {@code listen}, {@code token}. */
    static ApiConfig api(ConfigNode node, ApiConfig d, boolean server) {
        boolean enabled = node.bool("enabled", d.enabled());
        ListenAddress listen = node.listen("listen", d.listen());
        String token = node.string("token", d.token());
        if (!server) {
            return new ApiConfig(enabled, listen, token, d.enableRequestLog(), d.requestLogSize(),
                    d.websocketMaxClients());
        }
        return new ApiConfig(enabled, listen, token, node.bool("enable_request_log", d.enableRequestLog()),
                node.integer("request_log_size", d.requestLogSize(), 0, 1_000_000),
                node.integer("websocket_max_clients", d.websocketMaxClients(), 0, Integer.MAX_VALUE));
    }

    static NetworkConfig network(ConfigNode node) {
        NetworkConfig d = NetworkConfig.defaults();
        Duration dial = node.positiveDuration("dial_timeout");
        return new NetworkConfig(node.get("ipv6").asBool(), node.bool("prefer_ipv6", d.preferIpv6()),
                node.duration("keepalive", d.keepalive()), dial == null ? d.dialTimeout() : dial,
                node.integer("max_connections", d.maxConnections(), 0, Integer.MAX_VALUE),
                node.bool("allow_loopback_destinations", d.allowLoopbackDestinations()));
    }

    static AutoUpdateConfig autoUpdate(ConfigNode node) {
        AutoUpdateConfig d = AutoUpdateConfig.defaults();
        boolean enabled = node.bool("enabled", d.enabled());
        if (enabled) {
            node.get("enabled").warning("update checks are not available in this version");
        }
        ConfigNode channelNode = node.get("channel");
        String channel = channelNode.asString();
        if (channel != null && !channel.equals("stable") && !channel.equals("prerelease")) {
            channelNode.error("must be one of stable, prerelease, got \"" + channel + "\"");
            channel = null;
        }
        return new AutoUpdateConfig(enabled, atLeast(node, "check_interval", d.checkInterval(), ONE_HOUR, "1h"),
                channel == null ? d.channel() : channel);
    }

    /**
     * A later-phase section kept as written: {@code enabled} is typed (an error or a warning when true, or nothing
     * when {@code whenEnabled} is null), {@code keys} are the section's other documented keys (accepted unread).
     */
    static LaterPhaseSection laterPhase(
            ConfigNode node, boolean enabledDefault, Problem whenEnabled, String message, String... keys) {
        boolean enabled = node.bool("enabled", enabledDefault);
        if (enabled && whenEnabled == Problem.ERROR) {
            node.get("enabled").error(message);
        } else if (enabled && whenEnabled == Problem.WARNING) {
            node.get("enabled").warning(message);
        }
        node.accept(keys);
        return new LaterPhaseSection(enabled, node.snapshot());
    }

    /** What {@code enabled: true} of a later-phase section produces. */
    enum Problem { NONE, ERROR, WARNING }

    private static Duration atLeast(ConfigNode node, String key, Duration def, Duration min, String minText) {
        ConfigNode child = node.get(key);
        Duration v = child.asDuration();
        if (v != null && v.compareTo(min) < 0) {
            child.error("must be at least " + minText);
            return def;
        }
        return v == null ? def : v;
    }
}
