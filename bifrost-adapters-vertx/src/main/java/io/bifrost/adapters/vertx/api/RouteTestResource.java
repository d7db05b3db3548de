package io.bifrost.adapters.vertx.api;

import static java.util.Objects.requireNonNull;

import io.bifrost.core.backend.Backend;
import io.bifrost.core.backend.LoadBalanceStrategy;
import io.bifrost.core.net.IpAddress;
import io.bifrost.core.routing.Route;
import io.bifrost.core.routing.RoutePreview;
import io.bifrost.core.routing.RoutingKey;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;

/** {@code GET /api/v1/routes/test}: the dry run of [SAPI-150], [RTE-090]-[RTE-092]; changes no state. */
final class RouteTestResource {
    private static final String DEFAULT_CLIENT_IP = "127.0.0.1";

    private final ApiContext api;

    RouteTestResource(ApiContext api) {
        this.api = requireNonNull(api, "api");
    }

    void register(Endpoints endpoints) {
        endpoints.json(HttpMethod.GET, "/api/v1/routes/test", ctx -> Future.succeededFuture(test(ctx)));
    }

    private JsonObject test(RoutingContext ctx) {
        RoutingKey key = QueryParams.domain(ctx.request());
        String domain = ctx.request().getParam("domain");
        String clientIp = clientIp(ctx.request().getParam("client_ip"));
        RoutePreview preview = api.routes().preview(key, clientIp);
        JsonObject out = new JsonObject().put("domain", domain).put("host", key.text())
                .put("outcome", preview.refusal() == null ? "ok" : preview.refusal().code());
        Route route = preview.route();
        out.put("route", route == null ? null : route.name())
                .put("pattern", preview.pattern() == null ? null : preview.pattern().text());
        if (route != null) {
            out.put("priority", route.priority()).put("strategy", route.strategy().wireName())
                    .put("panic", preview.panic()).put("candidates", candidates(route));
        }
        out.put("backend", preview.next() == null ? null : preview.next().name());
        if (preview.refusal() == null && route != null && route.strategy() == LoadBalanceStrategy.RANDOM) {
            out.put("selection", "random");
        }
        if (preview.message() != null) {
            out.put("message", preview.message());
        }
        return out;
    }

    private JsonArray candidates(Route route) {
        JsonArray out = new JsonArray();
        for (String name : route.backends()) {
            Optional<Backend> b = api.backends().find(name);
            out.add(new JsonObject().put("name", name).put("enabled", b.map(Backend::enabled).orElse(false))
                    .put("running", b.map(Backend::running).orElse(false))
                    .put("healthy", b.map(Backend::healthy).orElse(false)));
        }
        return out;
    }

    private static String clientIp(String text) {
        if (text == null) {
            return DEFAULT_CLIENT_IP;
        }
        return IpAddress.parse(text).map(IpAddress::toString).orElseThrow(() -> ApiException.invalidParameter(
                "client_ip: \"" + text + "\" (expected: an IPv4 or IPv6 address)"));
    }
}
