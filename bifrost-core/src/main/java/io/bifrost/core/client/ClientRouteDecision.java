package io.bifrost.core.client;

import static java.util.Objects.requireNonNull;

import io.bifrost.core.config.ClientRouteConfig;
import io.bifrost.core.config.ClientRouteConfig.Action;
import io.bifrost.core.routing.HostPattern;
import java.util.Optional;

/**
 * What the client does with a request for one host ([RTE-081]), and why: the matched route and the first of its
 * patterns that matched, or the fallback when no route matched ([RTE-093]). Immutable.
 *
 * @param route the matched route, or {@code null} when the fallback applied
 * @param pattern the first pattern of {@code route} that matched, or {@code null} with the fallback
 */
public record ClientRouteDecision(Action action, ClientRouteConfig route, HostPattern pattern) {

    public ClientRouteDecision {
        requireNonNull(action, "action");
        if ((route == null) != (pattern == null)) {
            throw new IllegalArgumentException("route and pattern: " + route + ", " + pattern
                    + " (expected: both set, or both null for the fallback)");
        }
    }

    /** The fallback of [RTE-081]: no route matched. */
    public static ClientRouteDecision fallback(Action action) {
        return new ClientRouteDecision(action, null, null);
    }

    /** Whether no route matched and the fallback applied ({@code "default": true}). */
    public boolean isFallback() {
        return route == null;
    }

    /** The matched route's name; empty with the fallback. */
    public Optional<String> routeName() {
        return Optional.ofNullable(route).map(ClientRouteConfig::name);
    }

    /** The matched pattern's text; empty with the fallback. */
    public Optional<String> patternText() {
        return Optional.ofNullable(pattern).map(HostPattern::text);
    }
}
