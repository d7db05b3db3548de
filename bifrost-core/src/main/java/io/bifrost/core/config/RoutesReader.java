package io.bifrost.core.config;

import io.bifrost.core.backend.LoadBalanceStrategy;

import io.bifrost.core.routing.HostPattern;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads server {@code routes} ([CFG-105], [RTE-020]-[RTE-022], [RTE-033]). */
final class RoutesReader {
    private static final Set<String> RESERVED_ROUTE_NAMES = Set.of("test");

    /** A route's name and whether it was generated ([RTE-021]). */
    record RouteName(String name, boolean generated) {}

    private RoutesReader() {}

    /**
     * @param declared every backend name of the file → enabled (from {@link BackendsReader.Result#declared()})
     */
    static List<RouteConfig> read(ConfigNode list, Map<String, Boolean> declared) {
        List<RouteConfig> routes = new ArrayList<>();
        Map<RouteConfig, String> paths = new IdentityHashMap<>();
        Set<String> names = new HashSet<>();
        List<ConfigNode> entries = list.elements();
        for (int i = 0; i < entries.size(); i++) {
            ConfigNode entry = entries.get(i).expectMap();
            if (entry.value() instanceof Map<?, ?>) {
                RouteConfig route = route(entry, i, names, declared);
                routes.add(route);
                paths.put(route, entry.path());
            }
        }
        NeverUsedRoutes.warnNeverUsed(routes, paths::get, list.context());
        return routes;
    }

    /** The route's name: as written and checked, or {@code route-<n>} with n its 1-based position. */
    static RouteName name(ConfigNode route, int index, Set<String> seen) {
        ConfigNode node = route.get("name");
        String name = node.asString();
        if (name == null) {
            String generated = "route-" + (index + 1);
            if (!seen.add(generated)) {
                node.error("duplicate route name \"" + generated + "\" (generated for this unnamed route)");
            }
            return new RouteName(generated, true);
        }
        Names.check(node, name, "route", RESERVED_ROUTE_NAMES, seen);
        return new RouteName(name, false);
    }

    private static RouteConfig route(ConfigNode r, int index, Set<String> names, Map<String, Boolean> declared) {
        RouteName name = name(r, index, names);
        List<HostPattern> domains = Patterns.requiredDomains(r);
        boolean single = r.has("backend");
        if (single == r.has("backends")) {
            r.error("set either backend or backends, not both");
        }
        List<String> backends = single ? singleBackend(r.get("backend"), declared) : backendList(r, declared);
        if (single) {
            r.accept("backends");
        }
        Map<String, Integer> weights = weights(r.map("weights"), backends, declared);
        LoadBalanceStrategy strategy = r.choice("load_balance", LoadBalanceStrategy.ROUND_ROBIN,
                LoadBalanceStrategy::parse, LoadBalanceStrategy.allowedValues());
        int priority = r.integer("priority", 0, Integer.MIN_VALUE, Integer.MAX_VALUE);
        boolean enabled = r.bool("enabled", true);
        if (enabled && !backends.isEmpty() && backends.stream().allMatch(b -> Boolean.FALSE.equals(declared.get(b)))) {
            r.warning("all backends of route \"" + name.name() + "\" are disabled");
        }
        return new RouteConfig(name.name(), domains, backends, strategy, weights, priority, enabled,
                name.generated(), single);
    }

    private static List<String> singleBackend(ConfigNode node, Map<String, Boolean> declared) {
        String name = node.asString();
        if (name == null) {
            return List.of();
        }
        checkDeclared(node, name, declared);
        return List.of(name);
    }

    private static List<String> backendList(ConfigNode route, Map<String, Boolean> declared) {
        ConfigNode node = route.get("backends");
        List<String> names = new ArrayList<>();
        for (ConfigNode element : node.elements()) {
            String name = element.asString();
            if (name == null) {
                continue;
            }
            if (names.contains(name)) {
                element.error("duplicate backend \"" + name + "\"");
            } else if (checkDeclared(element, name, declared)) {
                names.add(name);
            }
        }
        if (node.value() instanceof List<?> raw && raw.isEmpty()) {
            node.error("must not be empty");
        }
        return names;
    }

    private static boolean checkDeclared(ConfigNode node, String name, Map<String, Boolean> declared) {
        if (!declared.containsKey(name)) {
            node.error("unknown backend \"" + name + "\"");
            return false;
        }
        return true;
    }

    private static Map<String, Integer> weights(ConfigNode node, List<String> backends, Map<String, Boolean> declared) {
        Map<String, Integer> weights = new LinkedHashMap<>();
        for (String key : node.keys()) {
            ConfigNode w = node.get(key);
            Long weight = w.asLong(0, Integer.MAX_VALUE);
            if (!checkDeclared(w, key, declared)) {
                continue;
            }
            if (!backends.contains(key)) {
                w.error("backend \"" + key + "\" is not listed in backends");
            } else if (weight != null) {
                weights.put(key, weight.intValue());
            }
        }
        return weights;
    }
}
