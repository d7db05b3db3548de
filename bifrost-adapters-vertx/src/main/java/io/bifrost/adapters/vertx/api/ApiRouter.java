package io.bifrost.adapters.vertx.api;

import static java.util.Objects.requireNonNull;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.List;

/**
 * The request pipeline both management APIs share. Every request passes, in order: response headers and request id
 * ({@link ResponseHeaders}); the program's own gates (the client's DNS-rebinding guard and CORS, [SEC-020],
 * [SEC-022]); token and CSRF ({@link ApiSecurity}); path and method ({@link Endpoints}); media type
 * ({@link MediaTypes}); then the endpoint, with its body limit and the processing timeout of [GEN-011]. Every error
 * is written by the one failure handler as the body of [GEN-021].
 *
 * <pre>{@code
 * ApiRouter pipeline = new ApiRouter(vertx, ApiRouter.TIMEOUT, List.of(), ApiSecurity.forServer(token),
 *         MediaTypes.jsonOnly());
 * new StatusResource(api).register(pipeline.endpoints());
 * Router router = pipeline.router();
 * }</pre>
 *
 * Built on one thread; the router is then used by Vert.x.
 */
public final class ApiRouter {
    /** [GEN-011]: the processing timeout of non-streaming requests. */
    public static final Duration TIMEOUT = RequestTimeout.DEFAULT;
    private static final int[] ERROR_STATUSES = {400, 404, 405, 413, 415, 500};

    private final Router router;
    private final Endpoints endpoints;

    /**
     * @param timeout the processing timeout ({@link #TIMEOUT}; shorter in tests)
     * @param gates handlers that run after the response headers and before the token check, in order; each calls
     *     {@code next()}, ends the response or fails the context with an {@link ApiException}
     */
    public ApiRouter(Vertx vertx, Duration timeout, List<Handler<RoutingContext>> gates, ApiSecurity security,
            MediaTypes media) {
        requireNonNull(vertx, "vertx");
        this.router = Router.router(vertx);
        this.endpoints = new Endpoints(router, new RequestTimeout(vertx, requireNonNull(timeout, "timeout")));
        router.route().handler(ResponseHeaders::handle);
        gates.forEach(gate -> router.route().handler(gate));
        router.route().handler(requireNonNull(security, "security"));
        router.route().handler(endpoints);
        router.route().handler(requireNonNull(media, "media"));
    }

    /** Binds an API listener serving {@code router}; completes with the server (its port is the bound one). */
    public static Future<HttpServer> listen(Vertx vertx, Router router, String host, int port) {
        HttpServerOptions options = new HttpServerOptions().setHost(host).setPort(port).setReuseAddress(true)
                .setTcpNoDelay(true);
        return vertx.createHttpServer(options).requestHandler(router).listen();
    }

    /** Where resources register their endpoints. */
    public Endpoints endpoints() {
        return endpoints;
    }

    /** The router with the failure handlers installed; call once, after every endpoint is registered. */
    public Router router() {
        ApiFailureHandler failures = new ApiFailureHandler();
        router.route().failureHandler(failures);
        for (int status : ERROR_STATUSES) {
            router.errorHandler(status, failures);
        }
        return router;
    }
}
