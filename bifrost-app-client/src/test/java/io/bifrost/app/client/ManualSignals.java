package io.bifrost.app.client;

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

    ClientApplication awaitApplication() throws Exception {
        return (ClientApplication) installed.get(20, TimeUnit.SECONDS).application();
    }

    void term() {
        installed.join().requestStop();
    }

    void hup() {
        installed.join().requestReload();
    }
}
