package io.bifrost.adapters.vertx.clientapi;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

/**
 * CORS for local origins ([SEC-020]): a request whose {@code Origin} is {@code http(s)://localhost},
 * {@code 127.0.0.1} or {@code [::1]} (any port) gets the {@code Access-Control-*} headers on every response, errors
 * included; a preflight ({@code OPTIONS} with {@code Access-Control-Request-Method}) is answered {@code 204} here,
 * before the token check ([SEC-003]), with those headers for a local origin and without any otherwise. A gate of
 * {@link io.bifrost.adapters.vertx.api.ApiRouter}. Stateless.
 */
final class LocalOrigins implements Handler<RoutingContext> {
    static final String ALLOW_METHODS = "GET, POST, PUT, DELETE, OPTIONS";
    static final String ALLOW_HEADERS = "Accept, Authorization, Content-Type, X-Requested-With, Last-Event-ID";
    private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]");

    @Override
    public void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        String origin = request.getHeader("Origin");
        HttpServerResponse response = ctx.response();
        if (isLocal(origin)) {
            response.putHeader("Access-Control-Allow-Origin", origin)
                    .putHeader("Vary", "Origin")
                    .putHeader("Access-Control-Allow-Methods", ALLOW_METHODS)
                    .putHeader("Access-Control-Allow-Headers", ALLOW_HEADERS)
                    .putHeader("Access-Control-Allow-Credentials", "true")
                    .putHeader("Access-Control-Max-Age", "600");
        }
        if (request.method() == HttpMethod.OPTIONS && request.getHeader("Access-Control-Request-Method") != null) {
            response.setStatusCode(204).end();
            return;
        }
        ctx.next();
    }

    /** [SEC-020]: scheme {@code http} or {@code https}, host exactly one of the loopback names, any port or none. */
    static boolean isLocal(String origin) {
        if (origin == null) {
            return false;
        }
        try {
            URI uri = new URI(origin);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
            boolean bare = uri.getRawUserInfo() == null && (uri.getRawPath() == null || uri.getRawPath().isEmpty())
                    && uri.getRawQuery() == null && uri.getRawFragment() == null;
            return (scheme.equals("http") || scheme.equals("https")) && LOCAL_HOSTS.contains(host) && bare;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
