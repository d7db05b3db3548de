package io.bifrost.app.server;

import static java.util.Objects.requireNonNull;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.bifrost.adapters.vertx.config.LoadedServerConfig;
import io.bifrost.adapters.vertx.runtime.BuildInfo;
import io.bifrost.adapters.vertx.server.BifrostServer;
import io.bifrost.adapters.vertx.server.ServerOptions;
import io.bifrost.core.config.ServerConfig;
import io.vertx.core.Vertx;

/**
 * The one Guice module of the server shell (style 5.8): {@code @Provides} methods only, no conditionals, no side
 * effects. It is handed an already-validated configuration (with the file it came from, for reloads and saves) and the {@link Vertx} that the caller created and will
 * close; it creates neither, and binds nothing it would have to close.
 */
public final class ServerModule extends AbstractModule {
    private final LoadedServerConfig loaded;
    private final Vertx vertx;
    private final BuildInfo build;

    public ServerModule(LoadedServerConfig loaded, Vertx vertx, BuildInfo build) {
        this.loaded = requireNonNull(loaded, "loaded");
        this.vertx = requireNonNull(vertx, "vertx");
        this.build = requireNonNull(build, "build");
    }

    @Provides
    LoadedServerConfig loaded() {
        return loaded;
    }

    @Provides
    ServerConfig config() {
        return loaded.config();
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
        return ServerOptions.defaults().withBuild(build);
    }

    @Provides
    @Singleton
    BifrostServer bifrostServer(Vertx vertx, LoadedServerConfig loaded, ServerOptions options) {
        return BifrostServer.create(vertx, loaded, options);
    }

    /** SIGHUP ([PRX-112]): a reload of the file the server was started from ([CFG-090]). */
    @Provides
    @Singleton
    ReloadTrigger reloadTrigger(BifrostServer server) {
        return ReloadTrigger.of(server.control());
    }
}
