package io.bifrost.app.server;

import io.bifrost.adapters.vertx.runtime.OsSignals;
import io.bifrost.adapters.vertx.runtime.ProcessLifecycle;
import io.bifrost.adapters.vertx.runtime.ProcessSignals;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Delivers "signals" by direct calls: the same {@link ProcessLifecycle} methods {@link OsSignals} calls. */
final class ManualSignals implements ProcessSignals {
    private final CompletableFuture<ProcessLifecycle> installed = new CompletableFuture<>();

    @Override
    public void install(ProcessLifecycle lifecycle) {
        installed.complete(lifecycle);
    }

    /** The lifecycle once the server has started. */
    ProcessLifecycle awaitStarted() throws Exception {
        return installed.get(20, TimeUnit.SECONDS);
    }

    /** The running server application once it has started. */
    ServerApplication awaitApplication() throws Exception {
        return (ServerApplication) awaitStarted().application();
    }

    /** SIGTERM / SIGINT. */
    void term() {
        installed.join().requestStop();
    }

    /** SIGHUP. */
    void hup() {
        installed.join().requestReload();
    }
}
