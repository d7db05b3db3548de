package io.bifrost.adapters.vertx.net;

import static java.util.Objects.requireNonNull;

import io.bifrost.core.config.RateLimitConfig;
import io.bifrost.core.policy.BandwidthBudget;
import io.vertx.core.Vertx;
import java.time.InstantSource;

/**
 * The per-connection bandwidth limits of [SEC-052]: each proxied connection (each client connection of the HTTP
 * listener, each SOCKS5 tunnel) takes a fresh {@link Throttle} per direction from here. Immutable and thread-safe; a
 * reload that changes the limits builds a new instance, which applies to connections opened afterwards.
 */
public final class BandwidthLimits {
    private static final BandwidthLimits UNLIMITED = new BandwidthLimits(0, 0, null, InstantSource.system());

    private final long uploadBytesPerSecond;
    private final long downloadBytesPerSecond;
    private final Vertx vertx;
    private final InstantSource clock;

    private BandwidthLimits(long upload, long download, Vertx vertx, InstantSource clock) {
        this.uploadBytesPerSecond = upload;
        this.downloadBytesPerSecond = download;
        this.vertx = vertx;
        this.clock = clock;
    }

    /** No limits. */
    public static BandwidthLimits unlimited() {
        return UNLIMITED;
    }

    /** The limits a configuration sets: active when {@code rate_limit.enabled} and {@code bandwidth.enabled}. */
    public static BandwidthLimits of(RateLimitConfig config, Vertx vertx, InstantSource clock) {
        requireNonNull(config, "config");
        if (!config.enabled() || !config.bandwidth().enabled()) {
            return UNLIMITED;
        }
        return of(config.bandwidth().uploadBytesPerSecond(), config.bandwidth().downloadBytesPerSecond(), vertx,
                clock);
    }

    /** @param upload client → destination bytes per second, 0 = unlimited; {@code download} the other way */
    public static BandwidthLimits of(long upload, long download, Vertx vertx, InstantSource clock) {
        if (upload < 0 || download < 0) {
            throw new IllegalArgumentException("bandwidth: " + upload + "/" + download + " (expected: >= 0)");
        }
        return upload == 0 && download == 0 ? UNLIMITED
                : new BandwidthLimits(upload, download, requireNonNull(vertx, "vertx"),
                        requireNonNull(clock, "clock"));
    }

    /** A fresh throttle for bytes from the client toward the destination. */
    public Throttle upload() {
        return throttle(uploadBytesPerSecond);
    }

    /** A fresh throttle for bytes from the destination toward the client. */
    public Throttle download() {
        return throttle(downloadBytesPerSecond);
    }

    private Throttle throttle(long bytesPerSecond) {
        return bytesPerSecond == 0 ? Throttle.unlimited()
                : Throttle.of(BandwidthBudget.create(bytesPerSecond, clock), vertx);
    }
}
