package io.bifrost.app.server;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Delivers "signals" by direct calls: the same {@link ServerLifecycle} methods {@link OsSignals} calls. */
final class ManualSignals implements ProcessSignals {
    private final CompletableFuture<ServerLifecycle> installed = new CompletableFuture<>();

    @Override
    public void install(ServerLifecycle lifecycle) {
        installed.complete(lifecycle);
    }

    /** The lifecycle once the server has started. */
    ServerLifecycle awaitStarted() throws Exception {
        return installed.get(20, TimeUnit.SECONDS);
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
