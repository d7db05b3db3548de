package io.bifrost.adapters.vertx.dial;

import io.vertx.core.Future;

/**
 * Opens TCP connections on behalf of requests: one backend's way of reaching destinations ([BKD-030]). Call on the
 * event loop of the client connection, so that both sockets share it. Fails with {@link DialFailure} only.
 */
@FunctionalInterface
public interface UpstreamDialer {

    /** Connects within the backend's connect timeout; the result's socket is paused. */
    Future<Upstream> dial(DialTarget target);
}
