package io.bifrost.adapters.vertx.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.bifrost.adapters.vertx.proxy.ProxyGate;
import io.bifrost.core.backend.Backend;
import io.bifrost.core.backend.BackendRegistry;
import io.bifrost.core.config.AuthConfig;
import io.bifrost.core.config.AuthProviderConfig;
import io.bifrost.core.config.AuthProviderType;
import io.bifrost.core.config.NativeUser;
import io.bifrost.core.event.ConnectionClosed;
import io.bifrost.core.event.RequestCompleted;
import io.bifrost.core.health.HealthPolicy;
import io.bifrost.core.health.HealthTracker;
import io.bifrost.core.health.ProbeOutcome;
import io.bifrost.core.net.CidrBlock;
import io.bifrost.core.policy.AccessControl;
import io.bifrost.core.policy.RateLimiter;
import io.bifrost.core.port.out.EventSink;
import io.bifrost.core.routing.RouteResolver;
import io.bifrost.core.routing.RouteTable;
import io.bifrost.core.traffic.ConnectionSnapshot;
import io.bifrost.core.traffic.ErrorCode;
import io.bifrost.core.traffic.Protocol;
import io.bifrost.core.traffic.RequestRecord;
import io.bifrost.core.traffic.TrafficCounters;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Names, types, labels and sources of the metrics of [SAPI-321]. */
class BifrostMetricsTest {
    private static final Instant T0 = Instant.parse("2025-03-14T09:26:53.589Z");

    private final TrafficCounters http = new TrafficCounters();
    private final TrafficCounters socks5 = new TrafficCounters();
    private final Backend direct = backend("direct", "direct");
    private final Backend corp = backend("corp-proxy", "http_proxy");
    private final BackendRegistry backends = new BackendRegistry(List.of(direct, corp));
    private final AtomicReference<ProxyGate.Policies> policies = new AtomicReference<>(new ProxyGate.Policies(
            AccessControl.of(List.of(CidrBlock.parse("10.0.0.0/8")), List.of(CidrBlock.parse("10.6.6.0/24"))),
            RateLimiter.create(1, 1, InstantSource.fixed(T0)), true, true,
            io.bifrost.adapters.vertx.net.BandwidthLimits.unlimited()));
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicInteger subscribers = new AtomicInteger();
    private final BifrostMetrics metrics = BifrostMetrics.create(new MetricsSources("1.2.3", InstantSource.system(),
            http, socks5, backends, new RouteResolver(RouteTable.empty(), backends, EventSink.discarding(),
            InstantSource.system()), policies::get, auth("users", "alice", "bob"), dropped::get,
            subscribers::get));

    @AfterEach
    void close() {
        metrics.close();
    }

    private static Backend backend(String name, String type) {
        return new Backend(name, type, true, 0, new HealthTracker(name, type, HealthPolicy.defaults(),
                EventSink.discarding()), T0);
    }

    private static AuthConfig auth(String provider, String... users) {
        List<NativeUser> list = java.util.Arrays.stream(users)
                .map(u -> new NativeUser(u, "$2a$12$hash", List.of(), "", "", false)).toList();
        return new AuthConfig(List.of(new AuthProviderConfig(provider, AuthProviderType.NATIVE, true, 0, list,
                Map.of())), Map.of());
    }

    @Test
    void scrape_everyMetricOfTheSpec_hasItsTypeAndLabels() {
        direct.health().record(ProbeOutcome.success(T0, Duration.ofMillis(20)));
        metrics.publish(completed(Protocol.HTTP, "GET", 200, null, "default", "direct", "alice"));
        metrics.publish(completed(Protocol.CONNECT, "CONNECT", 502, ErrorCode.CONNECTION_REFUSED, "default",
                "direct", null));
        metrics.sample();

        Scrape scrape = Scrape.parse(metrics.scrape());

        Map<String, List<Object>> spec = Map.ofEntries(
                Map.entry("bifrost_build_info", List.of("gauge", Set.of("version", "java_version"))),
                Map.entry("bifrost_uptime_seconds", List.of("gauge", Set.of())),
                Map.entry("bifrost_connections_total", List.of("counter", Set.of("protocol"))),
                Map.entry("bifrost_connections_active", List.of("gauge", Set.of("protocol"))),
                Map.entry("bifrost_connections_rejected_total", List.of("counter", Set.of("listener"))),
                Map.entry("bifrost_connection_duration_seconds", List.of("histogram", Set.of("protocol"))),
                Map.entry("bifrost_requests_total", List.of("counter", Set.of("protocol", "method", "status"))),
                Map.entry("bifrost_request_errors_total", List.of("counter", Set.of("protocol", "error"))),
                Map.entry("bifrost_request_duration_seconds", List.of("histogram", Set.of("protocol", "method"))),
                Map.entry("bifrost_request_size_bytes", List.of("histogram", Set.of("protocol"))),
                Map.entry("bifrost_response_size_bytes", List.of("histogram", Set.of("protocol"))),
                Map.entry("bifrost_route_requests_total", List.of("counter", Set.of("route", "backend"))),
                Map.entry("bifrost_route_misses_total", List.of("counter", Set.of())),
                Map.entry("bifrost_backend_health", List.of("gauge", Set.of("backend", "type"))),
                Map.entry("bifrost_backend_connections", List.of("gauge", Set.of("backend"))),
                Map.entry("bifrost_backend_latency_seconds", List.of("gauge", Set.of("backend"))),
                Map.entry("bifrost_backend_errors_total", List.of("counter", Set.of("backend", "error"))),
                Map.entry("bifrost_bytes_sent_total", List.of("counter", Set.of("backend"))),
                Map.entry("bifrost_bytes_received_total", List.of("counter", Set.of("backend"))),
                Map.entry("bifrost_rate_limit_hits_total", List.of("counter", Set.of("type"))),
                Map.entry("bifrost_access_denied_total", List.of("counter", Set.of("reason"))),
                Map.entry("bifrost_auth_attempts_total", List.of("counter", Set.of("provider"))),
                Map.entry("bifrost_access_log_dropped_total", List.of("counter", Set.of())),
                Map.entry("bifrost_websocket_clients", List.of("gauge", Set.of())),
                Map.entry("bifrost_config_reloads_total", List.of("counter", Set.of("result"))));
        spec.forEach((name, typeAndLabels) -> {
            assertThat(scrape.types()).as("TYPE of %s", name).containsEntry(name, (String) typeAndLabels.get(0));
            String sampleName = typeAndLabels.get(0).equals("histogram") ? name + "_count" : name;
            assertThat(scrape.has(sampleName)).as("samples of %s", name).isTrue();
            assertThat(scrape.labelNames(sampleName)).as("labels of %s", name).isEqualTo(typeAndLabels.get(1));
        });
        assertThat(scrape.types()).containsKeys("jvm_memory_used_bytes", "jvm_threads_live_threads",
                "process_cpu_usage", "process_uptime_seconds", "process_files_open_files",
                "jvm_gc_memory_allocated_bytes_total");
    }

    @Test
    void publish_requests_countByProtocolMethodStatusAndFeedHistograms() {
        metrics.publish(completed(Protocol.HTTP, "GET", 200, null, "default", "direct", null));
        metrics.publish(completed(Protocol.HTTP, "GET", 200, null, "default", "direct", null));
        metrics.publish(completed(Protocol.SOCKS5, "CONNECT", 0, null, "default", "direct", null));
        metrics.publish(completed(Protocol.HTTP, "BREW", 405, ErrorCode.METHOD_NOT_ALLOWED, null, null, null));

        Scrape s = Scrape.parse(metrics.scrape());

        assertThat(s.value("bifrost_requests_total", "protocol", "http", "method", "GET", "status", "200"))
                .contains(2.0);
        assertThat(s.value("bifrost_requests_total", "protocol", "socks5", "method", "CONNECT", "status", "0"))
                .contains(1.0);
        assertThat(s.value("bifrost_requests_total", "protocol", "http", "method", "OTHER", "status", "405"))
                .as("invented methods share one label value").contains(1.0);
        assertThat(s.value("bifrost_request_errors_total", "protocol", "http", "error", "method_not_allowed"))
                .contains(1.0);
        assertThat(s.value("bifrost_route_requests_total", "route", "default", "backend", "direct")).contains(3.0);
        assertThat(s.value("bifrost_request_duration_seconds_bucket", "protocol", "http", "method", "GET",
                "le", "0.05")).contains(2.0); // 15 ms
        assertThat(s.value("bifrost_request_duration_seconds_bucket", "protocol", "http", "method", "GET",
                "le", "0.01")).contains(0.0);
        assertThat(s.value("bifrost_response_size_bytes_sum", "protocol", "http")).contains(3 * 4000.0);
        assertThat(s.value("bifrost_request_size_bytes_bucket", "protocol", "http", "le", "1000.0"))
                .contains(3.0); // 300 bytes each
    }

    @Test
    void scrape_histograms_haveTheSpecBuckets() {
        Scrape s = Scrape.parse(metrics.scrape());

        assertThat(s.samples().stream()
                .filter(x -> x.name().equals("bifrost_connection_duration_seconds_bucket")
                        && x.labels().get("protocol").equals("http"))
                .map(x -> x.labels().get("le")).toList())
                .containsExactly("0.001", "0.005", "0.01", "0.05", "0.1", "0.5", "1.0", "5.0", "10.0", "30.0",
                        "60.0", "300.0", "1800.0", "+Inf");
        assertThat(s.samples().stream()
                .filter(x -> x.name().equals("bifrost_request_size_bytes_bucket")
                        && x.labels().get("protocol").equals("socks5"))
                .map(x -> Double.parseDouble(x.labels().get("le").replace("+Inf", "Infinity"))).toList())
                .containsExactly(1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, Double.POSITIVE_INFINITY);
    }

    @Test
    void publish_refusals_labelledByTheirCause() {
        metrics.publish(record(Protocol.HTTP, "GET", 404, null, null, null, null, "10.6.6.1")); // not a refusal
        metrics.publish(record(Protocol.HTTP, "GET", 403, ErrorCode.ACCESS_DENIED, null, null, null, "10.6.6.1"));
        metrics.publish(record(Protocol.HTTP, "GET", 403, ErrorCode.ACCESS_DENIED, null, null, null, "192.0.2.1"));
        metrics.publish(record(Protocol.CONNECT, "CONNECT", 403, ErrorCode.DESTINATION_PROHIBITED, null, null, null,
                "10.1.1.1"));
        metrics.publish(record(Protocol.HTTP, "GET", 403, ErrorCode.NO_ROUTE, null, null, null, "10.1.1.1"));
        metrics.publish(record(Protocol.HTTP, "GET", 429, ErrorCode.RATE_LIMITED, null, null, null, "10.1.1.1"));
        metrics.publish(record(Protocol.HTTP, "GET", 429, ErrorCode.RATE_LIMITED, null, null, "bob", "10.1.1.1"));

        Scrape s = Scrape.parse(metrics.scrape());

        assertThat(s.value("bifrost_access_denied_total", "reason", "blacklist")).contains(1.0);
        assertThat(s.value("bifrost_access_denied_total", "reason", "not_whitelisted")).contains(1.0);
        assertThat(s.value("bifrost_access_denied_total", "reason", "destination")).contains(1.0);
        assertThat(s.value("bifrost_route_misses_total")).contains(1.0);
        assertThat(s.value("bifrost_rate_limit_hits_total", "type", "ip")).contains(1.0);
        assertThat(s.value("bifrost_rate_limit_hits_total", "type", "user")).contains(1.0);
    }

    @Test
    void publish_authentication_countsAttemptsAndFailuresByProvider() {
        metrics.publish(completed(Protocol.HTTP, "GET", 200, null, "default", "direct", "alice"));
        metrics.publish(record(Protocol.HTTP, "GET", 407, ErrorCode.AUTH_REQUIRED, null, null, null, "10.1.1.1"));
        metrics.publish(record(Protocol.SOCKS5, "AUTH", 1, ErrorCode.AUTH_FAILED, null, null, null, "10.1.1.1"));
        metrics.publish(record(Protocol.HTTP, "GET", 403, ErrorCode.ACCESS_DENIED, null, null, null, "10.6.6.1"));

        Scrape s = Scrape.parse(metrics.scrape());

        assertThat(s.value("bifrost_auth_attempts_total", "provider", "users")).contains(3.0);
        assertThat(s.value("bifrost_auth_failures_total", "provider", "users", "reason", "missing_credentials"))
                .contains(1.0);
        assertThat(s.value("bifrost_auth_failures_total", "provider", "users", "reason", "invalid_credentials"))
                .contains(1.0);
    }

    @Test
    void publish_dialFailureThroughABackend_countsABackendError() {
        metrics.publish(completed(Protocol.CONNECT, "CONNECT", 502, ErrorCode.CONNECTION_REFUSED, "default",
                "corp-proxy", null));
        metrics.publish(completed(Protocol.CONNECT, "CONNECT", 502, ErrorCode.UPSTREAM_RESPONSE_INVALID, "default",
                "corp-proxy", null));

        Scrape s = Scrape.parse(metrics.scrape());

        assertThat(s.value("bifrost_backend_errors_total", "backend", "corp-proxy", "error", "connection_refused"))
                .contains(1.0);
        assertThat(s.labelNames("bifrost_backend_errors_total")).containsExactly("backend", "error");
        assertThat(s.value("bifrost_backend_errors_total", "backend", "corp-proxy", "error",
                "upstream_response_invalid")).isEmpty();
    }

    @Test
    void sample_backends_refreshesHealthLatencyAndConnectionsAndFollowsRemovals() {
        corp.health().record(ProbeOutcome.failure(T0, Duration.ofSeconds(5), "refused"));
        direct.health().record(ProbeOutcome.success(T0, Duration.ofMillis(250)));
        direct.stats().dialStarted();
        direct.stats().addBytesSent(1234);
        direct.stats().addBytesReceived(99);
        Scrape before = Scrape.parse(metrics.scrape());

        metrics.sample();
        Scrape after = Scrape.parse(metrics.scrape());
        backends.remove("corp-proxy");
        metrics.sample();
        Scrape removed = Scrape.parse(metrics.scrape());

        assertThat(before.value("bifrost_backend_health", "backend", "corp-proxy", "type", "http_proxy"))
                .as("sampled: unchanged until the next sample").contains(1.0);
        assertThat(before.value("bifrost_bytes_sent_total", "backend", "direct")).as("read at scrape").contains(1234.0);
        assertThat(after.value("bifrost_backend_health", "backend", "corp-proxy", "type", "http_proxy"))
                .contains(0.0);
        assertThat(after.value("bifrost_backend_health", "backend", "direct", "type", "direct")).contains(1.0);
        assertThat(after.value("bifrost_backend_latency_seconds", "backend", "direct")).contains(0.25);
        assertThat(after.value("bifrost_backend_latency_seconds", "backend", "corp-proxy")).isEmpty();
        assertThat(after.value("bifrost_backend_connections", "backend", "direct")).contains(1.0);
        assertThat(after.value("bifrost_bytes_received_total", "backend", "direct")).contains(99.0);
        assertThat(removed.value("bifrost_backend_health", "backend", "corp-proxy", "type", "http_proxy")).isEmpty();
        assertThat(removed.value("bifrost_backend_health", "backend", "direct", "type", "direct")).contains(1.0);
    }

    @Test
    void scrape_listenerCounters_areReadAtScrapeTime() {
        http.connectionOpened();
        http.connectionOpened();
        http.connectionClosed();
        socks5.connectionRejected();
        dropped.set(7);
        metrics.publish(new ConnectionClosed(T0, new ConnectionSnapshot("c1", "10.1.1.1", 1, Protocol.CONNECT,
                "example.com", 443, "default", "direct", null, T0, 1, 10, 10), Duration.ofMillis(700), null));

        Scrape s = Scrape.parse(metrics.scrape());

        assertThat(s.value("bifrost_connections_total", "protocol", "http")).contains(2.0);
        assertThat(s.value("bifrost_connections_active", "protocol", "http")).contains(1.0);
        assertThat(s.value("bifrost_connections_rejected_total", "listener", "socks5")).contains(1.0);
        assertThat(s.value("bifrost_connections_rejected_total", "listener", "http")).contains(0.0);
        assertThat(s.value("bifrost_access_log_dropped_total")).contains(7.0);
        assertThat(s.value("bifrost_connection_duration_seconds_bucket", "protocol", "connect", "le", "1.0"))
                .contains(1.0);
        assertThat(s.value("bifrost_connection_duration_seconds_bucket", "protocol", "connect", "le", "0.5"))
                .contains(0.0);
    }

    @Test
    void scrape_processFigures_haveVersionReloadsAndWebSocketClients() {
        metrics.configReloaded(true);
        metrics.configReloaded(false);
        metrics.configReloaded(true);
        subscribers.set(3);

        Scrape s = Scrape.parse(metrics.scrape());

        assertThat(s.value("bifrost_build_info", "version", "1.2.3", "java_version",
                System.getProperty("java.version"))).contains(1.0);
        assertThat(s.value("bifrost_config_reloads_total", "result", "success")).contains(2.0);
        assertThat(s.value("bifrost_config_reloads_total", "result", "failure")).contains(1.0);
        assertThat(s.value("bifrost_websocket_clients")).contains(3.0);
        assertThat(s.value("bifrost_uptime_seconds")).hasValueSatisfying(v -> assertThat(v).isBetween(0.0, 60.0));
    }

    private static RequestCompleted completed(Protocol protocol, String method, int status, ErrorCode error,
            String route, String backend, String username) {
        return record(protocol, method, status, error, route, backend, username, "10.1.1.1");
    }

    /** 15 ms, 300 bytes received, 4000 sent. */
    private static RequestCompleted record(Protocol protocol, String method, int status, ErrorCode error,
            String route, String backend, String username, String clientIp) {
        return new RequestCompleted(T0, new RequestRecord(T0, "c/1", clientIp, 40000, username, protocol, method,
                "example.com", 443, null, "example.com:443", status, 4000, 300, 15.0, route, backend, error, null,
                null));
    }
}
