package io.bifrost.adapters.vertx.control;

import static java.util.Objects.requireNonNull;

import io.bifrost.core.config.BackendConfig;
import io.bifrost.core.config.ConfigProblem;
import io.bifrost.core.config.ConfigResult;
import io.bifrost.core.config.EnvLookup;
import io.bifrost.core.config.RouteConfig;
import io.bifrost.core.config.ServerConfig;
import io.bifrost.core.config.ServerConfigReader;
import io.bifrost.core.config.ServerConfigTree;
import io.bifrost.core.config.ServerSection;
import io.bifrost.core.config.SavedConfigTree;
import io.bifrost.core.policy.OpenProxyVerdict;
import io.bifrost.core.port.out.EventSink;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What every configuration change shares: the state, the collaborators, and the steps of [CFG-091] and [SAPI-120]
 * (validate, build the hot sections against the running server, save, swap). Used only on the control's single
 * worker thread, except {@link #state()}, which any thread may read.
 */
final class ControlContext {
    final ServerRuntime runtime;
    final BackendLifecycle lifecycle;
    final EventSink events;
    final InstantSource clock;
    final EnvLookup env;
    final ConfigStore store;
    private volatile ControlState state;
    private volatile List<String> exposureWarnings = List.of();

    ControlContext(ServerRuntime runtime, BackendLifecycle lifecycle, EventSink events, InstantSource clock,
            EnvLookup env, ConfigStore store, ControlState initial) {
        this.runtime = requireNonNull(runtime, "runtime");
        this.lifecycle = requireNonNull(lifecycle, "lifecycle");
        this.events = requireNonNull(events, "events");
        this.clock = requireNonNull(clock, "clock");
        this.env = requireNonNull(env, "env");
        this.store = requireNonNull(store, "store");
        this.state = requireNonNull(initial, "initial");
    }

    ControlState state() {
        return state;
    }

    void state(ControlState next) {
        state = requireNonNull(next, "next");
    }

    /**
     * The [SEC-090] warnings that depend on the host's addresses (e.g. an open proxy allowed on a public address),
     * as {@code <path>: <message>}: found at start-up, checked again whenever {@code access_control} changes.
     */
    List<String> exposureWarnings() {
        return exposureWarnings;
    }

    void exposureWarnings(List<String> warnings) {
        exposureWarnings = List.copyOf(warnings);
    }

    /** [CFG-030] on a tree built by the API (the same procedure as start-up). */
    ConfigResult<ServerConfig> read(Map<String, Object> source) {
        return ServerConfigReader.read(source, env);
    }

    /** The configuration, or {@code VALIDATION_FAILED} carrying every error and warning. */
    static ServerConfig valid(ConfigResult<ServerConfig> result) {
        if (!result.isValid()) {
            throw validationFailed(result.problems());
        }
        return result.config();
    }

    static ControlException validationFailed(List<ConfigProblem> problems) {
        List<ConfigProblem> errors = problems.stream().filter(ConfigProblem::isError).toList();
        String first = errors.isEmpty() ? "" : "; first: " + errors.get(0);
        return new ControlException(ControlException.Code.VALIDATION_FAILED,
                "the configuration is invalid: " + errors.size() + " error(s)" + first, problems, Map.of());
    }

    /**
     * [CFG-091] step 3 for routes: a route naming a backend that is enabled in {@code next} but not running cannot
     * be built (disabled backends are fine, [RTE-022]). Routes that are running unchanged are not checked again:
     * they already route that way, and a backend enabled in the file but waiting for a restart must not block every
     * unrelated route change.
     */
    List<ConfigProblem> routesAgainstRunningBackends(ServerConfig next) {
        Set<Map<String, Object>> runningRoutes = state.running().routes().stream()
                .map(ServerConfigTree::route)
                .collect(Collectors.toSet());
        List<ConfigProblem> problems = new ArrayList<>();
        for (int i = 0; i < next.routes().size(); i++) {
            RouteConfig route = next.routes().get(i);
            if (runningRoutes.contains(ServerConfigTree.route(route))) {
                continue;
            }
            for (int j = 0; j < route.backends().size(); j++) {
                String name = route.backends().get(j);
                boolean enabled = next.backend(name).map(BackendConfig::enabled).orElse(false);
                if (enabled && !runtime.isRunning(name)) {
                    String path = route.singleBackendKey() ? "routes[" + i + "].backend"
                            : "routes[" + i + "].backends[" + j + "]";
                    problems.add(ConfigProblem.error(path,
                            "backend \"" + name + "\" is not running; restart required"));
                }
            }
        }
        return problems;
    }

    /** [SEC-090]: the open-proxy refusal for {@code next}'s access lists, as a problem at the listener's path. */
    Optional<ConfigProblem> openProxy(ServerConfig next) {
        if (!(runtime.openProxy(next.accessControl().whitelist()) instanceof OpenProxyVerdict.Refuse refuse)) {
            return Optional.empty();
        }
        String message = refuse.message();
        int colon = message.indexOf(": ");
        return Optional.of(colon < 0 ? ConfigProblem.error(ConfigProblem.ROOT, message)
                : ConfigProblem.error(message.substring(0, colon), message.substring(colon + 2)));
    }

    /** Whatever stops the changed hot sections of {@code next} from being built ([CFG-091] step 3). */
    List<ConfigProblem> buildProblems(ServerConfig next, Collection<ServerSection> hot) {
        List<ConfigProblem> problems = new ArrayList<>();
        if (hot.contains(ServerSection.ROUTES)) {
            problems.addAll(routesAgainstRunningBackends(next));
        }
        if (hot.contains(ServerSection.ACCESS_CONTROL)) {
            openProxy(next).ifPresent(problems::add);
        }
        return problems;
    }

    /** [CFG-091] step 4: swaps the hot sections in, one after the other without pausing; call after checking. */
    void apply(ServerConfig next, Collection<ServerSection> hot) {
        if (hot.contains(ServerSection.ROUTES)) {
            runtime.replaceRoutes(next.routes());
        }
        if (hot.contains(ServerSection.RATE_LIMIT)) {
            runtime.replaceRateLimit(next.rateLimit());
        }
        if (hot.contains(ServerSection.ACCESS_CONTROL)) {
            runtime.replaceAccessControl(next.accessControl());
            // [SEC-090]: the exposure is checked again with the new whitelist; a refusal never gets this far
            exposureWarnings(runtime.openProxy(next.accessControl().whitelist()).warnings());
        }
        // cache: a later-phase section with nothing to build in this version
    }

    /**
     * Writes {@code next} ([CFG-097]) and returns the state after the save; the caller installs it once the running
     * objects follow.
     *
     * @param source the tree {@code next} was read from (submitted placeholders are written as placeholders)
     * @throws ControlException {@code SAVE_FAILED}; nothing changed
     */
    Saved save(ServerConfig next, Map<String, Object> source, boolean backup, ServerConfig running,
            List<ConfigProblem> warnings) {
        ControlState s = state;
        Map<String, Object> tree = SavedConfigTree.build(s.fileTree(), s.fileConfig(), next, source);
        ConfigStore.Saved written = store.save(s, tree, backup);
        return new Saved(new ControlState(tree, next, next, running, warnings, written.file(), written.modified()),
                written.backupPath());
    }

    /** A save's new state and the backup it made (or {@code null}). */
    record Saved(ControlState state, String backupPath) {}

    /** The warnings of {@code problems} in one section, for route and backend responses. */
    static List<ConfigProblem> warningsOf(ConfigResult<?> result, ServerSection section) {
        return result.warnings().stream().filter(p -> p.section().equals(section.wireName())).toList();
    }

    /** The API form of one route of {@code config}. */
    static Map<String, Object> routeObject(ServerConfig config, String name) {
        return config.routes().stream().filter(r -> r.name().equals(name)).findFirst()
                .map(ServerConfigTree::route)
                .orElseThrow(() -> new IllegalStateException("route: " + name + " (expected: in the configuration)"));
    }
}
