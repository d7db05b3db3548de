package io.bifrost.adapters.vertx.control;

import io.bifrost.adapters.vertx.config.ClientConfigFile;
import io.bifrost.core.client.ClientRouteDecision;
import io.bifrost.core.client.ConnectionState;
import io.bifrost.core.client.ServerReachability;
import io.bifrost.core.client.UpstreamServer;
import io.bifrost.core.config.ClientConfig;
import io.bifrost.core.config.ClientRouteConfig;
import io.bifrost.core.config.ConfigProblem;
import io.bifrost.core.routing.RoutingKey;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The control side of a running client: what its management API reads and changes (client-api.md §1-§6) and what
 * SIGHUP reloads ([CFG-085]). Reads are non-blocking snapshots. Mutations (connect, disconnect, select, saves, route
 * changes, reload) are serialised with each other, never block the caller (file I/O runs on a worker thread) and
 * complete on the caller's context; they fail with {@link ControlException}s carrying the API error code and, for
 * validation, every problem. Thread-safe.
 */
public interface ClientControl {

    /** Per field, the configuration in effect now: hot fields as last applied, the others as at start-up. */
    ClientConfig running();

    /** The configuration as last loaded or saved: differs from {@link #running()} in restart-only fields. */
    ClientConfig current();

    /** Paths of the restart-only fields saved but not in effect ([CFG-085] path forms). */
    List<String> restartFields();

    /** Start-up and reload warnings ([CAPI-012] {@code warnings}, [SEC-090]). */
    List<ConfigProblem> warnings();

    /** The configuration file; empty for a client embedded without one. */
    Optional<ClientConfigFile> file();

    /**
     * Validates {@code tree} (a whole client file as the reader takes it, before environment expansion), writes it
     * atomically and applies its hot fields; nothing is written when the configuration would not change.
     * {@code VALIDATION_FAILED} with every problem, or {@code SAVE_FAILED}; nothing changes then.
     */
    Future<Applied> save(Object tree);

    /**
     * [CAPI-051]: applies the JSON merge patch {@code patch} (RFC 7386) to the file as written, secrets given as
     * {@code "********"} keeping their stored text; validates ({@code VALIDATION_FAILED} with every problem); when the
     * configuration changes, backs the file up first if {@code backup} ([CFG-096]), writes it atomically and applies
     * its hot fields. {@code SAVE_FAILED} (also when there is no file) changes nothing.
     */
    Future<Saved> patch(Map<String, Object> patch, boolean backup);

    /** [CAPI-053]: what {@link #patch} would give: every problem and the restart-only fields it would change. */
    Future<Checked> check(Map<String, Object> patch);

    /**
     * [CAPI-059]: replaces the whole file with {@code tree} (keys absent take their defaults, references expand):
     * validated, the existing file backed up, then written atomically even when nothing changes, hot fields applied.
     */
    Future<Saved> replace(Object tree);

    /**
     * [CAPI-058]: the saved file's view: the tree as written (references unexpanded, secrets in clear); for a client
     * without a file, its current configuration.
     */
    Future<Object> savedTree();

    /**
     * [CAPI-072]: appends a route ({@code name}, {@code domains}, {@code action} required) to the file's route list
     * with generated names written out ([RTE-021]), validates, saves and applies. {@code ALREADY_EXISTS} (with
     * {@code route}), {@code VALIDATION_FAILED}, {@code SAVE_FAILED}, in that order.
     */
    Future<RouteChange> addRoute(Map<String, Object> route);

    /**
     * [CAPI-073]: replaces route {@code name} in place; a different {@code name} in {@code route} renames it, an
     * absent one keeps it ([SAPI-130]). {@code ROUTE_NOT_FOUND}, then the errors of {@link #addRoute}.
     */
    Future<RouteChange> replaceRoute(String name, Map<String, Object> route);

    /** [CAPI-074]: removes route {@code name}. {@code ROUTE_NOT_FOUND} or {@code SAVE_FAILED}. */
    Future<Void> removeRoute(String name);

    /** [CAPI-052], SIGHUP: re-reads the file and applies its hot fields; {@code RELOAD_FAILED} changes nothing. */
    Future<Applied> reload();

    /**
     * Adds a listener for every configuration applied (save, reload, select), called with the new running
     * configuration on a worker thread: it may block briefly (e.g. to reconfigure logging), never for long.
     */
    void onApplied(Consumer<ClientConfig> listener);

    /** [CAPI-030]. */
    ConnectionState state();

    /** [CAPI-010] {@code server_connected}: the active upstream answered the most recent probe or dial. */
    boolean serverConnected();

    /** [CAPI-013]: degraded when an upstream is configured and it is unreachable or the client is disconnected. */
    boolean degraded();

    /**
     * [CAPI-030]: sets {@code connected} and probes the active upstream once, bounded by the smaller of
     * {@code server.timeout} and 20 s. {@code VALIDATION_FAILED} ({@code server.address: no server configured}) when
     * there is no upstream; the state is then unchanged.
     */
    Future<Connected> connect();

    /** [CAPI-031]: sets {@code disconnected} and closes every open connection through the server. */
    Future<Disconnected> disconnect();

    /** [CAPI-040]: the upstreams, {@code default} first, with their probe status. */
    List<UpstreamStatus> servers();

    /** The upstream {@code server} requests use now ([CAPI-040]); empty for a direct-only client. */
    Optional<UpstreamServer> activeServer();

    /**
     * [CAPI-041]: makes {@code name} the active upstream for connections opened afterwards and persists the choice
     * ({@code is_default}) atomically. {@code SERVER_NOT_FOUND}, or {@code SAVE_FAILED} with nothing changed.
     */
    Future<UpstreamServer> select(String name);

    /**
     * [CAPI-046]: the tray switches {@code tray} (members of the file's {@code tray} section) and, unless
     * {@code server} is {@code null}, the selection of {@link #select}, saved as one atomic write: both apply or
     * nothing changes. With no tray switch this is {@link #select}. {@code SERVER_NOT_FOUND},
     * {@code VALIDATION_FAILED} or {@code SAVE_FAILED} (also when there is no file).
     */
    Future<Void> saveSettings(Map<String, Object> tray, String server);

    /** Every client route, enabled or not, in effective order ([CAPI-070]). */
    List<ClientRouteConfig> routes();

    /** The dry run of [RTE-093] / [CAPI-075]; changes nothing. */
    ClientRouteDecision testRoute(RoutingKey host);

    /**
     * An applied configuration.
     *
     * @param restartFields restart-only fields that differ from the running configuration ([CFG-085])
     */
    record Applied(List<String> restartFields, List<ConfigProblem> warnings) {
        public Applied {
            restartFields = List.copyOf(restartFields);
            warnings = List.copyOf(warnings);
        }
    }

    /**
     * A configuration change through the API.
     *
     * @param changed false when the new configuration equals the current one: nothing was written
     * @param restartFields restart-only fields that differ from the running configuration ([CFG-085])
     * @param backupPath the backup made first ([CFG-096]), or {@code null}
     */
    record Saved(boolean changed, List<String> restartFields, List<ConfigProblem> warnings, String backupPath) {
        public Saved {
            restartFields = List.copyOf(restartFields);
            warnings = List.copyOf(warnings);
        }
    }

    /**
     * A dry run of a change ([CAPI-053]).
     *
     * @param problems errors and warnings in file order
     * @param restartFields restart-only fields that would then differ from the running configuration
     *     ([CFG-085]); empty when the change has errors
     */
    record Checked(List<ConfigProblem> problems, List<String> restartFields) {
        public Checked {
            problems = List.copyOf(problems);
            restartFields = List.copyOf(restartFields);
        }

        public boolean valid() {
            return problems.stream().noneMatch(ConfigProblem::isError);
        }
    }

    /**
     * A route change: the route as now configured (normalised) and the warnings about routes ([RTE-033]).
     */
    record RouteChange(ClientRouteConfig route, List<ConfigProblem> warnings) {
        public RouteChange {
            warnings = List.copyOf(warnings);
        }
    }

    /** [CAPI-030] answer: the active upstream and whether the probe reached it. */
    record Connected(UpstreamServer server, boolean reachable) {}

    /** [CAPI-031] answer. */
    record Disconnected(int closedConnections) {}

    /**
     * One element of [CAPI-040].
     *
     * @param selected whether it is the active upstream
     * @param latency duration of the last successful probe; {@code null} before the first
     */
    record UpstreamStatus(UpstreamServer server, boolean selected, ServerReachability.Status status,
            Duration latency) {}
}
