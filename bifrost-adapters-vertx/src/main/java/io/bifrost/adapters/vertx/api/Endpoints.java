package io.bifrost.adapters.vertx.api;

import static java.util.Objects.requireNonNull;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The endpoints of the API as one table: each registration adds the Vert.x route and remembers which methods its
 * path takes, so that unknown paths answer 404 with {@code path} ([GEN-024]), known paths with another method 405
 * with {@code Allow}, and {@code OPTIONS} 204 with {@code Allow} ([SEC-021]), all from the same facts. Paths
 * ignore a trailing slash ([SAPI-002], and likewise on the client). Built once on one thread, then read-only; shared
 * by both management APIs through {@link ApiRouter}.
 */
public final class Endpoints implements Handler<RoutingContext> {
    /** [GEN-003]. */
    public static final long BODY_LIMIT = 1024L * 1024;
    /** [GEN-003]: {@code PUT /config}. */
    public static final long CONFIG_BODY_LIMIT = 4L * 1024 * 1024;

    private static final List<HttpMethod> METHOD_ORDER = List.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.POST,
            HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE);

    private final Router router;
    private final RequestTimeout timeout;
    private final List<Template> templates = new ArrayList<>();

    Endpoints(Router router, RequestTimeout timeout) {
        this.router = requireNonNull(router, "router");
        this.timeout = requireNonNull(timeout, "timeout");
    }

    /** A JSON endpoint with the 30 s bound of [GEN-011] and a 1 MiB body limit; a {@code null} result is 204. */
    public <T> void json(HttpMethod method, String path, Function<RoutingContext, Future<T>> handler) {
        json(method, path, BODY_LIMIT, true, handler);
    }

    /** A JSON endpoint without the 30 s bound: backend tests are bounded by their own timeout ([GEN-011]). */
    public <T> void untimedJson(HttpMethod method, String path, Function<RoutingContext, Future<T>> handler) {
        json(method, path, BODY_LIMIT, false, handler);
    }

    public <T> void json(HttpMethod method, String path, long bodyLimit, boolean timed,
            Function<RoutingContext, Future<T>> handler) {
        Route route = add(Set.of(method), path);
        if (timed) {
            route.handler(timeout);
        }
        route.handler(BodyHandler.create(false).setBodyLimit(bodyLimit))
                .respond(ctx -> handler.apply(ctx).map(body -> {
                    if (body != null) {
                        ctx.response().putHeader("Content-Type", ApiJson.CONTENT_TYPE);
                    }
                    return body;
                }));
    }

    /** A route with no body handling and no timeout (streams, PAC); the caller adds its handlers. */
    public Route raw(Set<HttpMethod> methods, String path) {
        return add(methods, path);
    }

    private Route add(Set<HttpMethod> methods, String path) {
        templates.add(new Template(path, regex(path), Set.copyOf(methods)));
        Route route = router.route(path);
        methods.forEach(route::method);
        return route;
    }

    @Override
    public void handle(RoutingContext ctx) {
        Set<HttpMethod> allowed = allowed(ctx.normalizedPath());
        if (allowed.isEmpty()) {
            ctx.fail(new ApiException(ApiErrorCode.NOT_FOUND, null, null,
                    new JsonObject().put("path", ctx.request().path())));
            return;
        }
        String allow = allowed.stream().map(HttpMethod::name).collect(Collectors.joining(", "));
        HttpMethod method = ctx.request().method();
        if (method == HttpMethod.OPTIONS) {
            ctx.response().putHeader("Allow", allow).setStatusCode(204).end();
            return;
        }
        if (!allowed.contains(method)) {
            ctx.response().putHeader("Allow", allow);
            ctx.fail(new ApiException(ApiErrorCode.METHOD_NOT_ALLOWED, null,
                    method.name() + " is not supported here (expected: " + allow + ")", null));
            return;
        }
        ctx.next();
    }

    /** Methods of every template matching {@code path}, in the order GET, HEAD, POST, PUT, PATCH, DELETE. */
    Set<HttpMethod> allowed(String path) {
        Set<HttpMethod> out = new TreeSet<>(Comparator.comparingInt(METHOD_ORDER::indexOf));
        for (Template t : templates) {
            if (t.regex().matcher(path).matches()) {
                out.addAll(t.methods());
            }
        }
        return out;
    }

    /** {@code /a/:name/b} → {@code ^/a/[^/]+/b/?$}; a final {@code /*} matches the prefix and anything under it. */
    private static Pattern regex(String path) {
        boolean wildcard = path.endsWith("/*");
        String base = wildcard ? path.substring(0, path.length() - 2) : path;
        StringBuilder sb = new StringBuilder("^");
        for (String segment : base.substring(1).split("/")) {
            sb.append('/').append(segment.startsWith(":") ? "[^/]+" : Pattern.quote(segment));
        }
        sb.append(wildcard ? "(?:/.*)?$" : "/?$");
        return Pattern.compile(sb.toString());
    }

    private record Template(String path, Pattern regex, Set<HttpMethod> methods) {}
}
