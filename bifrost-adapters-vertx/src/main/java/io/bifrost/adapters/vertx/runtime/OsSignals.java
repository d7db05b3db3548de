package io.bifrost.adapters.vertx.runtime;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * Process signals through {@code sun.misc.Signal} (module {@code jdk.unsupported}): the only JDK API that lets a
 * program see a second SIGTERM during its drain ([PRX-111]) and keep running on SIGHUP ([PRX-112]); a shutdown hook
 * sees neither. Where a signal cannot be handled (e.g. {@code -Xrs}, or a platform without it), a shutdown hook
 * still gives the graceful stop of [PRX-110].
 */
public final class OsSignals implements ProcessSignals {
    private static final Logger LOG = LoggerFactory.getLogger(OsSignals.class);

    @Override
    public void install(ProcessLifecycle lifecycle) {
        boolean term = handle("TERM", lifecycle::requestStop);
        boolean interrupt = handle("INT", lifecycle::requestStop);
        if (!handle("HUP", lifecycle::requestReload)) {
            LOG.debug("SIGHUP cannot be handled on this platform");
        }
        if (!term || !interrupt) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                lifecycle.requestStop();
                lifecycle.awaitTermination();
            }, "bifrost-shutdown"));
        }
    }

    private static boolean handle(String name, Runnable action) {
        try {
            // each delivery runs on a fresh JVM thread; the actions only start asynchronous work
            Signal.handle(new Signal(name), signal -> action.run());
            return true;
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            LOG.debug("cannot handle SIG{}: {}", name, e.getMessage());
            return false;
        }
    }
}
