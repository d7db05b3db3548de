package io.bifrost.app.server;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What {@code SIGHUP} asks for: a configuration reload ([PRX-112], [CFG-090]). The hook point for hot reload: this
 * version binds {@link #notAvailable()} in {@link ServerModule}; a real reloader replaces that binding. Called on a
 * signal-handling thread; must not block for long and must never stop the server.
 */
@FunctionalInterface
public interface ReloadTrigger {

    void reload();

    /** Hot reload is not implemented yet: says so at warn and leaves the running server untouched. */
    static ReloadTrigger notAvailable() {
        Logger log = LoggerFactory.getLogger(ReloadTrigger.class);
        return () -> log.warn("reload requested (SIGHUP), but configuration reload is not available in this version "
                + "yet; restart the server to apply configuration changes");
    }
}
