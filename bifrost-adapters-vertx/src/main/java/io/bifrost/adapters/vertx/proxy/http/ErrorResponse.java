package io.bifrost.adapters.vertx.proxy.http;

import static java.util.Objects.requireNonNull;

import io.bifrost.adapters.vertx.dial.DialFailure;
import io.bifrost.adapters.vertx.proxy.FailureMapping;
import io.bifrost.adapters.vertx.proxy.ProxyRefusalException;
import io.bifrost.adapters.vertx.proxy.Refusal;
import io.bifrost.core.traffic.ErrorCode;
import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;

/**
 * A response Bifrost writes itself on the HTTP listener ([PRX-048], [PRX-091]): a one-line plain-text body
 * {@code Bifrost: <message>}, {@code Proxy-Status} (RFC 9209) and {@code X-Bifrost-Error}.
 *
 * @param status the HTTP status; usually {@link FailureMapping#httpStatus} of the code, but 408/414/431/505 for
 *     {@code bad_request} variants
 * @param message the human line, naming the host for routing, dial and DNS failures
 * @param retryAfterSeconds value of {@code Retry-After}, or 0 for none
 * @param proxyStatus the RFC 9209 error type of {@code Proxy-Status}; {@code null} for none (407)
 */
public record ErrorResponse(ErrorCode code, int status, String message, long retryAfterSeconds, String proxyStatus) {

    public ErrorResponse {
        requireNonNull(code, "code");
        requireNonNull(message, "message");
    }

    public static ErrorResponse of(ErrorCode code, String message) {
        long retry = code == ErrorCode.SHUTTING_DOWN || code == ErrorCode.CONNECTION_LIMIT ? 5 : 0;
        return new ErrorResponse(code, FailureMapping.httpStatus(code), message, retry,
                FailureMapping.proxyStatusError(code));
    }

    public static ErrorResponse of(Refusal refusal) {
        return new ErrorResponse(refusal.code(), FailureMapping.httpStatus(refusal.code()), refusal.message(),
                refusal.retryAfterSeconds(), FailureMapping.proxyStatusError(refusal.code()));
    }

    /** The answer to a failed admission or dial: a refusal, a classified dial failure, or an internal error. */
    public static ErrorResponse forFailure(Throwable failure) {
        if (failure instanceof ProxyRefusalException refused) {
            return of(refused.refusal());
        }
        if (failure instanceof DialFailure d) {
            return new ErrorResponse(d.code(), FailureMapping.httpStatus(d.code()), d.detail(), 0,
                    FailureMapping.proxyStatusError(d));
        }
        return of(ErrorCode.INTERNAL_ERROR, "internal error");
    }

    /**
     * Whether this failure allows the connection to stay open: 407, or a refusal of [PRX-010] steps 2-8 ([PRX-048]:
     * access control, rate limits, destination policy, no route, no backend; not a refused {@code TRACE}).
     */
    public boolean beforeUpstream() {
        return switch (code) {
            case ACCESS_DENIED, RATE_LIMITED, AUTH_REQUIRED, AUTH_FAILED, DESTINATION_PROHIBITED, NO_ROUTE,
                    NO_BACKEND -> true;
            default -> false;
        };
    }

    public boolean isAuthChallenge() {
        return code == ErrorCode.AUTH_REQUIRED || code == ErrorCode.AUTH_FAILED;
    }

    /** A {@code bad_request} answered with a specific status (400, 408, 414, 431, 505). */
    public static ErrorResponse badRequest(int status, String message) {
        return new ErrorResponse(ErrorCode.BAD_REQUEST, status, message, 0,
                FailureMapping.proxyStatusError(ErrorCode.BAD_REQUEST));
    }

    /**
     * Serialises the response.
     *
     * @param http10 the client spoke HTTP/1.0: status line {@code HTTP/1.0}, and {@code Connection: keep-alive}
     *     when the connection stays open
     * @param keepAlive whether the connection stays open after this response
     * @param headOnly a response to {@code HEAD}: same head, no body
     */
    public Buffer encode(boolean http10, boolean keepAlive, boolean headOnly) {
        byte[] body = ("Bifrost: " + message + "\n").getBytes(StandardCharsets.UTF_8);
        StringBuilder sb = new StringBuilder(256);
        sb.append(http10 ? "HTTP/1.0 " : "HTTP/1.1 ").append(status).append(' ')
                .append(FailureMapping.reasonPhrase(status)).append("\r\n");
        if (code == ErrorCode.AUTH_REQUIRED || code == ErrorCode.AUTH_FAILED) {
            sb.append("Proxy-Authenticate: Basic realm=\"Bifrost\", charset=\"UTF-8\"\r\n");
        }
        if (retryAfterSeconds > 0) {
            sb.append("Retry-After: ").append(retryAfterSeconds).append("\r\n");
        }
        sb.append("Content-Type: text/plain; charset=utf-8\r\n");
        sb.append("Content-Length: ").append(body.length).append("\r\n");
        if (proxyStatus != null) {
            sb.append("Proxy-Status: bifrost; error=").append(proxyStatus).append("; details=\"")
                    .append(details()).append("\"\r\n");
        }
        sb.append("X-Bifrost-Error: ").append(code.code()).append("\r\n");
        if (!keepAlive) {
            sb.append("Connection: close\r\n");
        } else if (http10 || code == ErrorCode.AUTH_REQUIRED || code == ErrorCode.AUTH_FAILED) {
            sb.append("Connection: keep-alive\r\n");
        }
        sb.append("\r\n");
        Buffer out = Buffer.buffer(sb.length() + body.length).appendString(sb.toString(), "ISO-8859-1");
        return headOnly ? out : out.appendBytes(body);
    }

    /** The short {@code details} of {@code Proxy-Status}: a fixed phrase per code, never user input. */
    private String details() {
        return switch (code) {
            case ACCESS_DENIED -> "client address not allowed";
            case RATE_LIMITED -> "rate limit exceeded";
            case AUTH_REQUIRED, AUTH_FAILED -> "proxy authentication required";
            case DESTINATION_PROHIBITED -> "destination not allowed";
            case NO_ROUTE -> "no route for host";
            case NO_BACKEND -> "no usable backend";
            case DNS_ERROR -> "DNS lookup failed";
            case DNS_TIMEOUT -> "DNS lookup timed out";
            case CONNECTION_REFUSED -> "connection refused";
            case DESTINATION_UNREACHABLE -> "destination unreachable";
            case CONNECTION_TIMEOUT -> "connection timed out";
            case UPSTREAM_PROXY_ERROR -> "upstream proxy refused the request";
            case UPSTREAM_AUTH_FAILED -> "upstream proxy rejected the credentials";
            case TLS_ERROR -> "TLS to the destination failed";
            case UPSTREAM_RESPONSE_INVALID -> "invalid response from upstream";
            case BAD_REQUEST -> "malformed request";
            case METHOD_NOT_ALLOWED -> "method not allowed";
            case CONNECTION_LIMIT -> "too many connections";
            case SHUTTING_DOWN -> "shutting down";
            case SERVER_DISCONNECTED -> "server disconnected";
            case INTERNAL_ERROR, CLOSED_BY_API, CLIENT_CLOSED -> "internal error";
        };
    }
}
