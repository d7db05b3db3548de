package io.bifrost.adapters.vertx.api;

import io.bifrost.core.backend.LoadBalanceStrategy;
import io.bifrost.core.config.RouteConfig;
import io.bifrost.core.routing.HostPattern;
import io.bifrost.core.routing.Route;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;

/**
 * Routes as the API shows them (server-api.md §3): {@code name}, {@code domains}, {@code backend} or
 * {@code backends} (whichever the route uses), {@code load_balance} and {@code weights} (when not empty) with
 * {@code backends}, {@code priority}, {@code enabled}. Stateless.
 */
final class RouteJson {
    private RouteJson() {}

    static JsonObject of(RouteConfig r) {
        return of(r.name(), r.domains(), r.backends(), r.singleBackendKey(), r.loadBalance(), r.weights(), r.priority(),
                r.enabled());
    }

    /** For a run-time route without its configuration entry: one backend is shown as {@code backend}. */
    static JsonObject of(Route r) {
        return of(r.name(), r.domains(), r.backends(), r.backends().size() == 1, r.strategy(), r.weights(),
                r.priority(), r.enabled());
    }

    private static JsonObject of(String name, List<HostPattern> domains, List<String> backends, boolean single,
            LoadBalanceStrategy strategy, Map<String, Integer> weights, int priority, boolean enabled) {
        JsonArray patterns = new JsonArray();
        domains.forEach(p -> patterns.add(p.text()));
        JsonObject out = new JsonObject().put("name", name).put("domains", patterns);
        if (single && backends.size() == 1) {
            out.put("backend", backends.get(0));
        } else {
            out.put("backends", new JsonArray(List.copyOf(backends))).put("load_balance", strategy.wireName());
            if (!weights.isEmpty()) {
                JsonObject w = new JsonObject();
                weights.forEach(w::put);
                out.put("weights", w);
            }
        }
        return out.put("priority", priority).put("enabled", enabled);
    }
}
