package io.bifrost.adapters.vertx.api;

import static java.util.Objects.requireNonNull;

import io.vertx.core.json.JsonObject;

/**
 * An expected API refusal: the handler fails its future with it (or throws it) and the one failure handler writes the
 * error body of [GEN-021]. Carries no stack trace. Immutable.
 */
public final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient ApiErrorCode code;
    private final transient String summary;
    private final transient JsonObject extra;

    /**
     * @param summary the {@code error} member; {@code null} for the code's default summary
     * @param message the {@code message} member; {@code null} to omit it
     * @param extra members that name the subject ([GEN-022]), e.g. {@code backend}
     */
    public ApiException(ApiErrorCode code, String summary, String message, JsonObject extra) {
        super(message, null, false, false);
        this.code = requireNonNull(code, "code");
        this.summary = summary != null ? summary : code.summary();
        this.extra = extra == null ? new JsonObject() : extra;
    }

    public ApiException(ApiErrorCode code, String message) {
        this(code, null, message, null);
    }

    public static ApiException invalidParameter(String message) {
        return new ApiException(ApiErrorCode.INVALID_PARAMETER, message);
    }

    public static ApiException invalidBody(String message) {
        return new ApiException(ApiErrorCode.INVALID_BODY, message);
    }

    /** [GEN-030]: a later-phase endpoint or feature, e.g. {@code "mesh coordinator"}. */
    public static ApiException notImplemented(String feature) {
        return new ApiException(ApiErrorCode.NOT_IMPLEMENTED, feature + " is not available in this version");
    }

    public ApiErrorCode code() {
        return code;
    }

    /** The error body of [GEN-021]: {@code error}, {@code message}?, {@code code}, then the subject members. */
    public JsonObject body() {
        JsonObject body = new JsonObject().put("error", summary);
        if (getMessage() != null) {
            body.put("message", getMessage());
        }
        body.put("code", code.name());
        extra.forEach(e -> body.put(e.getKey(), e.getValue()));
        return body;
    }
}
