package io.bifrost.adapters.vertx.proxy;

import static java.util.Objects.requireNonNull;

import io.bifrost.adapters.vertx.dial.BackendDialers;
import io.bifrost.core.traffic.ConnectionRegistry;
import io.vertx.core.Vertx;
import java.time.InstantSource;

/**
 * What every proxy connection of one listener shares: the checks, the dialers, the connection registry, the
 * listener's recorder. Immutable; the objects it holds are
 * thread-safe.
 */
public record ProxyContext(
        Vertx vertx,
        ProxyGate gate,
        BackendDialers dialers,
        ConnectionRegistry connections,
        TrafficRecorder recorder,
        InstantSource clock) {

    public ProxyContext {
        requireNonNull(vertx, "vertx");
        requireNonNull(gate, "gate");
        requireNonNull(dialers, "dialers");
        requireNonNull(connections, "connections");
        requireNonNull(recorder, "recorder");
        requireNonNull(clock, "clock");
    }
}
