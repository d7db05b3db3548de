package io.bifrost.core.config;

import java.util.Optional;

/** Reads {@code rate_limit} ([CFG-112]), {@code access_control} ([CFG-114]) and {@code access_log} ([CFG-116]). */
final class PolicyReader {
    private PolicyReader() {}

    static RateLimitConfig rateLimit(ConfigNode node) {
        RateLimitConfig d = RateLimitConfig.defaults();
        boolean enabled = node.bool("enabled", d.enabled());
        ConfigNode rpsNode = node.get("requests_per_second");
        Double rps = rpsNode.asNumber();
        if (rps != null && rps <= 0) {
            rpsNode.error("must be greater than 0, got " + rpsNode.value());
            rps = null;
        }
        int burst = node.integer("burst_size", d.burstSize(), 1, Integer.MAX_VALUE);
        boolean perIp = node.bool("per_ip", d.perIp());
        boolean perUser = node.bool("per_user", d.perUser());
        if (enabled && !perIp && !perUser) {
            node.warning("per_ip and per_user are both false; requests are limited per client IP");
        }
        ConfigNode bw = node.map("bandwidth");
        boolean bwEnabled = bw.bool("enabled", false);
        long upload = Optional.ofNullable(bw.get("upload").asRate()).orElse(0L);
        long download = Optional.ofNullable(bw.get("download").asRate()).orElse(0L);
        if (bwEnabled && !enabled) {
            bw.get("enabled").warning("bandwidth limits stay inactive while rate_limit.enabled is false");
        }
        return new RateLimitConfig(enabled, rps == null ? d.requestsPerSecond() : rps, burst, perIp, perUser,
                new RateLimitConfig.Bandwidth(bwEnabled, upload, download));
    }

    static AccessControlConfig accessControl(ConfigNode node) {
        return new AccessControlConfig(Patterns.cidrBlocks(node.get("whitelist")),
                Patterns.cidrBlocks(node.get("blacklist")));
    }

    static AccessLogConfig accessLog(ConfigNode node) {
        AccessLogConfig d = AccessLogConfig.defaults();
        return new AccessLogConfig(
                node.bool("enabled", d.enabled()),
                node.choice("format", d.format(), AccessLogConfig.Format::parse, "json, apache, combined, common"),
                output(node, d.output()));
    }

    /** An {@code output} key: {@code stdout}, {@code stderr} or a file path; never empty. */
    static String output(ConfigNode section, String def) {
        ConfigNode node = section.get("output");
        String output = node.asString();
        if (output != null && output.isBlank()) {
            node.error("must be stdout, stderr or a file path, got \"" + output + "\"");
            return def;
        }
        return output == null ? def : output;
    }
}
