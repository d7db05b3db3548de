package io.bifrost.adapters.vertx.control;

import static java.util.Objects.requireNonNull;

import io.bifrost.adapters.vertx.config.ConfigFileWriter;
import io.bifrost.adapters.vertx.config.LoadedServerConfig;
import io.bifrost.adapters.vertx.config.ServerConfigLoader;
import io.bifrost.core.config.ConfigSections;
import io.bifrost.core.config.ConfigSecrets;
import io.bifrost.core.config.ServerConfig;
import io.bifrost.core.config.ServerConfigTree;
import io.bifrost.core.config.ServerSection;
import io.bifrost.core.port.out.EventSink;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.RejectedExecutionException;

/**
 * The {@link ServerControl} of a server whose configuration lives in a YAML file. Every mutation runs on one
 * dedicated worker thread, so mutations and reloads happen one at a time, in the order they were asked for
 * ([SAPI-003], [CFG-091], [CFG-098]), and no event loop ever waits for the file system. Reads ({@link #current()},
 * {@link #meta()}, ...) come from an immutable snapshot and never wait. Thread-safe.
 *
 * <p>Running on the built-in default ([CFG-003]) or on a configuration built in code, the first save writes
 * {@link Options#defaultFile()}.
 */
public final class FileServerControl implements ServerControl {
    private final WorkerExecutor worker;
    private final ControlContext ctx;
    private final RouteChanges routes;
    private final BackendChanges backends;
    private final ConfigChanges config;
    private volatile PendingRestart pendingRestart;

    /**
     * What a control needs besides the configuration and the server.
     *
     * @param events receives {@code config.saved} and {@code config.reload} ([EVT-024], [EVT-025])
     * @param lifecycle told about backends added and removed at run time
     * @param writer writes the file (atomic writes and backups)
     * @param defaultFile where saves go when no file was loaded ({@code server-config.yaml} in the working
     *     directory)
     */
    public record Options(EventSink events, InstantSource clock, BackendLifecycle lifecycle, ConfigFileWriter writer,
            Path defaultFile) {
        public Options {
            requireNonNull(events, "events");
            requireNonNull(clock, "clock");
            requireNonNull(lifecycle, "lifecycle");
            requireNonNull(writer, "writer");
            requireNonNull(defaultFile, "defaultFile");
        }

        /** The real file system; the default file in the working directory; no backend lifecycle hook. */
        public static Options of(EventSink events, InstantSource clock) {
            return new Options(events, clock, BackendLifecycle.NONE, ConfigFileWriter.create(),
                    Path.of(ServerConfigLoader.DEFAULT_FILE_NAME));
        }

        public Options withLifecycle(BackendLifecycle lifecycle) {
            return new Options(events, clock, lifecycle, writer, defaultFile);
        }

        public Options withWriter(ConfigFileWriter writer) {
            return new Options(events, clock, lifecycle, writer, defaultFile);
        }

        public Options withDefaultFile(Path defaultFile) {
            return new Options(events, clock, lifecycle, writer, defaultFile);
        }
    }

    /**
     * @param loaded the configuration the server was started with, and its file
     * @param runtime the running server it changes
     */
    public FileServerControl(Vertx vertx, LoadedServerConfig loaded, ServerRuntime runtime, Options options) {
        requireNonNull(vertx, "vertx");
        requireNonNull(loaded, "loaded");
        requireNonNull(options, "options");
        // one thread: mutations queue behind each other instead of racing ([SAPI-003])
        this.worker = vertx.createSharedWorkerExecutor("bifrost-config-control", 1);
        ServerConfig config = loaded.config();
        Object tree = loaded.originalTree();
        ControlState initial = new ControlState(tree, tree == null ? ServerConfig.defaults() : config, config, config,
                loaded.warnings(), loaded.file(), loaded.fileModified());
        this.ctx = new ControlContext(runtime, options.lifecycle(), options.events(), options.clock(), loaded.env(),
                new ConfigStore(options.writer(), options.defaultFile()), initial);
        this.routes = new RouteChanges(ctx);
        this.backends = new BackendChanges(ctx);
        this.config = new ConfigChanges(ctx, new ServerConfigLoader(loaded.env()));
    }

    @Override
    public ServerConfig current() {
        return ctx.state().current();
    }

    @Override
    public ServerConfig running() {
        return ctx.state().running();
    }

    @Override
    public Map<String, Object> currentTree(boolean revealSecrets) {
        Map<String, Object> tree = ServerConfigTree.of(current());
        if (revealSecrets) {
            return tree;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> masked = (Map<String, Object>) ConfigSecrets.mask(tree);
        return masked;
    }

    @Override
    public List<SectionMeta> meta() {
        Set<ServerSection> pending = Set.copyOf(pendingRestart());
        return Arrays.stream(ServerSection.values())
                .map(section -> new SectionMeta(section.wireName(), section.isHot(), section.description(),
                        pending.contains(section)))
                .toList();
    }

    /** The configuration's warnings of the last load or save, then the host-dependent ones of [SEC-090]. */
    @Override
    public List<String> warnings() {
        List<String> out = new ArrayList<>();
        ctx.state().warnings().forEach(w -> out.add(w.toString()));
        out.addAll(ctx.exposureWarnings());
        return out;
    }

    /**
     * Records the host-dependent warnings of [SEC-090] that the start-up checks found (e.g. {@code server.http.listen:
     * running an open proxy on public address ...}), for {@link #warnings()}; a reload or save that changes
     * {@code access_control} checks again and replaces them.
     */
    public void startupWarnings(List<String> exposureWarnings) {
        ctx.exposureWarnings(requireNonNull(exposureWarnings, "exposureWarnings"));
    }

    @Override
    public List<String> restartRequiredSections() {
        return ConfigSections.names(pendingRestart());
    }

    /**
     * The sections that differ between the file's configuration and the running one, computed once per state:
     * {@code /status} asks on every call, and the comparison renders every section of both configurations.
     */
    private List<ServerSection> pendingRestart() {
        ControlState s = ctx.state();
        PendingRestart p = pendingRestart;
        if (p == null || p.state() != s) {
            p = new PendingRestart(s, ConfigSections.changed(s.current(), s.running()));
            pendingRestart = p; // a race computes the same value twice, harmlessly
        }
        return p.sections();
    }

    private record PendingRestart(ControlState state, List<ServerSection> sections) {}

    @Override
    public Optional<Path> file() {
        return Optional.ofNullable(ctx.state().file());
    }

    @Override
    public Future<SaveOutcome> putConfig(Map<String, Object> sections, boolean createBackup) {
        Map<String, Object> body = copy(sections, "sections");
        return serial(() -> config.put(body, createBackup));
    }

    @Override
    public Future<ValidationOutcome> validate(Map<String, Object> sections) {
        Map<String, Object> body = copy(sections, "sections");
        return serial(() -> config.validate(body));
    }

    @Override
    public Future<ReloadOutcome> reload(ReloadTrigger trigger) {
        requireNonNull(trigger, "trigger");
        return serial(() -> config.reload(trigger));
    }

    @Override
    public Future<RouteChange> addRoute(Map<String, Object> route) {
        Map<String, Object> body = copy(route, "route");
        return serial(() -> routes.add(body));
    }

    @Override
    public Future<RouteChange> replaceRoute(String name, Map<String, Object> route) {
        requireNonNull(name, "name");
        Map<String, Object> body = copy(route, "route");
        return serial(() -> routes.replace(name, body));
    }

    @Override
    public Future<Void> removeRoute(String name) {
        requireNonNull(name, "name");
        return serial(() -> {
            routes.remove(name);
            return null;
        });
    }

    @Override
    public Future<BackendChange> addBackend(Map<String, Object> backend) {
        Map<String, Object> body = copy(backend, "backend");
        return serial(() -> backends.add(body));
    }

    @Override
    public Future<Void> removeBackend(String name) {
        requireNonNull(name, "name");
        return serial(() -> {
            backends.remove(name);
            return null;
        });
    }

    /**
     * Releases the worker thread once the changes already asked for have run (closing the pool at once would drop
     * them, and their futures would never complete). Changes asked for afterwards fail.
     */
    public Future<Void> close() {
        return serial(() -> null).transform(ignored -> worker.close());
    }

    /** Queues {@code task} behind every change asked for before it; the future completes on the caller's context. */
    private <T> Future<T> serial(Callable<T> task) {
        try {
            return worker.executeBlocking(task, false);
        } catch (RejectedExecutionException e) {
            return Future.failedFuture(new IllegalStateException("control: closed (expected: open for changes)", e));
        }
    }

    /** The caller's tree may be mutable and shared: take a deep copy before queueing. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> copy(Map<String, Object> body, String name) {
        return (Map<String, Object>) deepCopy(requireNonNull(body, name));
    }

    /** Plain maps and lists; Vert.x JSON containers inside a body are unwrapped to them. */
    private static Object deepCopy(Object value) {
        Object node = value instanceof JsonObject json ? json.getMap()
                : value instanceof JsonArray array ? array.getList() : value;
        if (node instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), deepCopy(v)));
            return out;
        }
        if (node instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(e -> out.add(deepCopy(e)));
            return out;
        }
        return node;
    }
}
