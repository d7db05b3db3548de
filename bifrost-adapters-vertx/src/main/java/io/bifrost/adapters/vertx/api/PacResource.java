package io.bifrost.adapters.vertx.api;

import static java.util.Objects.requireNonNull;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;
import java.util.Set;

/** {@code GET}/{@code HEAD /proxy.pac} and {@code /wpad.dat} on the API listener, without token ([SAPI-300]). */
final class PacResource {
    private final ApiContext api;

    PacResource(ApiContext api) {
        this.api = requireNonNull(api, "api");
    }

    void register(Endpoints endpoints) {
        endpoints.raw(Set.of(HttpMethod.GET, HttpMethod.HEAD), "/proxy.pac").handler(ctx -> serve(ctx, "proxy.pac"));
        endpoints.raw(Set.of(HttpMethod.GET, HttpMethod.HEAD), "/wpad.dat").handler(ctx -> serve(ctx, "wpad.dat"));
    }

    private void serve(RoutingContext ctx, String filename) {
        String host = proxyHost(ctx);
        String proxy = PacScript.proxyString(host, boxed(api.state().httpPort()), boxed(api.state().socks5Port()));
        String script = PacScript.of(proxy, api.routes().table().enabledRoutes());
        ctx.response().putHeader("Content-Type", "application/x-ns-proxy-autoconfig")
                .putHeader("Content-Disposition", "inline; filename=\"" + filename + "\"")
                .putHeader("Cache-Control", "max-age=60")
                .end(script);
    }

    /** The {@code Host} header's host (IPv6 keeps its brackets), else the local address of the connection. */
    private static String proxyHost(RoutingContext ctx) {
        String host = ctx.request().getHeader("Host");
        if (host != null && !host.isBlank()) {
            return HostHeader.parse(host).host();
        }
        SocketAddress local = ctx.request().localAddress();
        String address = local == null || local.hostAddress() == null ? "127.0.0.1" : local.hostAddress();
        return address.indexOf(':') >= 0 ? "[" + address + "]" : address;
    }

    private static Integer boxed(java.util.OptionalInt port) {
        return port.isPresent() ? port.getAsInt() : null;
    }
}
