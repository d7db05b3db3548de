package io.bifrost.app.client;

import static java.util.Objects.requireNonNull;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.bifrost.adapters.vertx.client.BifrostClient;
import io.bifrost.adapters.vertx.client.ClientOptions;
import io.bifrost.adapters.vertx.config.ClientConfigFile;
import io.bifrost.adapters.vertx.runtime.BuildInfo;
import io.bifrost.core.config.ClientConfig;
import io.bifrost.core.config.ConfigResult;
import io.vertx.core.Vertx;
import java.nio.file.Path;

/**
 * The one Guice module of the client shell (style 5.8): {@code @Provides} methods only, no conditionals, no side
 * effects. It is handed the opened configuration file with its already-validated content and the {@link Vertx} that
 * the caller created and will close; it creates neither.
 */
public final class ClientModule extends AbstractModule {
    private final ClientConfigFile.Opened opened;
    private final Vertx vertx;
    private final BuildInfo build;
    private final Path workingDir;

    /** @param workingDir resolves a relative {@code logging.output} when the logging section is reloaded */
    public ClientModule(ClientConfigFile.Opened opened, Vertx vertx, BuildInfo build, Path workingDir) {
        this.opened = requireNonNull(opened, "opened");
        this.vertx = requireNonNull(vertx, "vertx");
        this.build = requireNonNull(build, "build");
        this.workingDir = requireNonNull(workingDir, "workingDir");
    }

    @Provides
    ConfigResult<ClientConfig> loaded() {
        return opened.result();
    }

    @Provides
    ClientConfig config() {
        return opened.result().orElseThrow();
    }

    @Provides
    ClientConfigFile file() {
        return opened.file();
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
    @WorkingDir
    Path workingDir() {
        return workingDir;
    }

    @Provides
    @Singleton
    ClientOptions clientOptions(BuildInfo build, ClientConfigFile file, ConfigResult<ClientConfig> loaded) {
        return ClientOptions.defaults().withBuild(build).withConfigFile(file, loaded.warnings());
    }

    @Provides
    @Singleton
    BifrostClient bifrostClient(Vertx vertx, ClientConfig config, ClientOptions options) {
        return BifrostClient.create(vertx, config, options);
    }
}
