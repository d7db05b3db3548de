package io.bifrost.core.routing;

import static java.util.Objects.requireNonNull;

import io.bifrost.core.backend.Backend;
import io.bifrost.core.traffic.ErrorCode;

/** What routing decided for one request: a backend to dial through, or a refusal with its code and message. */
public sealed interface RouteDecision {

    /**
     * Dial through {@code backend}.
     *
     * @param pattern the first pattern of the route that matched
     * @param panic whether the backend was chosen under the panic rule ([RTE-051])
     */
    record Forward(Route route, HostPattern pattern, Backend backend, boolean panic) implements RouteDecision {
        public Forward {
            requireNonNull(route, "route");
            requireNonNull(pattern, "pattern");
            requireNonNull(backend, "backend");
        }
    }

    /**
     * Refused before any dial: {@code no_route} ([RTE-032]) or {@code no_backend} ([RTE-055]).
     *
     * @param route the matched route for {@code no_backend}, else {@code null}
     * @param message the one-line reason for the client, naming the host, e.g. {@code no route for host "x"}
     */
    record Refuse(ErrorCode code, String message, Route route) implements RouteDecision {
        public Refuse {
            requireNonNull(code, "code");
            requireNonNull(message, "message");
        }
    }
}
