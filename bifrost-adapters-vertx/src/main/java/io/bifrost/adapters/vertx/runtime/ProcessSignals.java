package io.bifrost.adapters.vertx.runtime;

/**
 * Where stop and reload requests come from: the operating system's signals in the real program ({@link OsSignals}),
 * direct calls in tests, which then drive exactly the path a signal would.
 */
@FunctionalInterface
public interface ProcessSignals {

    /**
     * Starts delivering requests to {@code lifecycle}: SIGTERM and SIGINT to {@link ProcessLifecycle#requestStop()},
     * SIGHUP to {@link ProcessLifecycle#requestReload()}. Called once, after the server has started.
     */
    void install(ProcessLifecycle lifecycle);
}
