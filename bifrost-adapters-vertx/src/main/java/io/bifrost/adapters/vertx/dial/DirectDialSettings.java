package io.bifrost.adapters.vertx.dial;

import static java.util.Objects.requireNonNull;

import io.bifrost.core.net.IpAddress;
import java.time.Duration;

/**
 * How a {@code direct} backend dials ([BKD-011], [BKD-031], [CFG-128]).
 *
 * @param connectTimeout bound on DNS + every connect attempt; > 0
 * @param keepAlive TCP keep-alive idle time on upstream sockets; zero disables keep-alive
 * @param localAddress source address to bind, or {@code null}
 * @param ipv6 whether IPv6 addresses are used at all ({@code network.ipv6})
 * @param preferIpv6 try IPv6 addresses before IPv4 ones ({@code network.prefer_ipv6})
 */
public record DirectDialSettings(
        Duration connectTimeout, Duration keepAlive, IpAddress localAddress, boolean ipv6, boolean preferIpv6) {
    public DirectDialSettings {
        requireNonNull(connectTimeout, "connectTimeout");
        requireNonNull(keepAlive, "keepAlive");
        if (connectTimeout.isNegative() || connectTimeout.isZero()) {
            throw new IllegalArgumentException("connectTimeout: " + connectTimeout + " (expected: > 0)");
        }
    }

    public static DirectDialSettings defaults() {
        return new DirectDialSettings(Duration.ofSeconds(30), Duration.ofSeconds(30), null, true, false);
    }
}
