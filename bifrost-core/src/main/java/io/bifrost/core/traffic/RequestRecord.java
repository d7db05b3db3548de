package io.bifrost.core.traffic;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * The one record every proxied request leaves ([PRX-011], [SEC-071], [SAPI-200]).
 *
 * @param start when the request started
 * @param requestId {@code <connection id>/<k>} ([GEN-063])
 * @param username the authenticated user; {@code null} when authentication is not required
 * @param method HTTP method; {@code CONNECT} for tunnels; {@code BIND}, {@code UDP_ASSOCIATE}, {@code CMD_<n>} or
 *     {@code AUTH} for refused SOCKS5 exchanges
 * @param host destination host in routing-key form; empty when unknown (SOCKS5 negotiation failures)
 * @param path HTTP path without query, else {@code null}
 * @param url {@code http://host/path?query} for HTTP, {@code host:port} for tunnels
 * @param statusCode HTTP status sent to the client; SOCKS5 reply code for SOCKS5 (0 = success)
 * @param bytesSent bytes written to the client ([GEN-006] listener family)
 * @param bytesReceived bytes read from the client
 * @param durationMs milliseconds from start to completion
 * @param route matched route, else {@code null}
 * @param backend selected backend, else {@code null}
 * @param error failure code, {@code null} on success
 * @param userAgent HTTP {@code User-Agent}, else {@code null}
 * @param referer HTTP {@code Referer}, else {@code null}; only the {@code combined} access log shows it ([SEC-072])
 */
public record RequestRecord(
        Instant start,
        String requestId,
        String clientIp,
        int clientPort,
        String username,
        Protocol protocol,
        String method,
        String host,
        int port,
        String path,
        String url,
        int statusCode,
        long bytesSent,
        long bytesReceived,
        double durationMs,
        String route,
        String backend,
        ErrorCode error,
        String userAgent,
        String referer) {

    public RequestRecord {
        requireNonNull(start, "start");
        requireNonNull(requestId, "requestId");
        requireNonNull(clientIp, "clientIp");
        requireNonNull(protocol, "protocol");
        requireNonNull(method, "method");
        requireNonNull(host, "host");
        requireNonNull(url, "url");
    }

    public boolean failed() {
        return error != null;
    }
}
