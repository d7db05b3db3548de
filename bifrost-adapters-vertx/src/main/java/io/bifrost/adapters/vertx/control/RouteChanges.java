package io.bifrost.adapters.vertx.control;

import io.bifrost.core.config.ConfigEdits;
import io.bifrost.core.config.ConfigProblem;
import io.bifrost.core.config.ConfigResult;
import io.bifrost.core.config.ConfigSections;
import io.bifrost.core.config.ServerConfig;
import io.bifrost.core.config.ServerSection;
import io.bifrost.core.event.ConfigSaved;
import io.bifrost.core.routing.PrioritizedRoute;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Route changes through the API ([SAPI-110]-[SAPI-140]) with the procedure of [SAPI-120]: build the new list,
 * validate the whole configuration and build the routes against the running backends, write the file, swap the
 * table, emit {@code config.saved}. Checks run in the order of [SAPI-110]: {@code ALREADY_EXISTS},
 * {@code UNKNOWN_BACKEND}, {@code VALIDATION_FAILED}, {@code SAVE_FAILED}. Runs on the control's worker only.
 */
final class RouteChanges {
    private static final List<String> ROUTES = List.of(ServerSection.ROUTES.wireName());

    private final ControlContext ctx;

    RouteChanges(ControlContext ctx) {
        this.ctx = ctx;
    }

    ServerControl.RouteChange add(Map<String, Object> body) {
        ServerConfig current = ctx.state().current();
        Object name = body.get("name");
        if (name instanceof String n && indexOf(current, n) >= 0) {
            throw alreadyExists(n);
        }
        checkBackendsDeclared(current, body, name instanceof String n ? n : "");
        Map<String, Object> source = ConfigEdits.source(current);
        List<Object> routes = routes(source);
        routes.add(body);
        if (name == null) {
            // a route added through the API must be named: a generated name would change with its position
            List<ConfigProblem> problems = new ArrayList<>();
            problems.add(ConfigProblem.error("routes[" + (routes.size() - 1) + "].name", "required"));
            problems.addAll(ctx.read(source).problems());
            throw ControlContext.validationFailed(problems);
        }
        return commit(source, String.valueOf(name));
    }

    ServerControl.RouteChange replace(String name, Map<String, Object> body) {
        ServerConfig current = ctx.state().current();
        int index = indexOf(current, name);
        if (index < 0) {
            throw notFound(name);
        }
        Map<String, Object> route = new LinkedHashMap<>(body);
        route.putIfAbsent("name", name);
        Object newName = route.get("name");
        if (newName instanceof String n && !n.equals(name) && indexOf(current, n) >= 0) {
            throw alreadyExists(n);
        }
        checkBackendsDeclared(current, route, newName instanceof String n ? n : name);
        Map<String, Object> source = ConfigEdits.source(current);
        routes(source).set(index, route);
        return commit(source, String.valueOf(newName));
    }

    void remove(String name) {
        ServerConfig current = ctx.state().current();
        int index = indexOf(current, name);
        if (index < 0) {
            throw notFound(name);
        }
        Map<String, Object> source = ConfigEdits.source(current);
        routes(source).remove(index);
        commit(source, null);
    }

    private ServerControl.RouteChange commit(Map<String, Object> source, String name) {
        ControlState s = ctx.state();
        ConfigResult<ServerConfig> result = ctx.read(source);
        ServerConfig next = ControlContext.valid(result);
        List<ConfigProblem> notRunning = ctx.routesAgainstRunningBackends(next);
        if (!notRunning.isEmpty()) {
            List<ConfigProblem> all = new ArrayList<>(notRunning);
            all.addAll(result.warnings());
            throw ControlContext.validationFailed(all);
        }
        ServerConfig running = ConfigSections.replace(s.running(), next, List.of(ServerSection.ROUTES));
        ControlContext.Saved saved = ctx.save(next, source, false, running, result.warnings());
        ctx.runtime.replaceRoutes(next.routes());
        ctx.state(saved.state());
        ctx.events.publish(new ConfigSaved(ctx.clock.instant(), "routes", ROUTES, ROUTES, List.of(), null));
        return name == null ? null : new ServerControl.RouteChange(ControlContext.routeObject(next, name),
                ControlContext.warningsOf(result, ServerSection.ROUTES));
    }

    /** [SAPI-110] {@code UNKNOWN_BACKEND}: the first of {@code backend}, {@code backends}, {@code weights} keys. */
    private static void checkBackendsDeclared(ServerConfig current, Map<String, Object> route, String routeName) {
        List<Object> names = new ArrayList<>();
        names.add(route.get("backend"));
        if (route.get("backends") instanceof List<?> list) {
            names.addAll(list);
        }
        if (route.get("weights") instanceof Map<?, ?> weights) {
            names.addAll(weights.keySet());
        }
        for (Object n : names) {
            if (n instanceof String backend && current.backend(backend).isEmpty()) {
                throw new ControlException(ControlException.Code.UNKNOWN_BACKEND,
                        "route \"" + routeName + "\" refers to backend \"" + backend + "\", which is not configured",
                        List.of(), Map.of("backend", backend));
            }
        }
    }

    private static int indexOf(ServerConfig config, String name) {
        return PrioritizedRoute.indexOf(config.routes(), name);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> routes(Map<String, Object> source) {
        return (List<Object>) source.get("routes");
    }

    private static ControlException alreadyExists(String name) {
        return ControlException.routeExists(name);
    }

    private static ControlException notFound(String name) {
        return ControlException.routeNotFound(name);
    }
}
