package io.bifrost.adapters.vertx.proxy;

import static java.util.Objects.requireNonNull;

import io.bifrost.core.traffic.ConnectionRegistry;
import io.vertx.core.Vertx;
import java.time.InstantSource;

/**
 * What every proxy connection of one listener shares: the program's decisions, the connection registry, the
 * listener's recorder. Immutable; the objects it holds are thread-safe.
 */
public record ProxyContext(
        Vertx vertx,
        ProxyGateway gateway,
        ConnectionRegistry connections,
        TrafficRecorder recorder,
        InstantSource clock) {

    public ProxyContext {
        requireNonNull(vertx, "vertx");
        requireNonNull(gateway, "gateway");
        requireNonNull(connections, "connections");
        requireNonNull(recorder, "recorder");
        requireNonNull(clock, "clock");
    }
}
