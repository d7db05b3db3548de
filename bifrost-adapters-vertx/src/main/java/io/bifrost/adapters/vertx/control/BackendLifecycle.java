package io.bifrost.adapters.vertx.control;

import io.bifrost.core.backend.Backend;
import io.bifrost.core.config.BackendConfig;

/**
 * Told when the API starts or removes a backend at run time ([BKD-090], [BKD-091]), so that health probes
 * ([BKD-060]) follow. Called on a worker thread after the running set has changed; must not block for long and must
 * not throw.
 */
public interface BackendLifecycle {

    /** Nothing to do. */
    BackendLifecycle NONE = new BackendLifecycle() {
        @Override
        public void started(Backend backend, BackendConfig config) {}

        @Override
        public void stopped(String name) {}
    };

    /** {@code backend} was added (and is running when it is enabled); start probing it when it has a health check. */
    void started(Backend backend, BackendConfig config);

    /** Backend {@code name} was removed; stop probing it. */
    void stopped(String name);
}
