package io.bifrost.adapters.vertx.control;

import io.bifrost.core.config.ConfigProblem;
import io.bifrost.core.config.ServerConfig;
import io.vertx.core.Future;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The configuration side of a running server: what the management API reads and changes ([SAPI-030]-[SAPI-175]),
 * and what SIGHUP reloads ([CFG-090]). Every mutation (routes, backends, config, reload) is serialised with the
 * others ([SAPI-003], [CFG-098]); each validates the whole resulting configuration ([CFG-060]), writes the file
 * atomically ([CFG-095]) and applies what it may apply live. Futures complete on the caller's context.
 *
 * <p>Bodies and trees are plain Java trees as the configuration reader takes them ({@code Map<String, Object>} in
 * key order, {@code List}, {@code String}, {@code Boolean}, numbers, {@code null}), with the YAML keys of config.md.
 * Failures are {@link ControlException}s carrying the API error code and, for validation, every problem.
 */
public interface ServerControl {

    /** The configuration most recently loaded or saved by this process ("current", server-api.md §4). */
    ServerConfig current();

    /** Per section, the value in effect now; differs from {@link #current()} in saved restart-only sections. */
    ServerConfig running();

    /**
     * The current configuration in its JSON form ([SAPI-170]): every section, defaults filled in, durations, sizes
     * and rates in Bifrost's output form; secrets masked as {@code "********"} unless {@code revealSecrets}
     * ([SAPI-171]: effective values, environment references expanded).
     */
    Map<String, Object> currentTree(boolean revealSecrets);

    /** One entry per server section in canonical order ([SAPI-172]). */
    List<SectionMeta> meta();

    /** Start-up and reload warnings ([SAPI-012] {@code warnings}), as {@code <path>: <message>}. */
    List<String> warnings();

    /** Restart-only sections saved but not in effect ([CFG-081], [SAPI-012]). */
    List<String> restartRequiredSections();

    /** The configuration file saves go to; empty when running on the built-in default and nothing was saved yet. */
    Optional<Path> file();

    /** [SAPI-173]: merge {@code sections} into the current configuration, save, apply the hot sections. */
    Future<SaveOutcome> putConfig(Map<String, Object> sections, boolean createBackup);

    /** [SAPI-174]: validate {@code sections} merged into the current configuration; nothing is written. */
    Future<ValidationOutcome> validate(Map<String, Object> sections);

    /** [CFG-091], [SAPI-175]: re-read the file; fails with {@code RELOAD_FAILED} leaving everything as it was. */
    Future<ReloadOutcome> reload(ReloadTrigger trigger);

    /** [SAPI-110]: append a route. */
    Future<RouteChange> addRoute(Map<String, Object> route);

    /** [SAPI-130]: replace route {@code name} in place (renaming it when the body names another). */
    Future<RouteChange> replaceRoute(String name, Map<String, Object> route);

    /** [SAPI-140]: remove route {@code name}. */
    Future<Void> removeRoute(String name);

    /** [SAPI-031], [BKD-090]: validate, start (if enabled), probe and save a new backend. */
    Future<BackendChange> addBackend(Map<String, Object> backend);

    /** [SAPI-041], [BKD-091]: remove an unused backend; its connections run to their end. */
    Future<Void> removeBackend(String name);

    /** What started a reload ([EVT-024] {@code trigger}). */
    enum ReloadTrigger {
        SIGNAL("signal"),
        API("api");

        private final String wireName;

        ReloadTrigger(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }

    /** [SAPI-172]. */
    record SectionMeta(String section, boolean hotReloadable, String description, boolean pendingRestart) {}

    /**
     * [SAPI-173] response members.
     *
     * @param message {@code Configuration saved}, {@code No changes} or {@code Configuration saved; reload failed}
     * @param backupPath where the backup went, or {@code null}
     * @param reloadErrors problems applying hot sections (empty on success)
     */
    record SaveOutcome(String message, String backupPath, List<String> changedSections,
            List<String> hotReloadedSections, List<String> restartRequiredSections, List<ConfigProblem> reloadErrors,
            List<ConfigProblem> warnings) {}

    /** [SAPI-174]. */
    record ValidationOutcome(boolean valid, List<ConfigProblem> errors, List<ConfigProblem> warnings) {}

    /** [SAPI-175] success. */
    record ReloadOutcome(List<String> changedSections, List<String> hotReloadedSections,
            List<String> restartRequiredSections, List<ConfigProblem> warnings) {}

    /**
     * A created or updated route ([SAPI-110], [SAPI-130]).
     *
     * @param route the route object as the API shows it ([SAPI-100] member rules)
     */
    record RouteChange(Map<String, Object> route, List<ConfigProblem> warnings) {}

    /** A created backend ([SAPI-031]). */
    record BackendChange(String name, String type, boolean running, List<ConfigProblem> warnings) {}
}
