package io.bifrost.adapters.vertx.server;

import static java.util.Objects.requireNonNull;

import io.bifrost.adapters.vertx.api.BackendTestResult;
import io.bifrost.adapters.vertx.dial.DialTarget;
import io.bifrost.adapters.vertx.health.BackendTester;
import io.bifrost.core.config.HostPort;
import io.bifrost.core.config.ServerConfig;
import io.bifrost.core.routing.RoutingKey;
import io.bifrost.core.traffic.ErrorCode;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.function.Supplier;

/** The API's test-dial hook ([SAPI-045]) served by the health package's {@link BackendTester} ([BKD-080]). */
final class ApiBackendTester implements io.bifrost.adapters.vertx.api.BackendTester {
    private final BackendTester tester;
    private final Supplier<ServerConfig> running;

    ApiBackendTester(BackendTester tester, Supplier<ServerConfig> running) {
        this.tester = requireNonNull(tester, "tester");
        this.running = requireNonNull(running, "running");
    }

    @Override
    public Future<BackendTestResult> test(String backend, HostPort target, Duration timeout) {
        var config = running.get().backend(backend);
        if (config.isEmpty()) {
            return Future.succeededFuture(BackendTestResult.failure(Duration.ZERO, ErrorCode.INTERNAL_ERROR,
                    "backend \"" + backend + "\" is not running"));
        }
        DialTarget to = target == null ? null : RoutingKey.parse(target.host())
                .map(host -> new DialTarget(host, target.port())).orElse(null);
        return tester.test(config.get(), to, timeout).map(r -> r.succeeded()
                ? BackendTestResult.success(r.duration())
                : BackendTestResult.failure(r.duration(), r.errorCode(), r.errorDetail()));
    }
}
