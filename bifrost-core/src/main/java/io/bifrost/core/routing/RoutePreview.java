package io.bifrost.core.routing;

import static java.util.Objects.requireNonNull;

import io.bifrost.core.backend.Backend;
import io.bifrost.core.traffic.ErrorCode;
import java.util.Optional;

/**
 * What routing would do for a host now, computed without changing any selection state ([RTE-090]-[RTE-092]).
 *
 * @param refusal {@code no_route} or {@code no_backend}, or {@code null} when a backend would be chosen
 * @param message the client's one-line reason for a refusal, else {@code null}
 * @param route the matched route, or {@code null} for {@code no_route}
 * @param pattern the first pattern of that route that matched, or {@code null} for {@code no_route}
 * @param panic whether the panic rule of [RTE-051] applies
 * @param next the backend the next request would get; {@code null} when refused or when the strategy is
 *     {@code random}, whose choice cannot be foretold
 */
public record RoutePreview(
        ErrorCode refusal, String message, Route route, HostPattern pattern, boolean panic, Backend next) {

    public RoutePreview {
        if ((refusal == null) == (message != null)) {
            throw new IllegalArgumentException("message: " + message + " (expected: exactly when refused)");
        }
        if (route != null) {
            requireNonNull(pattern, "pattern");
        }
    }

    /** The route that matched, when one did. */
    public Optional<Route> matchedRoute() {
        return Optional.ofNullable(route);
    }

    /** The backend the next request would get, when it can be foretold. */
    public Optional<Backend> nextBackend() {
        return Optional.ofNullable(next);
    }
}
