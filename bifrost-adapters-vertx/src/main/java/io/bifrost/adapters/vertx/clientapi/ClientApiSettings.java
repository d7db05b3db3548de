package io.bifrost.adapters.vertx.clientapi;

import static java.util.Objects.requireNonNull;

import io.bifrost.adapters.vertx.api.ApiRouter;
import java.time.Duration;

/**
 * Timings and limits of the client API that the specification fixes and tests shorten. Immutable.
 *
 * @param requestTimeout the processing timeout of non-streaming requests ([GEN-011]); 30 s
 * @param heartbeat the log stream's keep-alive after this long without a write ([EVT-053]); 15 s
 * @param maxStreams concurrent log streams ([EVT-056]); 100
 * @param streamBuffer live entries a stream holds for a slow reader before dropping the oldest ([EVT-056]); 100
 */
public record ClientApiSettings(Duration requestTimeout, Duration heartbeat, int maxStreams, int streamBuffer) {

    public ClientApiSettings {
        requireNonNull(requestTimeout, "requestTimeout");
        requireNonNull(heartbeat, "heartbeat");
        if (heartbeat.isNegative() || heartbeat.isZero()) {
            throw new IllegalArgumentException("heartbeat: " + heartbeat + " (expected: > 0)");
        }
        if (maxStreams < 1) {
            throw new IllegalArgumentException("maxStreams: " + maxStreams + " (expected: >= 1)");
        }
        if (streamBuffer < 1) {
            throw new IllegalArgumentException("streamBuffer: " + streamBuffer + " (expected: >= 1)");
        }
    }

    public static ClientApiSettings defaults() {
        return new ClientApiSettings(ApiRouter.TIMEOUT, Duration.ofSeconds(15), 100, 100);
    }

    public ClientApiSettings withHeartbeat(Duration heartbeat) {
        return new ClientApiSettings(requestTimeout, heartbeat, maxStreams, streamBuffer);
    }

    public ClientApiSettings withStreamLimits(int maxStreams, int streamBuffer) {
        return new ClientApiSettings(requestTimeout, heartbeat, maxStreams, streamBuffer);
    }
}
