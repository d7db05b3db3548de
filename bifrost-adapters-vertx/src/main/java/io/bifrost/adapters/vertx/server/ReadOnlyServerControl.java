package io.bifrost.adapters.vertx.server;

import static java.util.Objects.requireNonNull;

import io.bifrost.adapters.vertx.control.ServerControl;
import io.bifrost.core.config.ServerConfig;
import io.bifrost.core.config.ServerSection;
import io.vertx.core.Future;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The control of a server whose configuration cannot change at run time: it reports the configuration it started
 * with, and every change or configuration view fails with {@link UnsupportedOperationException}, which the API
 * answers {@code 501 NOT_IMPLEMENTED}. Stands in until the configuration control is wired. Immutable.
 */
final class ReadOnlyServerControl implements ServerControl {
    private static final String UNAVAILABLE = "configuration changes are not available in this version";

    private final ServerConfig config;

    ReadOnlyServerControl(ServerConfig config) {
        this.config = requireNonNull(config, "config");
    }

    @Override
    public ServerConfig current() {
        return config;
    }

    @Override
    public ServerConfig running() {
        return config;
    }

    @Override
    public Map<String, Object> currentTree(boolean revealSecrets) {
        throw new UnsupportedOperationException("the configuration view is not available in this version");
    }

    @Override
    public List<SectionMeta> meta() {
        return Arrays.stream(ServerSection.values())
                .map(s -> new SectionMeta(s.wireName(), s.isHot(), s.description(), false))
                .toList();
    }

    @Override
    public List<String> warnings() {
        return List.of();
    }

    @Override
    public List<String> restartRequiredSections() {
        return List.of();
    }

    @Override
    public Optional<Path> file() {
        return Optional.empty();
    }

    @Override
    public Future<SaveOutcome> putConfig(Map<String, Object> sections, boolean createBackup) {
        return unavailable();
    }

    @Override
    public Future<ValidationOutcome> validate(Map<String, Object> sections) {
        return unavailable();
    }

    @Override
    public Future<ReloadOutcome> reload(ReloadTrigger trigger) {
        return unavailable();
    }

    @Override
    public Future<RouteChange> addRoute(Map<String, Object> route) {
        return unavailable();
    }

    @Override
    public Future<RouteChange> replaceRoute(String name, Map<String, Object> route) {
        return unavailable();
    }

    @Override
    public Future<Void> removeRoute(String name) {
        return unavailable();
    }

    @Override
    public Future<BackendChange> addBackend(Map<String, Object> backend) {
        return unavailable();
    }

    @Override
    public Future<Void> removeBackend(String name) {
        return unavailable();
    }

    private static <T> Future<T> unavailable() {
        return Future.failedFuture(new UnsupportedOperationException(UNAVAILABLE));
    }
}
