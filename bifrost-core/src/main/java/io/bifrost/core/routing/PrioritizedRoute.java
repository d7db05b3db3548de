package io.bifrost.core.routing;

import java.util.List;

/** What the effective route order of [RTE-030] needs from server and client routes. */
public interface PrioritizedRoute {

    String name();

    /** Normalised, de-duplicated patterns in file order ([RTE-016]); never empty in a valid configuration. */
    List<HostPattern> domains();

    /** Higher is tried first; ties keep file order. */
    int priority();

    boolean enabled();

    /** A route whose only pattern is {@code *}; it sorts after every other route ([RTE-030]). */
    default boolean isCatchAll() {
        return domains().size() == 1 && domains().get(0).isCatchAll();
    }

    /** The position of the route named {@code name} in {@code routes}, or -1. */
    static int indexOf(List<? extends PrioritizedRoute> routes, String name) {
        for (int i = 0; i < routes.size(); i++) {
            if (routes.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** A route with the pattern {@code *} among its patterns: it matches every host ([RTE-033]). */
    default boolean matchesEveryHost() {
        return domains().stream().anyMatch(HostPattern::isCatchAll);
    }
}
