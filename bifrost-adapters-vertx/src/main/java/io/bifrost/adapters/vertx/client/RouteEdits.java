package io.bifrost.adapters.vertx.client;

import io.bifrost.adapters.vertx.control.ControlException;
import io.bifrost.core.config.ClientConfig;
import io.bifrost.core.config.ClientRouteConfig;
import io.bifrost.core.config.ConfigProblem;
import io.bifrost.core.routing.PrioritizedRoute;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Route changes as edits of the file's route list ([CAPI-072]-[CAPI-074], rules of [SAPI-110]-[SAPI-140]): append,
 * replace in place, remove. Generated names are written out first ([RTE-021]), so that the other routes keep their
 * names when positions shift. Checks that need only the current configuration run here, in the order of [SAPI-110];
 * the loading procedure validates the rest. Stateless.
 */
final class RouteEdits {
    private RouteEdits() {}

    static FileEdits.Edit add(Map<String, Object> route) {
        return (tree, current) -> {
            Object name = route.get("name");
            if (name instanceof String n && indexOf(current, n) >= 0) {
                throw alreadyExists(n);
            }
            Map<String, Object> root = root(tree);
            List<Object> routes = namedRoutes(root, current);
            routes.add(new LinkedHashMap<>(route));
            if (name == null) {
                // a route added through the API must be named: a generated name would change with its position
                throw new ControlException(ControlException.Code.VALIDATION_FAILED, "configuration is invalid",
                        List.of(ConfigProblem.error("routes[" + (routes.size() - 1) + "].name", "required")),
                        Map.of());
            }
            return root;
        };
    }

    static FileEdits.Edit replace(String name, Map<String, Object> route) {
        return (tree, current) -> {
            int index = indexOf(current, name);
            if (index < 0) {
                throw notFound(name);
            }
            Map<String, Object> next = new LinkedHashMap<>();
            next.put("name", name);
            route.forEach((k, v) -> {
                if (v != null || !k.equals("name")) { // an absent or null name keeps the route's name
                    next.put(k, v);
                }
            });
            if (next.get("name") instanceof String n && !n.equals(name) && indexOf(current, n) >= 0) {
                throw alreadyExists(n);
            }
            Map<String, Object> root = root(tree);
            namedRoutes(root, current).set(index, next);
            return root;
        };
    }

    static FileEdits.Edit remove(String name) {
        return (tree, current) -> {
            int index = indexOf(current, name);
            if (index < 0) {
                throw notFound(name);
            }
            Map<String, Object> root = root(tree);
            namedRoutes(root, current).remove(index);
            return root;
        };
    }

    /** The file's route list, each route that had a generated name now carrying it ([RTE-021]). */
    @SuppressWarnings("unchecked")
    private static List<Object> namedRoutes(Map<String, Object> root, ClientConfig current) {
        List<Object> routes = root.get("routes") instanceof List<?> l ? (List<Object>) l : new ArrayList<>();
        root.put("routes", routes);
        List<ClientRouteConfig> configured = current.routes();
        for (int i = 0; i < configured.size() && i < routes.size(); i++) {
            if (configured.get(i).nameGenerated() && routes.get(i) instanceof Map<?, ?> entry) {
                Map<String, Object> named = new LinkedHashMap<>();
                named.put("name", configured.get(i).name());
                entry.forEach((k, v) -> named.putIfAbsent(String.valueOf(k), v));
                routes.set(i, named);
            }
        }
        return routes;
    }

    /** Position in file order ({@link ClientConfig#routes()} keeps the file's order), or -1. */
    static int indexOf(ClientConfig config, String name) {
        return PrioritizedRoute.indexOf(config.routes(), name);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> root(Object tree) {
        return tree instanceof Map<?, ?> m ? (Map<String, Object>) m : new LinkedHashMap<>();
    }

    private static ControlException notFound(String name) {
        return ControlException.routeNotFound(name);
    }

    private static ControlException alreadyExists(String name) {
        return ControlException.routeExists(name);
    }
}
