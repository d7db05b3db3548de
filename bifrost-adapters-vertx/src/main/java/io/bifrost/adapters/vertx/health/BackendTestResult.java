package io.bifrost.adapters.vertx.health;

import static java.util.Objects.requireNonNull;

import io.bifrost.core.traffic.ErrorCode;
import java.time.Duration;

/**
 * The answer of a backend test ([BKD-080], the body of [SAPI-045]). Immutable.
 *
 * @param backend the backend's name
 * @param target the {@code host:port} dialed
 * @param duration time until connected or failed
 * @param healthy the backend's current health state (false when it is not running, [BKD-050])
 * @param errorCode the failure's code of [BKD-035]; {@code null} on success
 * @param errorDetail the failure's detail, e.g. {@code no answer from 198.51.100.20:3128 within 5s}; {@code null} on
 *     success
 */
public record BackendTestResult(
        String backend, String target, Duration duration, boolean healthy, ErrorCode errorCode, String errorDetail) {

    public BackendTestResult {
        requireNonNull(backend, "backend");
        requireNonNull(target, "target");
        requireNonNull(duration, "duration");
        if ((errorCode == null) != (errorDetail == null)) {
            throw new IllegalArgumentException("errorCode/errorDetail: " + errorCode + "/" + errorDetail
                    + " (expected: both or neither)");
        }
    }

    public boolean succeeded() {
        return errorCode == null;
    }

    /** {@code success} or {@code failed}, the {@code status} member of [SAPI-045]. */
    public String status() {
        return succeeded() ? "success" : "failed";
    }

    /** {@code <code>: <detail>}, the {@code error} member; {@code null} on success. */
    public String error() {
        return succeeded() ? null : errorCode.code() + ": " + errorDetail;
    }
}
