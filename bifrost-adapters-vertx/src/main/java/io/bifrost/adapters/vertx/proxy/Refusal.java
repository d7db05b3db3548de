package io.bifrost.adapters.vertx.proxy;

import static java.util.Objects.requireNonNull;

import io.bifrost.core.traffic.ErrorCode;

/**
 * A request refused before any upstream was involved ([PRX-010] steps 2-8).
 *
 * @param message one line for the client ({@code Bifrost: <message>})
 * @param retryAfterSeconds for {@code rate_limited}: seconds until a token is available (>= 1); else 0
 */
public record Refusal(ErrorCode code, String message, long retryAfterSeconds) {
    public Refusal {
        requireNonNull(code, "code");
        requireNonNull(message, "message");
    }

    public static Refusal of(ErrorCode code, String message) {
        return new Refusal(code, message, 0);
    }
}
