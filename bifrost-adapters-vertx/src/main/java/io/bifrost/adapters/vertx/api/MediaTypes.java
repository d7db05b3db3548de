package io.bifrost.adapters.vertx.api;

import static java.util.Objects.requireNonNull;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;
import java.util.Set;

/**
 * [GEN-003]: a request with a body and a {@code Content-Type} other than JSON is refused with 415 before the body is
 * read; without {@code Content-Type} the body is read as JSON. Endpoints that negotiate their own media type (the
 * client's config import, [CAPI-059]) are left to do so. Immutable.
 */
public final class MediaTypes implements Handler<RoutingContext> {
    private final Set<String> ownNegotiation;

    private MediaTypes(Set<String> ownNegotiation) {
        this.ownNegotiation = Set.copyOf(requireNonNull(ownNegotiation, "ownNegotiation"));
    }

    /** JSON bodies everywhere (the server API). */
    public static MediaTypes jsonOnly() {
        return new MediaTypes(Set.of());
    }

    /** JSON bodies everywhere except on {@code paths} (exact, without a trailing slash), which check their own. */
    public static MediaTypes jsonExcept(Set<String> paths) {
        return new MediaTypes(paths);
    }

    @Override
    public void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        String contentType = request.getHeader("Content-Type");
        if (contentType != null && hasBody(request) && !isJson(contentType) && !negotiatesItself(ctx)) {
            ctx.fail(new ApiException(ApiErrorCode.UNSUPPORTED_MEDIA_TYPE, null,
                    "Content-Type: " + contentType + " (expected: application/json)", null));
            return;
        }
        ctx.next();
    }

    private boolean negotiatesItself(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        String p = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return ownNegotiation.contains(p);
    }

    /** {@code application/json} or {@code application/*+json}, parameters ignored. */
    public static boolean isJson(String contentType) {
        String type = mediaType(contentType);
        return type.equals("application/json") || (type.startsWith("application/") && type.endsWith("+json"));
    }

    /** The type without parameters, lower case: {@code application/yaml} for {@code Application/YAML; q=1}. */
    public static String mediaType(String contentType) {
        return contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    }

    private static boolean hasBody(HttpServerRequest request) {
        if (request.getHeader("Transfer-Encoding") != null) {
            return true;
        }
        String length = request.getHeader("Content-Length");
        return length != null && !length.strip().equals("0");
    }
}
