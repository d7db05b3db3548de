package io.bifrost.testkit;

import static java.util.Objects.requireNonNull;

import io.bifrost.adapters.vertx.runtime.OsSignals;
import io.bifrost.adapters.vertx.runtime.ProcessLifecycle;
import io.bifrost.adapters.vertx.runtime.ProcessSignals;
import io.bifrost.adapters.vertx.runtime.RunningApplication;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Delivers "signals" by direct calls: the same {@link ProcessLifecycle} methods {@link OsSignals} calls, so a test
 * that runs a program in-process (its command line on a background thread) drives exactly the path a real SIGTERM or
 * SIGHUP takes. Thread-safe; the waiting methods block, so call them on the test thread.
 */
public final class ManualSignals implements ProcessSignals {
    private static final long WAIT_SECONDS = 20;

    private final CompletableFuture<ProcessLifecycle> installed = new CompletableFuture<>();

    @Override
    public void install(ProcessLifecycle lifecycle) {
        installed.complete(requireNonNull(lifecycle, "lifecycle"));
    }

    /** The lifecycle once the program has started; waits up to 20 s. */
    public ProcessLifecycle awaitStarted() throws Exception {
        return installed.get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    /** The running application once the program has started, e.g. {@code ServerApplication}; waits up to 20 s. */
    public <A extends RunningApplication> A awaitApplication(Class<A> type) throws Exception {
        return type.cast(awaitStarted().application());
    }

    /** SIGTERM / SIGINT: the first one stops gracefully, a further one cuts the drain short. */
    public void term() {
        installed.join().requestStop();
    }

    /** SIGHUP: reload. */
    public void hup() {
        installed.join().requestReload();
    }
}
