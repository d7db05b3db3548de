package io.bifrost.adapters.vertx.clientapi;

import io.bifrost.adapters.vertx.api.ApiErrorCode;
import io.bifrost.adapters.vertx.api.ApiException;
import io.bifrost.adapters.vertx.api.HostHeader;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.HostAndPort;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;
import java.util.Set;

/**
 * The DNS-rebinding guard ([SEC-022]), used when the client API listens on a loopback address: a request whose
 * {@code Host} names anything but {@code localhost}, {@code 127.0.0.1} or {@code [::1]} (any port) is refused with
 * {@code 403 FORBIDDEN}, so that a page whose own name was made to resolve to 127.0.0.1 cannot reach the API as a
 * same-origin page. A request without {@code Host} names nothing local and is refused too. It runs before CORS and
 * the token check, preflights included. Stateless.
 */
final class RebindingGuard implements Handler<RoutingContext> {
    private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]");

    @Override
    public void handle(RoutingContext ctx) {
        String host = authority(ctx.request());
        if (host == null || !LOCAL_HOSTS.contains(HostHeader.parse(host).host().toLowerCase(Locale.ROOT))) {
            ctx.fail(new ApiException(ApiErrorCode.FORBIDDEN, null,
                    "Host: " + host + " (expected: localhost, 127.0.0.1 or [::1] while the API listens on loopback)",
                    null));
            return;
        }
        ctx.next();
    }

    /**
     * The request's authority as a {@code Host} header value: HTTP/1.1's {@code Host}, or HTTP/2's
     * {@code :authority} (the JDK client upgrades to h2c); IPv6 in brackets. {@code null} when there is none.
     */
    static String authority(HttpServerRequest request) {
        HostAndPort a = request.authority();
        if (a == null) {
            return request.getHeader("Host");
        }
        String host = a.host().indexOf(':') >= 0 && !a.host().startsWith("[") ? "[" + a.host() + "]" : a.host();
        return a.port() < 0 ? host : host + ":" + a.port();
    }
}
