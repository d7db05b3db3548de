package io.bifrost.core.config;

import io.bifrost.core.routing.PrioritizedRoute;

import static java.util.Objects.requireNonNull;

import io.bifrost.core.routing.HostPattern;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A client route ([RTE-080]). Immutable.
 *
 * @param name unique; generated {@code route-<n>} when absent ([RTE-021])
 * @param domains normalised, de-duplicated patterns
 * @param action what a matching request does
 * @param priority higher first; ties by file order; catch-all routes last ([RTE-030]); default 0
 * @param enabled default true
 * @param nameGenerated whether {@code name} was generated
 */
public record ClientRouteConfig(
        String name, List<HostPattern> domains, Action action, int priority, boolean enabled, boolean nameGenerated)
        implements PrioritizedRoute {

    /** {@code direct}: connect from the client host; {@code server}: go through the upstream server. */
    public enum Action {
        DIRECT, SERVER;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Action> parse(String name) {
            requireNonNull(name, "name");
            return Arrays.stream(values()).filter(a -> a.wireName().equals(name)).findFirst();
        }
    }

    public ClientRouteConfig {
        requireNonNull(name, "name");
        domains = List.copyOf(domains);
        requireNonNull(action, "action");
    }
}
