package io.bifrost.adapters.vertx.proxy;

import io.bifrost.adapters.vertx.dial.DialFailure;
import io.bifrost.core.traffic.ErrorCode;

/**
 * The normative table of proxy.md [PRX-100], in one place: each failure code's HTTP status, RFC 9209
 * {@code Proxy-Status} error type and SOCKS5 reply. Exhaustive switches without default, so a new code fails to
 * compile here until it is mapped.
 */
public final class FailureMapping {
    private FailureMapping() {}

    public static int httpStatus(ErrorCode code) {
        return switch (code) {
            case ACCESS_DENIED, DESTINATION_PROHIBITED, NO_ROUTE -> 403;
            case RATE_LIMITED -> 429;
            case AUTH_REQUIRED, AUTH_FAILED -> 407;
            case NO_BACKEND, CONNECTION_LIMIT, SHUTTING_DOWN, SERVER_DISCONNECTED -> 503;
            case DNS_ERROR, CONNECTION_REFUSED, DESTINATION_UNREACHABLE, UPSTREAM_PROXY_ERROR, UPSTREAM_AUTH_FAILED,
                    TLS_ERROR, UPSTREAM_RESPONSE_INVALID -> 502;
            case DNS_TIMEOUT, CONNECTION_TIMEOUT -> 504;
            case BAD_REQUEST -> 400;
            case METHOD_NOT_ALLOWED -> 405;
            case INTERNAL_ERROR, CLOSED_BY_API, CLIENT_CLOSED -> 500;
        };
    }

    /**
     * The RFC 9209 error type of a dial failure: as its code says, except that a TLS failure is told apart by its
     * cause ([PRX-100]: {@code tls_certificate_error} or {@code tls_protocol_error}).
     */
    public static String proxyStatusError(DialFailure failure) {
        if (failure.code() == ErrorCode.TLS_ERROR && failure.certificateRejected()) {
            return "tls_certificate_error";
        }
        return proxyStatusError(failure.code());
    }

    /** The RFC 9209 error type, or {@code null} where [PRX-100] gives none (407). */
    public static String proxyStatusError(ErrorCode code) {
        return switch (code) {
            case ACCESS_DENIED, RATE_LIMITED, NO_ROUTE, METHOD_NOT_ALLOWED -> "http_request_denied";
            case AUTH_REQUIRED, AUTH_FAILED -> null;
            case DESTINATION_PROHIBITED -> "destination_ip_prohibited";
            case NO_BACKEND, UPSTREAM_AUTH_FAILED -> "proxy_configuration_error";
            case DNS_ERROR -> "dns_error";
            case DNS_TIMEOUT -> "dns_timeout";
            case CONNECTION_REFUSED -> "connection_refused";
            case DESTINATION_UNREACHABLE -> "destination_ip_unroutable";
            case CONNECTION_TIMEOUT -> "connection_timeout";
            case UPSTREAM_PROXY_ERROR -> "destination_unavailable";
            case TLS_ERROR -> "tls_protocol_error"; // a rejected certificate: see proxyStatusError(DialFailure)
            case UPSTREAM_RESPONSE_INVALID -> "http_protocol_error";
            case BAD_REQUEST -> "http_request_error";
            case CONNECTION_LIMIT -> "connection_limit_reached";
            case SHUTTING_DOWN, SERVER_DISCONNECTED -> "proxy_internal_response";
            case INTERNAL_ERROR, CLOSED_BY_API, CLIENT_CLOSED -> "proxy_internal_error";
        };
    }

    /** The SOCKS5 REP for a failure ([PRX-100]); callers apply a dial failure's own override first. */
    public static int socksReply(ErrorCode code) {
        return switch (code) {
            case ACCESS_DENIED, RATE_LIMITED, DESTINATION_PROHIBITED, NO_ROUTE -> 0x02;
            case DNS_ERROR, DNS_TIMEOUT, DESTINATION_UNREACHABLE, CONNECTION_TIMEOUT -> 0x04;
            case CONNECTION_REFUSED -> 0x05;
            case NO_BACKEND, UPSTREAM_PROXY_ERROR, UPSTREAM_AUTH_FAILED, TLS_ERROR, UPSTREAM_RESPONSE_INVALID,
                    BAD_REQUEST, METHOD_NOT_ALLOWED, CONNECTION_LIMIT, SHUTTING_DOWN, SERVER_DISCONNECTED,
                    INTERNAL_ERROR, CLOSED_BY_API, CLIENT_CLOSED, AUTH_REQUIRED, AUTH_FAILED -> 0x01;
        };
    }

    /** The reason phrase Bifrost writes for its own responses. */
    public static String reasonPhrase(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 400 -> "Bad Request";
            case 403 -> "Forbidden";
            case 405 -> "Method Not Allowed";
            case 407 -> "Proxy Authentication Required";
            case 408 -> "Request Timeout";
            case 414 -> "URI Too Long";
            case 429 -> "Too Many Requests";
            case 431 -> "Request Header Fields Too Large";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            case 505 -> "HTTP Version Not Supported";
            default -> "Error";
        };
    }
}
