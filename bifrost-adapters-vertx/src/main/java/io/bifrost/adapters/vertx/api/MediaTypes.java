package io.bifrost.adapters.vertx.api;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;

/**
 * [GEN-003]: a request with a body and a {@code Content-Type} other than JSON is refused with 415 before the body is
 * read; without {@code Content-Type} the body is read as JSON. The server API takes no YAML bodies.
 */
final class MediaTypes {
    private MediaTypes() {}

    static void check(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        String contentType = request.getHeader("Content-Type");
        if (contentType != null && hasBody(request) && !isJson(contentType)) {
            ctx.fail(new ApiException(ApiErrorCode.UNSUPPORTED_MEDIA_TYPE, null,
                    "Content-Type: " + contentType + " (expected: application/json)", null));
            return;
        }
        ctx.next();
    }

    static boolean isJson(String contentType) {
        String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return type.equals("application/json") || (type.startsWith("application/") && type.endsWith("+json"));
    }

    private static boolean hasBody(HttpServerRequest request) {
        if (request.getHeader("Transfer-Encoding") != null) {
            return true;
        }
        String length = request.getHeader("Content-Length");
        return length != null && !length.strip().equals("0");
    }
}
