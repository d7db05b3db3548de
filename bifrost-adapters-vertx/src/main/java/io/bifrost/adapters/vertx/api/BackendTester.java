package io.bifrost.adapters.vertx.api;

import io.bifrost.core.config.HostPort;
import io.vertx.core.Future;
import java.time.Duration;

/**
 * One test dial through a backend ([BKD-080], [SAPI-045]): the same dial proxied traffic would make, then closed,
 * without touching the backend's counters or health. The API has validated the target and timeout and checked that
 * the backend exists. Implementations never block; the future completes within about {@code timeout}.
 */
@FunctionalInterface
public interface BackendTester {

    /**
     * @param backend a declared backend (enabled or not: a disabled one is tested through a temporary instance)
     * @return the outcome; a failed dial is a successful future with a failed result
     */
    Future<BackendTestResult> test(String backend, HostPort target, Duration timeout);

    /** The tester of a build without test dials: every call fails with {@code NOT_IMPLEMENTED}. */
    static BackendTester unavailable() {
        return (backend, target, timeout) -> Future.failedFuture(
                new UnsupportedOperationException("backend tests are not available in this version"));
    }
}
