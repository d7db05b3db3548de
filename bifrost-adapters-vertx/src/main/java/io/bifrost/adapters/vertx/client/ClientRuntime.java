package io.bifrost.adapters.vertx.client;

import static java.util.Objects.requireNonNull;

import io.bifrost.adapters.vertx.config.ClientConfigFile;
import io.bifrost.adapters.vertx.control.ClientControl;
import io.bifrost.adapters.vertx.control.ControlException;
import io.bifrost.core.client.ClientConfigChanges;
import io.bifrost.core.client.ClientRouteDecision;
import io.bifrost.core.client.ConnectionState;
import io.bifrost.core.client.ServerReachability;
import io.bifrost.core.client.TrafficDebugger;
import io.bifrost.core.client.UpstreamServer;
import io.bifrost.core.config.ClientConfig;
import io.bifrost.core.config.ClientRouteConfig;
import io.bifrost.core.config.ConfigProblem;
import io.bifrost.core.config.ConfigResult;
import io.bifrost.core.config.MergePatch;
import io.bifrost.core.routing.RoutingKey;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The client's {@link ClientControl}: the configuration snapshot the data path reads ({@link ClientState}), the
 * connection state, reachability and the configuration file. Mutations go through {@link Serial}; applying a
 * configuration swaps the snapshot whole ([CFG-085]). Thread-safe.
 */
final class ClientRuntime implements ClientControl {
    /** [CAPI-030]: the connect probe answers within the API's time budget ([GEN-011]). */
    private static final Duration CONNECT_PROBE_CAP = Duration.ofSeconds(20);

    private final Vertx vertx;
    private final AtomicReference<ClientState> state;
    private final AtomicBoolean connected = new AtomicBoolean(true);
    private final ServerReachability reachability;
    private final ServerConnections serverConnections;
    private final ServerProbes probes;
    private final TrafficDebugger debugger;
    private final ClientConfigFile file;
    private final Serial serial;
    private final FileEdits edits;
    private final List<Consumer<ClientConfig>> appliedListeners = new CopyOnWriteArrayList<>();
    private volatile ClientConfig current;
    private volatile List<ConfigProblem> warnings;

    ClientRuntime(Vertx vertx, ClientConfig config, ClientOptions options, ServerReachability reachability,
            ServerConnections serverConnections, ServerProbes probes, TrafficDebugger debugger) {
        this.vertx = requireNonNull(vertx, "vertx");
        this.state = new AtomicReference<>(ClientState.of(config));
        this.reachability = requireNonNull(reachability, "reachability");
        this.serverConnections = requireNonNull(serverConnections, "serverConnections");
        this.probes = requireNonNull(probes, "probes");
        this.debugger = requireNonNull(debugger, "debugger");
        this.file = options.configFile();
        this.serial = new Serial();
        this.current = config;
        this.warnings = options.warnings();
        this.edits = new FileEdits(vertx, serial, file, () -> current, this::running, this::apply);
    }

    ClientState snapshot() {
        return state.get();
    }

    boolean isConnected() {
        return connected.get();
    }

    // ---- configuration ----

    @Override
    public ClientConfig running() {
        return state.get().config();
    }

    @Override
    public ClientConfig current() {
        return current;
    }

    @Override
    public List<String> restartFields() {
        return ClientConfigChanges.restartFields(running(), current);
    }

    @Override
    public List<ConfigProblem> warnings() {
        return warnings;
    }

    @Override
    public Optional<ClientConfigFile> file() {
        return Optional.ofNullable(file);
    }

    @Override
    public Future<Applied> save(Object tree) {
        return edits.edit((old, c) -> tree, FileEdits.Mode.SAVE)
                .map(o -> new Applied(o.saved().restartFields(), o.saved().warnings()));
    }

    @Override
    public Future<Applied> reload() {
        return serial.run(() -> withFile(ControlException.Code.RELOAD_FAILED).compose(f -> vertx.executeBlocking(() -> {
            ConfigResult<ClientConfig> loaded = f.reload();
            if (!loaded.isValid()) {
                throw new ControlException(ControlException.Code.RELOAD_FAILED, "configuration is invalid",
                        loaded.problems(), Map.of());
            }
            return apply(loaded);
        }, false)));
    }

    @Override
    public Future<Saved> patch(Map<String, Object> patch, boolean backup) {
        requireNonNull(patch, "patch");
        return edits.edit(merge(patch), backup ? FileEdits.Mode.SAVE_WITH_BACKUP : FileEdits.Mode.SAVE)
                .map(FileEdits.Outcome::saved);
    }

    @Override
    public Future<Checked> check(Map<String, Object> patch) {
        requireNonNull(patch, "patch");
        return edits.check(merge(patch));
    }

    /** [CAPI-051]: RFC 7386 on the file as written; masked secrets keep their stored text ([CFG-097]). */
    private static FileEdits.Edit merge(Map<String, Object> patch) {
        return (tree, current) -> MergePatch.apply(tree, MergePatch.keepMaskedSecrets(patch, tree));
    }

    @Override
    public Future<Saved> replace(Object tree) {
        return edits.edit((old, c) -> tree, FileEdits.Mode.REPLACE).map(FileEdits.Outcome::saved);
    }

    @Override
    public Future<Object> savedTree() {
        return edits.savedTree();
    }

    @Override
    public Future<RouteChange> addRoute(Map<String, Object> route) {
        requireNonNull(route, "route");
        return routeChange(RouteEdits.add(route), String.valueOf(route.get("name")));
    }

    @Override
    public Future<RouteChange> replaceRoute(String name, Map<String, Object> route) {
        requireNonNull(name, "name");
        requireNonNull(route, "route");
        String newName = route.get("name") instanceof String n ? n : name;
        return routeChange(RouteEdits.replace(name, route), newName);
    }

    @Override
    public Future<Void> removeRoute(String name) {
        requireNonNull(name, "name");
        return edits.edit(RouteEdits.remove(name), FileEdits.Mode.SAVE).mapEmpty();
    }

    private Future<RouteChange> routeChange(FileEdits.Edit edit, String name) {
        return edits.edit(edit, FileEdits.Mode.SAVE).map(o -> new RouteChange(
                o.config().routes().get(RouteEdits.indexOf(o.config(), name)),
                o.saved().warnings().stream().filter(w -> w.section().equals("routes")).toList()));
    }

    private Future<ClientConfigFile> withFile(ControlException.Code code) {
        return file != null ? Future.succeededFuture(file)
                : Future.failedFuture(new ControlException(code, "this client has no configuration file"));
    }

    /** Swaps in the hot fields of {@code loaded} ([CFG-085]); runs on a worker thread, inside {@link Serial}. */
    private Applied apply(ConfigResult<ClientConfig> loaded) {
        ClientConfig next = loaded.config();
        ClientConfig running = ClientConfigChanges.applyHot(running(), next);
        ClientState s = ClientState.of(running);
        state.set(s);
        current = next;
        warnings = loaded.warnings();
        debugger.configure(running.debug());
        reachability.retain(s.upstreams().all());
        appliedListeners.forEach(l -> l.accept(running));
        return new Applied(ClientConfigChanges.restartFields(running, next), loaded.warnings());
    }

    @Override
    public void onApplied(Consumer<ClientConfig> listener) {
        appliedListeners.add(requireNonNull(listener, "listener"));
    }

    // ---- connection state and servers ----

    @Override
    public ConnectionState state() {
        return connected.get() ? ConnectionState.CONNECTED : ConnectionState.DISCONNECTED;
    }

    @Override
    public boolean serverConnected() {
        return activeServer().map(u -> reachability.connectivity(u) == ServerReachability.Status.REACHABLE)
                .orElse(false);
    }

    @Override
    public boolean degraded() {
        return activeServer().map(u -> !connected.get()
                || reachability.connectivity(u) == ServerReachability.Status.UNREACHABLE).orElse(false);
    }

    @Override
    public Future<Connected> connect() {
        return serial.run(() -> {
            Optional<UpstreamServer> active = activeServer();
            if (active.isEmpty()) {
                return Future.failedFuture(new ControlException(ControlException.Code.VALIDATION_FAILED,
                        "no server configured", List.of(ConfigProblem.error("server.address", "no server configured")),
                        Map.of()));
            }
            connected.set(true);
            Duration timeout = running().server().timeout();
            Duration bound = timeout.compareTo(CONNECT_PROBE_CAP) < 0 ? timeout : CONNECT_PROBE_CAP;
            return probes.probe(active.get(), bound).map(o -> new Connected(active.get(), o.succeeded()));
        });
    }

    @Override
    public Future<Disconnected> disconnect() {
        return serial.run(() -> {
            connected.set(false);
            return Future.succeededFuture(new Disconnected(serverConnections.closeAll()));
        });
    }

    @Override
    public List<UpstreamStatus> servers() {
        ClientState s = state.get();
        return s.upstreams().all().stream()
                .map(u -> new UpstreamStatus(u, s.upstreams().isActive(u.name()), reachability.probeStatus(u),
                        reachability.latency(u).orElse(null)))
                .toList();
    }

    @Override
    public Optional<UpstreamServer> activeServer() {
        return state.get().upstreams().active();
    }

    @Override
    public Future<UpstreamServer> select(String name) {
        requireNonNull(name, "name");
        return serial.run(() -> {
            if (state.get().upstreams().find(name).isEmpty()) {
                return Future.failedFuture(new ControlException(ControlException.Code.SERVER_NOT_FOUND,
                        "no server named \"" + name + "\"", List.of(), Map.of("server", name)));
            }
            return vertx.executeBlocking(() -> {
                apply(file != null ? persistSelection(name) : ConfigResult.of(Selection.select(current, name),
                        warnings));
                return activeServer().orElseThrow();
            }, false);
        });
    }

    @Override
    public Future<Void> saveSettings(Map<String, Object> tray, String server) {
        requireNonNull(tray, "tray");
        if (tray.isEmpty()) {
            return server == null ? Future.succeededFuture() : select(server).mapEmpty();
        }
        return edits.edit((tree, c) -> {
            Object patched = MergePatch.apply(tree, Map.of("tray", tray));
            return server == null ? patched : selecting(patched, server);
        }, FileEdits.Mode.SAVE).mapEmpty();
    }

    private static Object selecting(Object tree, String server) {
        try {
            return ClientConfigFile.withSelection(tree, server);
        } catch (IllegalArgumentException e) {
            throw new ControlException(ControlException.Code.SERVER_NOT_FOUND, "no server named \"" + server + "\"",
                    List.of(), Map.of("server", server));
        }
    }

    private ConfigResult<ClientConfig> persistSelection(String name) {
        ConfigResult<ClientConfig> saved;
        try {
            saved = file.selectServer(name);
        } catch (UncheckedIOException | IllegalArgumentException e) {
            throw new ControlException(ControlException.Code.SAVE_FAILED, e.getMessage());
        }
        if (!saved.isValid()) {
            throw new ControlException(ControlException.Code.SAVE_FAILED, "the saved configuration would be invalid",
                    saved.problems(), Map.of());
        }
        return saved;
    }

    // ---- routes ----

    @Override
    public List<ClientRouteConfig> routes() {
        return state.get().router().routes();
    }

    @Override
    public ClientRouteDecision testRoute(RoutingKey host) {
        return state.get().router().decide(host);
    }
}
