package io.bifrost.adapters.vertx.api;

import io.bifrost.adapters.vertx.config.ServerConfigLoader;
import io.bifrost.adapters.vertx.events.EventStreamSettings;
import io.bifrost.adapters.vertx.events.StatsSnapshot;
import io.bifrost.adapters.vertx.events.WebSocketEventSink;
import io.bifrost.adapters.vertx.runtime.BuildInfo;
import io.bifrost.core.backend.Backend;
import io.bifrost.core.backend.BackendRegistry;
import io.bifrost.core.config.BackendConfig;
import io.bifrost.core.config.ConfigResult;
import io.bifrost.core.config.RouteConfig;
import io.bifrost.core.config.ServerConfig;
import io.bifrost.core.event.ProxyEvent;
import io.bifrost.core.health.HealthPolicy;
import io.bifrost.core.health.HealthTracker;
import io.bifrost.core.routing.Route;
import io.bifrost.core.routing.RouteResolver;
import io.bifrost.core.routing.RouteTable;
import io.bifrost.core.traffic.ConnectionRegistry;
import io.bifrost.core.traffic.RequestLog;
import io.bifrost.core.traffic.TrafficCounters;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A management API over real core objects built from YAML, a {@link FakeServerControl} and fake hooks, on
 * {@code 127.0.0.1:0}: the HTTP mapping without a proxy around it.
 */
final class TestApi {
    static final Instant NOW = Instant.parse("2025-03-14T09:26:53.589Z");
    static final Instant STARTED = NOW.minusSeconds(93792);
    static final BuildInfo BUILD = new BuildInfo("1.4.0", "3f9c2ab", Instant.parse("2025-03-01T12:00:00Z"));

    final ServerConfig config;
    final FakeServerControl control;
    final BackendRegistry backends;
    final RouteResolver routes;
    final ConnectionRegistry connections;
    final TrafficCounters traffic = new TrafficCounters();
    final RequestLog requestLog = new RequestLog(10);
    final List<ProxyEvent> events = new CopyOnWriteArrayList<>();
    final WebSocketEventSink eventStream;
    final ManagementApi api;
    volatile BackendTester tester = BackendTester.unavailable();
    volatile boolean degraded;
    volatile boolean shuttingDown;
    int port;

    TestApi(Vertx vertx, String yaml, Duration timeout, String bindHost) {
        ConfigResult<ServerConfig> loaded = ServerConfigLoader.withProcessEnvironment().loadText(yaml);
        if (!loaded.isValid()) {
            throw new IllegalArgumentException(loaded.errors().toString());
        }
        config = loaded.config();
        control = new FakeServerControl(config);
        InstantSource clock = InstantSource.fixed(NOW);
        backends = new BackendRegistry(config.backends().stream().map(b -> backend(b, events)).toList());
        routes = new RouteResolver(RouteTable.of(config.routes().stream().map(TestApi::route).toList()), backends,
                events::add, clock);
        connections = new ConnectionRegistry(events::add, clock);
        eventStream = new WebSocketEventSink(vertx, EventStreamSettings.defaults(), clock,
                () -> StatsSnapshot.of(traffic, backends.all()), backends::all);
        ApiHooks hooks = new ApiHooks(() -> degraded, BackendProbeView.fromTrackers(() -> config, backends),
                (name, target, t) -> tester.test(name, target, t), null);
        ApiContext context = new ApiContext(config, control, backends, routes, connections, traffic, requestLog,
                eventStream, hooks, new State(), BUILD, clock);
        api = new ManagementApi(vertx, context, timeout);
        port = api.listen(bindHost, 0).await();
    }

    private static Backend backend(BackendConfig b, List<ProxyEvent> events) {
        boolean runs = b.enabled() && b.type().isSupported();
        return new Backend(b.name(), b.type().wireName(), b.enabled(), b.weight(),
                new HealthTracker(b.name(), b.type().wireName(), HealthPolicy.defaults(), events::add),
                runs ? STARTED : null);
    }

    private static Route route(RouteConfig r) {
        return new Route(r.name(), r.domains(), r.backends(), r.loadBalance(), r.weights(), r.priority(), r.enabled(),
                new SplittableRandom(1));
    }

    private final class State implements ServerState {
        @Override
        public Instant startedAt() {
            return STARTED;
        }

        @Override
        public boolean shuttingDown() {
            return shuttingDown;
        }

        @Override
        public boolean authRequired() {
            return true;
        }

        @Override
        public Map<String, String> listeners() {
            return Map.of("http", ":7080", "api", "127.0.0.1:" + port);
        }

        @Override
        public OptionalInt httpPort() {
            return OptionalInt.of(7080);
        }

        @Override
        public OptionalInt socks5Port() {
            return OptionalInt.of(7180);
        }
    }
}
