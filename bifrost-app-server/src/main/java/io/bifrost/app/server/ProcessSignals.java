package io.bifrost.app.server;

/**
 * Where stop and reload requests come from: the operating system's signals in the real program ({@link OsSignals}),
 * direct calls in tests, which then drive exactly the path a signal would.
 */
@FunctionalInterface
public interface ProcessSignals {

    /**
     * Starts delivering requests to {@code lifecycle}: SIGTERM and SIGINT to {@link ServerLifecycle#requestStop()},
     * SIGHUP to {@link ServerLifecycle#requestReload()}. Called once, after the server has started.
     */
    void install(ServerLifecycle lifecycle);
}
