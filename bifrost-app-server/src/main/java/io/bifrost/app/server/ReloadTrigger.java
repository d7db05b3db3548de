package io.bifrost.app.server;

import io.bifrost.adapters.vertx.control.ServerControl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What {@code SIGHUP} asks for: a configuration reload ([PRX-112], [CFG-090]). Called on a signal-handling thread;
 * must not block and must never stop the server: a failed reload keeps the running configuration.
 */
@FunctionalInterface
public interface ReloadTrigger {

    void reload();

    /** Re-reads the file through the server's configuration control; the control logs the outcome. */
    static ReloadTrigger of(ServerControl control) {
        Logger log = LoggerFactory.getLogger(ReloadTrigger.class);
        return () -> {
            log.info("reload requested (SIGHUP)");
            control.reload(ServerControl.ReloadTrigger.SIGNAL);
        };
    }
}
