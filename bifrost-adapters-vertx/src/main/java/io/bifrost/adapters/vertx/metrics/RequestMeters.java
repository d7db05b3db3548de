package io.bifrost.adapters.vertx.metrics;

import static java.util.Objects.requireNonNull;

import io.bifrost.core.traffic.ErrorCode;
import io.bifrost.core.traffic.Protocol;
import io.bifrost.core.traffic.RequestRecord;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The per-request meters of [SAPI-321], fed by the one record of each request ([PRX-011]): requests, errors,
 * durations, sizes, route requests and misses, and backend dial errors. Meters are looked up in concurrent maps keyed
 * by small records, so a request costs a few hash lookups and lock-free adds on the event loop. Thread-safe.
 */
final class RequestMeters {
    /**
     * Method label values kept as they are; anything else is {@code OTHER}, so a client inventing methods cannot
     * create unbounded series.
     */
    private static final Set<String> KNOWN_METHODS = Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT",
            "OPTIONS", "TRACE", "PATCH", "BIND", "UDP_ASSOCIATE", "AUTH");
    private static final Pattern SOCKS_COMMAND = Pattern.compile("CMD_[0-9]{1,3}");

    /** Failures of the dial through a backend ([PRX-100] rows 8-15): {@code bifrost_backend_errors_total}. */
    private static final Set<ErrorCode> DIAL_ERRORS = EnumSet.of(ErrorCode.DNS_ERROR, ErrorCode.DNS_TIMEOUT,
            ErrorCode.CONNECTION_REFUSED, ErrorCode.DESTINATION_UNREACHABLE, ErrorCode.CONNECTION_TIMEOUT,
            ErrorCode.UPSTREAM_PROXY_ERROR, ErrorCode.UPSTREAM_AUTH_FAILED, ErrorCode.DESTINATION_PROHIBITED);

    private final MeterRegistry registry;
    private final Map<RequestKey, Counter> requests = new ConcurrentHashMap<>();
    private final Map<ErrorKey, Counter> errors = new ConcurrentHashMap<>();
    private final Map<MethodKey, Timer> durations = new ConcurrentHashMap<>();
    private final Map<RouteKey, Counter> routeRequests = new ConcurrentHashMap<>();
    private final Map<BackendErrorKey, Counter> backendErrors = new ConcurrentHashMap<>();
    private final Map<Protocol, DistributionSummary> requestSizes = new EnumMap<>(Protocol.class);
    private final Map<Protocol, DistributionSummary> responseSizes = new EnumMap<>(Protocol.class);
    private final Counter routeMisses;

    RequestMeters(MeterRegistry registry) {
        this.registry = requireNonNull(registry, "registry");
        for (Protocol p : Protocol.values()) {
            requestSizes.put(p, size("bifrost.request.size", "Bytes received from the client per request.", p));
            responseSizes.put(p, size("bifrost.response.size", "Bytes sent to the client per request.", p));
        }
        routeMisses = Counter.builder("bifrost.route.misses")
                .description("Requests refused because no route matched (no_route).")
                .register(registry);
    }

    private DistributionSummary size(String name, String help, Protocol p) {
        return DistributionSummary.builder(name).baseUnit("bytes").description(help)
                .tag("protocol", label(p)).serviceLevelObjectives(Buckets.SIZES).register(registry);
    }

    void record(RequestRecord r) {
        String method = methodLabel(r.method());
        // sizes and duration before the request counter, so a scrape that sees the request usually sees them too
        lookup(durations, new MethodKey(r.protocol(), method), this::durationTimer)
                .record((long) (r.durationMs() * 1_000_000), TimeUnit.NANOSECONDS);
        requestSizes.get(r.protocol()).record(r.bytesReceived());
        responseSizes.get(r.protocol()).record(r.bytesSent());
        lookup(requests, new RequestKey(r.protocol(), method, r.statusCode()), this::requestCounter)
                .increment();
        if (r.route() != null && r.backend() != null) {
            lookup(routeRequests, new RouteKey(r.route(), r.backend()), this::routeCounter).increment();
        }
        ErrorCode error = r.error();
        if (error == null) {
            return;
        }
        lookup(errors, new ErrorKey(r.protocol(), error), this::errorCounter).increment();
        if (error == ErrorCode.NO_ROUTE) {
            routeMisses.increment();
        }
        if (r.backend() != null && DIAL_ERRORS.contains(error)) {
            lookup(backendErrors, new BackendErrorKey(r.backend(), error), this::backendErrorCounter)
                    .increment();
        }
    }

    /** A plain read first: the meter exists for all but the first request of its kind. */
    private static <K, V> V lookup(Map<K, V> meters, K key, java.util.function.Function<K, V> create) {
        V meter = meters.get(key);
        return meter != null ? meter : meters.computeIfAbsent(key, create);
    }

    private Counter requestCounter(RequestKey k) {
        return Counter.builder("bifrost.requests").description("Proxied requests by protocol, method and status.")
                .tags("protocol", label(k.protocol()), "method", k.method(), "status", Integer.toString(k.status()))
                .register(registry);
    }

    private Timer durationTimer(MethodKey k) {
        return Timer.builder("bifrost.request.duration").description("Time from request start to completion.")
                .tags("protocol", label(k.protocol()), "method", k.method())
                .serviceLevelObjectives(Buckets.DURATIONS).register(registry);
    }

    private Counter routeCounter(RouteKey k) {
        return Counter.builder("bifrost.route.requests").description("Requests routed, by route and backend.")
                .tags("route", k.route(), "backend", k.backend()).register(registry);
    }

    private Counter errorCounter(ErrorKey k) {
        return Counter.builder("bifrost.request.errors").description("Failed requests by error code.")
                .tags("protocol", label(k.protocol()), "error", k.error().code()).register(registry);
    }

    private Counter backendErrorCounter(BackendErrorKey k) {
        return Counter.builder("bifrost.backend.errors").description("Failed dials through a backend, by code.")
                .tags("backend", k.backend(), "error", k.error().code()).register(registry);
    }

    /** {@code http}, {@code connect} or {@code socks5}. */
    static String label(Protocol p) {
        return p.name().toLowerCase(Locale.ROOT);
    }

    static String methodLabel(String method) {
        return KNOWN_METHODS.contains(method) || SOCKS_COMMAND.matcher(method).matches() ? method : "OTHER";
    }

    private record RequestKey(Protocol protocol, String method, int status) {}

    private record MethodKey(Protocol protocol, String method) {}

    private record ErrorKey(Protocol protocol, ErrorCode error) {}

    private record RouteKey(String route, String backend) {}

    private record BackendErrorKey(String backend, ErrorCode error) {}
}
