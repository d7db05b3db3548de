package io.bifrost.adapters.vertx.clientapi;

import static java.util.Objects.requireNonNull;

import io.bifrost.adapters.vertx.api.ApiRouter;
import io.bifrost.adapters.vertx.api.ApiSecurity;
import io.bifrost.adapters.vertx.api.Endpoints;
import io.bifrost.adapters.vertx.api.MediaTypes;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The client's management API (client-api.md) on {@code api.listen}: REST under {@code /api/v1} and the log stream,
 * on the server API's pipeline ({@link ApiRouter}) with the client's gates in front of the token check: the
 * DNS-rebinding guard when listening on loopback ([SEC-022]), then CORS for local origins and their preflights
 * ([SEC-020]).
 *
 * <pre>{@code
 * ClientApi api = new ClientApi(vertx, context);
 * int port = api.listen("127.0.0.1", 0).await();
 * ...
 * api.close().await();
 * }</pre>
 *
 * Thread-safe; {@link #listen} and {@link #close} are each called once.
 */
public final class ClientApi {
    private final Vertx vertx;
    private final ClientApiContext api;
    private final LogStream stream;
    private final Router router;
    private volatile HttpServer server;

    public ClientApi(Vertx vertx, ClientApiContext api) {
        this.vertx = requireNonNull(vertx, "vertx");
        this.api = requireNonNull(api, "api");
        this.stream = new LogStream(vertx, api.debugger(), api.settings(), api.clock());
        this.router = buildRouter();
        api.control().onApplied(running -> {
            if (!running.debug().enabled()) {
                stream.debugDisabled();
            }
        });
    }

    private Router buildRouter() {
        List<Handler<RoutingContext>> gates = new ArrayList<>();
        if (api.api().listen().isLoopback()) {
            gates.add(new RebindingGuard());
        }
        gates.add(new LocalOrigins());
        ApiRouter pipeline = new ApiRouter(vertx, api.settings().requestTimeout(), gates,
                ApiSecurity.forClient(api.api().token()), MediaTypes.jsonExcept(Set.of(ConfigTransferResource.IMPORT)));
        Endpoints endpoints = pipeline.endpoints();
        new ClientStatusResource(api).register(endpoints);
        new ServersResource(api).register(endpoints);
        new SettingsResource(api).register(endpoints);
        new ClientConfigResource(api).register(endpoints);
        new ConfigTransferResource(api).register(endpoints);
        new ClientRoutesResource(api).register(endpoints);
        new DebugResource(api, stream::count).register(endpoints);
        new LogsResource(api, stream).register(endpoints);
        new LaterPhaseEndpoints().register(endpoints);
        return pipeline.router();
    }

    /** The router, for embedding under another server or for tests. */
    public Router router() {
        return router;
    }

    /**
     * Binds the API listener.
     *
     * @param host an address or name to bind; {@code 0.0.0.0} or {@code ::} for all interfaces
     * @return the bound port
     */
    public Future<Integer> listen(String host, int port) {
        return ApiRouter.listen(vertx, router, host, port).map(s -> {
            server = s;
            return s.actualPort();
        });
    }

    /** The bound port, once listening. */
    public Optional<Integer> port() {
        HttpServer s = server;
        return s == null ? Optional.empty() : Optional.of(s.actualPort());
    }

    /** Ends the log streams ([EVT-057]), then closes the listener. */
    public Future<Void> close() {
        stream.closeAll();
        HttpServer s = server;
        return s == null ? Future.succeededFuture() : s.close();
    }
}
