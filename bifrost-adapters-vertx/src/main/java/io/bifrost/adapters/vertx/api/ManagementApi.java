package io.bifrost.adapters.vertx.api;

import static java.util.Objects.requireNonNull;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The server's management API (server-api.md) on one HTTP listener: REST under {@code /api/v1}, the event WebSocket,
 * PAC/WPAD and, when configured so, the metrics document, on the pipeline of {@link ApiRouter}.
 *
 * <pre>{@code
 * ManagementApi api = new ManagementApi(vertx, context);
 * int port = api.listen("127.0.0.1", 0).await();
 * ...
 * api.close().await();
 * }</pre>
 *
 * Thread-safe; {@link #listen} and {@link #close} are each called once.
 */
public final class ManagementApi {
    private final Vertx vertx;
    private final ApiContext api;
    private final Router router;
    private volatile HttpServer server;

    public ManagementApi(Vertx vertx, ApiContext api) {
        this(vertx, api, ApiRouter.TIMEOUT);
    }

    /** @param timeout the processing timeout of [GEN-011] (30 s; shorter in tests) */
    ManagementApi(Vertx vertx, ApiContext api, Duration timeout) {
        this.vertx = requireNonNull(vertx, "vertx");
        this.api = requireNonNull(api, "api");
        this.router = buildRouter(timeout);
    }

    private Router buildRouter(Duration timeout) {
        ApiRouter pipeline = new ApiRouter(vertx, timeout, List.of(), ApiSecurity.forServer(api.config().api().token()),
                MediaTypes.jsonOnly());
        Endpoints endpoints = pipeline.endpoints();
        new StatusResource(api).register(endpoints);
        new BackendsResource(api).register(endpoints);
        new RoutesResource(api).register(endpoints);
        new ConfigResource(api).register(endpoints);
        new RequestsResource(api).register(endpoints);
        new ConnectionsResource(api).register(endpoints);
        new EventsResource(api).register(endpoints);
        new PacResource(api).register(endpoints);
        new LaterPhaseResource(api).register(endpoints);
        mountMetrics(endpoints);
        return pipeline.router();
    }

    /** [SAPI-320]: with {@code metrics.listen: ""} the document is served here, behind the token. */
    private void mountMetrics(Endpoints endpoints) {
        var metrics = api.config().metrics();
        if (api.hooks().metrics() != null && metrics.enabled() && metrics.listen().isDisabled()) {
            endpoints.raw(Set.of(HttpMethod.GET), metrics.path()).handler(api.hooks().metrics());
        }
    }

    /** The router, for embedding under another server or for tests. */
    public Router router() {
        return router;
    }

    /**
     * Binds the API listener and starts the {@code stats.update} timer.
     *
     * @param host an address or name to bind; {@code 0.0.0.0} or {@code ::} for all interfaces
     * @return the bound port
     */
    public Future<Integer> listen(String host, int port) {
        return ApiRouter.listen(vertx, router, host, port).map(s -> {
            server = s;
            api.events().start();
            return s.actualPort();
        });
    }

    /** The bound port, once listening. */
    public OptionalInt port() {
        HttpServer s = server;
        return s == null ? OptionalInt.empty() : OptionalInt.of(s.actualPort());
    }

    /** Closes event subscribers with 1001 ([EVT-007]), then the listener. */
    public Future<Void> close() {
        HttpServer s = server;
        return api.events().close().transform(ar -> s == null ? Future.succeededFuture() : s.close());
    }
}
