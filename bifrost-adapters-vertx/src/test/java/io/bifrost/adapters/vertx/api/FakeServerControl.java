package io.bifrost.adapters.vertx.api;

import io.bifrost.adapters.vertx.control.ControlException;
import io.bifrost.adapters.vertx.control.ServerControl;
import io.bifrost.core.config.ServerConfig;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link ServerControl} that records every call and answers what the test told it to: a value, a
 * {@link ControlException}, or {@link #NEVER} (a future that never completes). Thread-safe enough for tests: the
 * API calls it from one event loop, the test reads after the response.
 */
final class FakeServerControl implements ServerControl {
    static final Object NEVER = new Object();

    private final ServerConfig config;
    final List<String> calls = new ArrayList<>();
    volatile Map<String, Object> lastBody;
    volatile String lastName;
    volatile boolean lastBackup;
    volatile Object next;
    volatile Map<String, Object> tree = new LinkedHashMap<>(Map.of("api", Map.of("token", "********")));
    volatile Map<String, Object> fullTree = new LinkedHashMap<>(Map.of("api", Map.of("token", "s3cr3t")));
    volatile List<String> warnings = List.of();
    volatile List<String> restartRequired = List.of();

    FakeServerControl(ServerConfig config) {
        this.config = config;
    }

    /** The next mutation answers {@code outcome}. */
    FakeServerControl answer(Object outcome) {
        this.next = outcome;
        return this;
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
        return revealSecrets ? fullTree : tree;
    }

    @Override
    public List<SectionMeta> meta() {
        return List.of(new SectionMeta("server", false, "Proxy listeners, timeouts and shutdown", true),
                new SectionMeta("routes", true, "Host patterns mapped to backends", false));
    }

    @Override
    public List<String> warnings() {
        return warnings;
    }

    @Override
    public List<String> restartRequiredSections() {
        return restartRequired;
    }

    @Override
    public Optional<Path> file() {
        return Optional.empty();
    }

    @Override
    public Future<SaveOutcome> putConfig(Map<String, Object> sections, boolean createBackup) {
        lastBackup = createBackup;
        return call("putConfig", null, sections);
    }

    @Override
    public Future<ValidationOutcome> validate(Map<String, Object> sections) {
        return call("validate", null, sections);
    }

    @Override
    public Future<ReloadOutcome> reload(ReloadTrigger trigger) {
        return call("reload:" + trigger.wireName(), null, null);
    }

    @Override
    public Future<RouteChange> addRoute(Map<String, Object> route) {
        return call("addRoute", null, route);
    }

    @Override
    public Future<RouteChange> replaceRoute(String name, Map<String, Object> route) {
        return call("replaceRoute", name, route);
    }

    @Override
    public Future<Void> removeRoute(String name) {
        return call("removeRoute", name, null);
    }

    @Override
    public Future<BackendChange> addBackend(Map<String, Object> backend) {
        return call("addBackend", null, backend);
    }

    @Override
    public Future<Void> removeBackend(String name) {
        return call("removeBackend", name, null);
    }

    @SuppressWarnings("unchecked")
    private synchronized <T> Future<T> call(String call, String name, Map<String, Object> body) {
        calls.add(call);
        lastName = name;
        lastBody = body;
        Object outcome = next;
        if (outcome == NEVER) {
            return Promise.<T>promise().future();
        }
        if (outcome instanceof ControlException e) {
            return Future.failedFuture(e);
        }
        return Future.succeededFuture((T) outcome);
    }
}
