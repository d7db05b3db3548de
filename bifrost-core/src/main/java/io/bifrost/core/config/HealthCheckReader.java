package io.bifrost.core.config;

import io.bifrost.core.net.IpAddress;
import java.time.Duration;
import java.util.Map;

/** Reads and checks {@code health_check} blocks ([BKD-060], [BKD-061]). */
final class HealthCheckReader {
    private static final Duration MIN_INTERVAL = Duration.ofSeconds(1);

    private HealthCheckReader() {}

    /** The block as written; {@code null} when absent (or not a mapping, which is reported). */
    static HealthCheckConfig read(ConfigNode node) {
        node.expectMap();
        if (!(node.value() instanceof Map<?, ?>)) {
            return null;
        }
        ConfigNode typeNode = node.get("type");
        String typeText = typeNode.asString();
        HealthCheckType type = typeText == null ? null : HealthCheckType.parse(typeText).orElse(null);
        if (typeText != null && type == null) {
            typeNode.error("must be one of tcp, http, ping");
        }
        ConfigNode intervalNode = node.get("interval");
        Duration interval = intervalNode.asDuration();
        if (interval != null && interval.compareTo(MIN_INTERVAL) < 0) {
            intervalNode.error("must be at least 1s");
        }
        ConfigNode timeoutNode = node.get("timeout");
        Duration timeout = timeoutNode.asDuration();
        if (timeout != null && timeout.isZero()) {
            timeoutNode.error("must be greater than 0");
        }
        ConfigNode pathNode = node.get("path");
        String path = pathNode.asString();
        if (path != null && !path.startsWith("/")) {
            pathNode.error("must start with \"/\", got \"" + path + "\"");
        }
        ConfigNode schemeNode = node.get("scheme");
        String scheme = schemeNode.asString();
        if (scheme != null && !scheme.equals("http") && !scheme.equals("https")) {
            schemeNode.error("must be \"http\" or \"https\", got \"" + scheme + "\"");
        }
        return new HealthCheckConfig(type, interval, timeout, node.get("target").asString(), path, scheme,
                node.get("insecure_skip_verify").asBool(), threshold(node.get("healthy_threshold")),
                threshold(node.get("unhealthy_threshold")));
    }

    private static Integer threshold(ConfigNode node) {
        Long v = node.asLong(0, Integer.MAX_VALUE);
        return v == null ? null : v.intValue();
    }

    /**
     * Rules that depend on the effective values, i.e. on the block it inherits from ({@code inherited}, may be
     * null): scheme and {@code insecure_skip_verify} need type {@code http}; {@code insecure_skip_verify} needs
     * {@code https}; the target must fit the type; {@code timeout} greater than {@code interval} is a warning.
     */
    static void validate(ConfigNode node, HealthCheckConfig block, HealthCheckConfig inherited) {
        if (block == null || node.context().hasError(node.pathOf("type"))) {
            return;
        }
        HealthCheckConfig merged = (inherited == null ? HealthCheckConfig.empty() : inherited).overlaidWith(block);
        HealthCheckType type = merged.type() == null ? HealthCheckType.TCP : merged.type();
        String scheme = merged.scheme() == null ? HealthCheckConfig.DEFAULT_SCHEME : merged.scheme();
        if (block.scheme() != null && type != HealthCheckType.HTTP) {
            node.get("scheme").error("only allowed with type \"http\", got type \"" + type.wireName() + "\"");
        }
        if (Boolean.TRUE.equals(block.insecureSkipVerify())) {
            if (type != HealthCheckType.HTTP) {
                node.get("insecure_skip_verify").error("only allowed with type \"http\"");
            } else if (!scheme.equals("https")) {
                node.get("insecure_skip_verify").error("requires scheme \"https\"");
            }
        }
        if (block.target() != null) {
            checkTarget(node.get("target"), block.target(), type);
        }
        Duration interval = merged.interval() == null ? HealthCheckConfig.DEFAULT_INTERVAL : merged.interval();
        Duration timeout = merged.timeout() == null ? HealthCheckConfig.DEFAULT_TIMEOUT : merged.timeout();
        if ((block.interval() != null || block.timeout() != null) && timeout.compareTo(interval) > 0) {
            node.get("timeout").warning("timeout \"" + Durations.format(timeout) + "\" is longer than interval \""
                    + Durations.format(interval) + "\"");
        }
    }

    private static void checkTarget(ConfigNode node, String target, HealthCheckType type) {
        boolean ok = switch (type) {
            case TCP -> parses(target);
            case HTTP -> parses(target) || isHost(target);
            case PING -> isHost(target) || IpAddress.parse(target).isPresent();
        };
        if (!ok) {
            String expected = switch (type) {
                case TCP -> "host:port";
                case HTTP -> "host or host:port";
                case PING -> "a host name or IP address";
            };
            node.error("invalid target \"" + target + "\" for type " + type.wireName() + " (expected " + expected
                    + ")");
        }
    }

    private static boolean parses(String hostPort) {
        try {
            HostPort.parse(hostPort);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean isHost(String host) {
        return HostSyntax.isHostName(host) || HostSyntax.bracketedV6(host).isPresent()
                || IpAddress.parse(host).filter(IpAddress::isV4).isPresent();
    }
}
