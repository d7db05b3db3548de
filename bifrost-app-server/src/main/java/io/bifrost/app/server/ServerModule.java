package io.bifrost.app.server;

import static java.util.Objects.requireNonNull;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.bifrost.adapters.vertx.runtime.BuildInfo;
import io.bifrost.adapters.vertx.server.BifrostServer;
import io.bifrost.adapters.vertx.server.ServerOptions;
import io.bifrost.core.config.ServerConfig;
import io.vertx.core.Vertx;

/**
 * The one Guice module of the server shell (style 5.8): {@code @Provides} methods only, no conditionals, no side
 * effects. It is handed an already-validated configuration and the {@link Vertx} that the caller created and will
 * close; it creates neither, and binds nothing it would have to close.
 */
public final class ServerModule extends AbstractModule {
    private final ServerConfig config;
    private final Vertx vertx;
    private final BuildInfo build;

    public ServerModule(ServerConfig config, Vertx vertx, BuildInfo build) {
        this.config = requireNonNull(config, "config");
        this.vertx = requireNonNull(vertx, "vertx");
        this.build = requireNonNull(build, "build");
    }

    @Provides
    ServerConfig config() {
        return config;
    }

    @Provides
    Vertx vertx() {
        return vertx;
    }

    @Provides
    BuildInfo build() {
        return build;
    }

    @Provides
    @Singleton
    ServerOptions serverOptions(BuildInfo build) {
        return ServerOptions.defaults().withVersion(build.version());
    }

    @Provides
    @Singleton
    BifrostServer bifrostServer(Vertx vertx, ServerConfig config, ServerOptions options) {
        return BifrostServer.create(vertx, config, options);
    }

    /** SIGHUP ([PRX-112]): hot reload arrives with a later version and replaces this binding. */
    @Provides
    @Singleton
    ReloadTrigger reloadTrigger() {
        return ReloadTrigger.notAvailable();
    }
}
