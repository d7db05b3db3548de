package io.bifrost.adapters.vertx.server;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;

/** The {@link Vertx} a Bifrost process runs on: the native transport (epoll) when the platform has it. */
public final class BifrostVertx {
    private BifrostVertx() {}

    public static Vertx create() {
        return Vertx.vertx(new VertxOptions().setPreferNativeTransport(true));
    }
}
