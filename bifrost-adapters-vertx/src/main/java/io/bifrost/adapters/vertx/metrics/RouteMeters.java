package io.bifrost.adapters.vertx.metrics;

import static java.util.Objects.requireNonNull;

import io.bifrost.core.routing.Route;
import io.bifrost.core.routing.RouteResolver;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code bifrost_route_panic_total{route}}: selections made under the panic rule ([RTE-051]). Each {@link Route}
 * counts its own ({@link Route#panicSelections()}), and a new route table brings new {@code Route} objects that start
 * at 0; the counter here carries the old object's count over, so it never goes back. Read at scrape time; routes are
 * discovered by {@link #sample()}. Thread-safe.
 */
final class RouteMeters {
    private final MeterRegistry registry;
    private final RouteResolver routes;
    private final Map<String, PanicTotal> byName = new HashMap<>();

    RouteMeters(MeterRegistry registry, RouteResolver routes) {
        this.registry = requireNonNull(registry, "registry");
        this.routes = requireNonNull(routes, "routes");
    }

    synchronized void sample() {
        for (Route route : routes.table().routes()) {
            byName.computeIfAbsent(route.name(), this::register).follow(route);
        }
    }

    private PanicTotal register(String name) {
        PanicTotal total = new PanicTotal();
        FunctionCounter.builder("bifrost.route.panic", total, PanicTotal::value)
                .description("Backend selections made under the panic rule (every candidate unhealthy).")
                .tag("route", name).register(registry);
        return total;
    }

    /** One route name's running total across route tables. */
    private static final class PanicTotal {
        private Route current;
        private long carried;

        synchronized void follow(Route route) {
            if (route != current) {
                carried += current == null ? 0 : current.panicSelections();
                current = route;
            }
        }

        synchronized double value() {
            return carried + (current == null ? 0 : current.panicSelections());
        }
    }
}
