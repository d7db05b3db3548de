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
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.StringJoiner;

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
        templates.add(Template.of(path, methods));
        Route route = router.route(path);
        methods.forEach(route::method);
        return route;
    }

    @Override
    public void handle(RoutingContext ctx) {
        int allowed = allowed(ctx.normalizedPath());
        if (allowed == 0) {
            ctx.fail(new ApiException(ApiErrorCode.NOT_FOUND, null, null,
                    new JsonObject().put("path", ctx.request().path())));
            return;
        }
        HttpMethod method = ctx.request().method();
        if (method == HttpMethod.OPTIONS) {
            ctx.response().putHeader("Allow", allowHeader(allowed)).setStatusCode(204).end();
            return;
        }
        int bit = METHOD_ORDER.indexOf(method);
        if (bit < 0 || (allowed & (1 << bit)) == 0) {
            String allow = allowHeader(allowed);
            ctx.response().putHeader("Allow", allow);
            ctx.fail(new ApiException(ApiErrorCode.METHOD_NOT_ALLOWED, null,
                    method.name() + " is not supported here (expected: " + allow + ")", null));
            return;
        }
        ctx.next();
    }

    /**
     * Methods of every template matching {@code path}, one bit per {@link #METHOD_ORDER} index. Runs on every API
     * request, so it compares path segments instead of running a regular expression per template.
     */
    int allowed(String path) {
        String[] segments = splitPath(path);
        int out = 0;
        for (Template t : templates) {
            if (t.matches(segments)) {
                out |= t.methods();
            }
        }
        return out;
    }

    /** The {@code Allow} value of {@code methods}, in the order GET, HEAD, POST, PUT, PATCH, DELETE. */
    static String allowHeader(int methods) {
        StringJoiner allow = new StringJoiner(", ");
        for (int i = 0; i < METHOD_ORDER.size(); i++) {
            if ((methods & (1 << i)) != 0) {
                allow.add(METHOD_ORDER.get(i).name());
            }
        }
        return allow.toString();
    }

    /** {@code /a/b/} → {@code [a, b]}: a trailing slash is ignored ([SAPI-002]). */
    private static String[] splitPath(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        if (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p.isEmpty() ? new String[0] : p.split("/", -1);
    }

    private static int bits(Set<HttpMethod> methods) {
        int bits = 0;
        for (HttpMethod m : methods) {
            int i = METHOD_ORDER.indexOf(m);
            if (i < 0) {
                throw new IllegalArgumentException("method: " + m + " (expected: one of " + METHOD_ORDER + ")");
            }
            bits |= 1 << i;
        }
        return bits;
    }

    /**
     * A registered path: literal segments, {@code :name} segments that match any one non-empty segment, and a final
     * {@code *} that matches the prefix itself and anything under it.
     */
    private record Template(String[] segments, boolean wildcard, int methods) {
        static Template of(String path, Set<HttpMethod> methods) {
            boolean wildcard = path.endsWith("/*");
            String[] segments = splitPath(wildcard ? path.substring(0, path.length() - 2) : path);
            for (int i = 0; i < segments.length; i++) {
                segments[i] = segments[i].startsWith(":") ? null : segments[i];
            }
            return new Template(segments, wildcard, bits(methods));
        }

        boolean matches(String[] path) {
            if (wildcard ? path.length < segments.length : path.length != segments.length) {
                return false;
            }
            for (int i = 0; i < segments.length; i++) {
                if (segments[i] == null ? path[i].isEmpty() : !segments[i].equals(path[i])) {
                    return false;
                }
            }
            return true;
        }
    }
}
