package io.bifrost.adapters.vertx.runtime;

import io.vertx.core.Future;
import java.time.Duration;

/**
 * A started program as its {@link ProcessLifecycle} drives it: graceful stop, the cut-short of a second stop signal
 * ([PRX-111]) and reload ([PRX-112]). Implementations are thread-safe and never block.
 */
public interface RunningApplication {

    /** Binds the listeners; completes when the program serves, or fails with its start-up message ([PRX-002]). */
    Future<Void> start();

    /** Stops accepting, drains for at most {@link #gracePeriod()}, then closes what is left ([PRX-110]). */
    Future<Void> stop();

    /** The drain bound of {@link #stop()}. */
    Duration gracePeriod();

    /** Closes every client connection now, so that a stop in progress completes at once ([PRX-111]). */
    void closeRemainingConnections();

    /** SIGHUP: reload the configuration; never stops anything. */
    void reload();
}
