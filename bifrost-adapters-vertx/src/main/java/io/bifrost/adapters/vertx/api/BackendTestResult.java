package io.bifrost.adapters.vertx.api;

import static java.util.Objects.requireNonNull;

import io.bifrost.core.traffic.ErrorCode;
import java.time.Duration;

/**
 * The outcome of a test dial ([SAPI-045]). Immutable.
 *
 * @param elapsed time until connected or failed
 * @param error the failure's code of [BKD-035], or {@code null} on success
 * @param detail the failure's detail, e.g. {@code no answer from 198.51.100.20:3128 within 5s}; {@code null} on success
 */
public record BackendTestResult(Duration elapsed, ErrorCode error, String detail) {

    public BackendTestResult {
        requireNonNull(elapsed, "elapsed");
        if ((error == null) != (detail == null)) {
            throw new IllegalArgumentException("detail: " + detail + " (expected: exactly when error is set)");
        }
    }

    public static BackendTestResult success(Duration elapsed) {
        return new BackendTestResult(elapsed, null, null);
    }

    public static BackendTestResult failure(Duration elapsed, ErrorCode error, String detail) {
        return new BackendTestResult(elapsed, requireNonNull(error, "error"), requireNonNull(detail, "detail"));
    }

    public boolean succeeded() {
        return error == null;
    }
}
