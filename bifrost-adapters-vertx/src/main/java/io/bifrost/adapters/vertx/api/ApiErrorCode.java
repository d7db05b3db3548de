package io.bifrost.adapters.vertx.api;

/**
 * The error codes of [GEN-023] with their status and the short summary that goes in {@code error}; shared by the
 * server and client APIs.
 */
public enum ApiErrorCode {
    UNAUTHORIZED(401, "Unauthorized"),
    CSRF_FAILED(403, "CSRF validation failed"),
    FORBIDDEN(403, "Forbidden"),
    ORIGIN_NOT_ALLOWED(403, "Origin not allowed"),
    NOT_FOUND(404, "Not found"),
    BACKEND_NOT_FOUND(404, "Backend not found"),
    ROUTE_NOT_FOUND(404, "Route not found"),
    CONNECTION_NOT_FOUND(404, "Connection not found"),
    SERVER_NOT_FOUND(404, "Server not found"),
    ENTRY_NOT_FOUND(404, "Entry not found"),
    METHOD_NOT_ALLOWED(405, "Method not allowed"),
    INVALID_BODY(400, "Invalid body"),
    INVALID_PARAMETER(400, "Invalid parameter"),
    VALIDATION_FAILED(400, "Validation failed"),
    UNKNOWN_BACKEND(400, "Unknown backend"),
    ALREADY_EXISTS(409, "Already exists"),
    IN_USE(409, "In use"),
    PAYLOAD_TOO_LARGE(413, "Payload too large"),
    UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type"),
    NOT_IMPLEMENTED(501, "Not implemented"),
    FEATURE_DISABLED(503, "Feature disabled"),
    TOO_MANY_CLIENTS(503, "Too many clients"),
    SERVER_UNREACHABLE(503, "Server unreachable"),
    SHUTTING_DOWN(503, "Shutting down"),
    TIMEOUT(503, "Timeout"),
    SAVE_FAILED(500, "Save failed"),
    RELOAD_FAILED(500, "Reload failed"),
    INTERNAL_ERROR(500, "Internal error");

    private final int status;
    private final String summary;

    ApiErrorCode(int status, String summary) {
        this.status = status;
        this.summary = summary;
    }

    public int status() {
        return status;
    }

    public String summary() {
        return summary;
    }
}
