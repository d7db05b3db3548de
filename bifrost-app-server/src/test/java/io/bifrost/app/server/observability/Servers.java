package io.bifrost.app.server.observability;

import io.bifrost.adapters.vertx.config.ServerConfigLoader;
import io.bifrost.adapters.vertx.server.BifrostServer;
import io.bifrost.adapters.vertx.server.BifrostVertx;
import io.bifrost.adapters.vertx.server.ServerOptions;
import io.bifrost.core.config.ConfigResult;
import io.bifrost.core.config.ServerConfig;
import io.vertx.core.Vertx;
import java.util.concurrent.TimeUnit;

/** Starting a server that is expected to fail, outside the JUnit extension. */
final class Servers {
    private Servers() {}

    /** Starts a server on {@code yaml} and returns why it failed; fails the test if it started. */
    static Throwable startFailure(String yaml) throws Exception {
        ConfigResult<ServerConfig> loaded = ServerConfigLoader.withProcessEnvironment().loadText(yaml);
        if (!loaded.isValid()) {
            throw new IllegalArgumentException("invalid test configuration: " + loaded.errors());
        }
        Vertx vertx = BifrostVertx.create();
        try {
            BifrostServer server = BifrostServer.create(vertx, loaded.config(), ServerOptions.defaults());
            try {
                server.start().await(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                return e;
            }
            server.stop().await(10, TimeUnit.SECONDS);
            throw new AssertionError("the server started");
        } finally {
            vertx.close().await(10, TimeUnit.SECONDS);
        }
    }
}
