package io.bifrost.core.traffic;

import java.util.Locale;

/**
 * Why a proxied request failed: the {@code X-Bifrost-Error} codes of proxy.md [PRX-100] and [PRX-101]. The wire
 * answers (HTTP status, {@code Proxy-Status}, SOCKS5 reply) are mapped from these codes at the edge, in one place.
 */
public enum ErrorCode {
    ACCESS_DENIED,
    RATE_LIMITED,
    AUTH_REQUIRED,
    AUTH_FAILED,
    DESTINATION_PROHIBITED,
    NO_ROUTE,
    NO_BACKEND,
    DNS_ERROR,
    DNS_TIMEOUT,
    CONNECTION_REFUSED,
    DESTINATION_UNREACHABLE,
    CONNECTION_TIMEOUT,
    UPSTREAM_PROXY_ERROR,
    UPSTREAM_AUTH_FAILED,
    TLS_ERROR,
    UPSTREAM_RESPONSE_INVALID,
    BAD_REQUEST,
    METHOD_NOT_ALLOWED,
    CONNECTION_LIMIT,
    SHUTTING_DOWN,
    INTERNAL_ERROR,
    /** Only in records: the connection was closed through the management API ([SAPI-222]). */
    CLOSED_BY_API,
    /** Only in records: the client went away before the response was complete. */
    CLIENT_CLOSED,
    /** Client program only: the user disconnected from the server ([PRX-126]). */
    SERVER_DISCONNECTED;

    private final String code = name().toLowerCase(Locale.ROOT);

    /** The wire form, e.g. {@code no_route}. */
    public String code() {
        return code;
    }
}
