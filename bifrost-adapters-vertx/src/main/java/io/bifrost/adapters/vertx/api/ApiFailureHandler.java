package io.bifrost.adapters.vertx.api;

import io.bifrost.adapters.vertx.control.ControlException;
import io.bifrost.core.config.ConfigProblem;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one failure handler of the API: every error becomes the body of [GEN-021] with its code of [GEN-023], whatever
 * raised it (a handler's {@link ApiException}, a {@link ControlException}, Vert.x Web's own 404/405/413, a bug).
 * Bugs are logged once here and answered {@code INTERNAL_ERROR} without a stack trace.
 */
final class ApiFailureHandler implements Handler<RoutingContext> {
    private static final Logger LOG = LoggerFactory.getLogger(ApiFailureHandler.class);

    @Override
    public void handle(RoutingContext ctx) {
        write(ctx, toApiException(ctx));
    }

    static void write(RoutingContext ctx, ApiException error) {
        HttpServerResponse response = ctx.response();
        if (response.ended() || response.closed()) {
            return;
        }
        if (response.headWritten()) {
            response.reset(); // too late for an error body: cut the response rather than end it as if it were whole
            return;
        }
        if (!response.headers().contains("X-Request-Id")) {
            ResponseHeaders.apply(response, UUID.randomUUID().toString());
        }
        response.setStatusCode(error.code().status())
                .putHeader("Content-Type", ApiJson.CONTENT_TYPE)
                .end(error.body().toBuffer());
    }

    private static ApiException toApiException(RoutingContext ctx) {
        Throwable failure = ctx.failure();
        if (failure instanceof ApiException api) {
            return api;
        }
        if (failure instanceof ControlException control) {
            return fromControl(control);
        }
        if (failure instanceof UnsupportedOperationException unsupported) {
            return new ApiException(ApiErrorCode.NOT_IMPLEMENTED, unsupported.getMessage());
        }
        int status = failure instanceof HttpException http ? http.getStatusCode() : ctx.statusCode();
        return switch (status) {
            case 400 -> ApiException.invalidBody("malformed request");
            case 404 -> new ApiException(ApiErrorCode.NOT_FOUND, null, null,
                    new JsonObject().put("path", ctx.request().path()));
            case 405 -> new ApiException(ApiErrorCode.METHOD_NOT_ALLOWED, null);
            case 413 -> new ApiException(ApiErrorCode.PAYLOAD_TOO_LARGE,
                    "request body over the limit (1 MiB; 4 MiB for configuration updates and imports)");
            case 415 -> new ApiException(ApiErrorCode.UNSUPPORTED_MEDIA_TYPE, null);
            default -> internal(ctx, failure);
        };
    }

    private static ApiException internal(RoutingContext ctx, Throwable failure) {
        LOG.error("API {} {} failed", ctx.request().method(), ctx.request().path(), failure);
        return new ApiException(ApiErrorCode.INTERNAL_ERROR, "the request could not be processed");
    }

    /** [GEN-022]: the subject members, and for validation the problems split into {@code errors}/{@code warnings}. */
    static ApiException fromControl(ControlException e) {
        ApiErrorCode code = ApiErrorCode.valueOf(e.code().name());
        JsonObject extra = new JsonObject();
        e.subject().forEach((k, v) -> extra.put(k, ApiJson.plain(v)));
        List<ConfigProblem> errors = e.problems().stream().filter(ConfigProblem::isError).toList();
        List<ConfigProblem> warnings = e.problems().stream().filter(p -> !p.isError()).toList();
        if (code == ApiErrorCode.VALIDATION_FAILED || code == ApiErrorCode.RELOAD_FAILED || !errors.isEmpty()) {
            extra.put("errors", ApiJson.problems(errors));
        }
        if (code == ApiErrorCode.VALIDATION_FAILED || !warnings.isEmpty()) {
            extra.put("warnings", ApiJson.problems(warnings));
        }
        String summary = code == ApiErrorCode.IN_USE && e.subject().containsKey("backend") ? "Backend in use" : null;
        return new ApiException(code, summary, e.getMessage(), extra);
    }
}
