package io.bifrost.core.event;

import java.time.Instant;

/**
 * Something that happened in the proxy, as a value. Adapters fan events out to the WebSocket, logs and metrics
 * (events.md); the core itself never logs.
 */
public sealed interface ProxyEvent
        permits BackendHealthChanged, ConfigReloaded, ConfigSaved, ConnectionOpened, ConnectionClosed, RequestCompleted,
        RoutePanicChanged {

    /** When it happened. */
    Instant at();
}
