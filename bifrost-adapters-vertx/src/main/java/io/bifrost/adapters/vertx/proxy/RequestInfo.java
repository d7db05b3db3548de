package io.bifrost.adapters.vertx.proxy;

import static java.util.Objects.requireNonNull;

import io.bifrost.core.traffic.ErrorCode;
import io.bifrost.core.traffic.Protocol;
import io.bifrost.core.traffic.RequestRecord;
import java.time.Instant;

/**
 * What is known so far about one proxied request, filled in step by step as it goes through [PRX-010]; turned into
 * the immutable {@link RequestRecord} when it completes. Owned by one event loop; not thread-safe.
 */
public final class RequestInfo {
    /** The reason recorded when the management API closed the connection ([SAPI-222]). */
    public static final String CLOSED_BY_API_DETAIL = "connection closed through the management API";

    private final Instant start;
    private final long startNanos;
    private final String requestId;
    private final String clientIp;
    private final int clientPort;
    private final Protocol protocol;
    private String method;
    private String host = "";
    private int port;
    private String path;
    private String url = "";
    private String username;
    private String route;
    private String backend;
    private String action;
    private String userAgent;
    private String referer;
    private int status;
    private ErrorCode error;
    private String errorDetail;

    public RequestInfo(Instant start, long startNanos, String requestId, String clientIp, int clientPort,
            Protocol protocol, String method) {
        this.start = requireNonNull(start, "start");
        this.startNanos = startNanos;
        this.requestId = requireNonNull(requestId, "requestId");
        this.clientIp = requireNonNull(clientIp, "clientIp");
        this.clientPort = clientPort;
        this.protocol = requireNonNull(protocol, "protocol");
        this.method = requireNonNull(method, "method");
    }

    public RequestInfo method(String method) {
        this.method = requireNonNull(method, "method");
        return this;
    }

    /** Destination in routing-key form and its port; {@code url} as records show it ([SAPI-200]). */
    public RequestInfo destination(String host, int port, String path, String url) {
        this.host = requireNonNull(host, "host");
        this.port = port;
        this.path = path;
        this.url = requireNonNull(url, "url");
        return this;
    }

    public RequestInfo username(String username) {
        this.username = username;
        return this;
    }

    public RequestInfo routed(String route, String backend) {
        this.route = route;
        this.backend = backend;
        return this;
    }

    /** The client's route action ({@code direct} or {@code server}, [RTE-080]); never set on the server. */
    public RequestInfo action(String action) {
        this.action = action;
        return this;
    }

    public RequestInfo userAgent(String userAgent) {
        this.userAgent = userAgent;
        return this;
    }

    /** The request's {@code Referer}, for the {@code combined} access log ([SEC-072]); {@code null} when absent. */
    public RequestInfo referer(String referer) {
        this.referer = referer;
        return this;
    }

    /** HTTP status sent to the client, or the SOCKS5 reply code. */
    public RequestInfo status(int status) {
        this.status = status;
        return this;
    }

    /** Marks the request failed; the first failure recorded wins. */
    public RequestInfo fail(ErrorCode code) {
        return fail(code, null);
    }

    /**
     * Marks the request failed with the one-line reason the client was given (the traffic debugger shows it,
     * [CAPI-090]); the first failure recorded wins.
     *
     * @param detail e.g. {@code connection to "example.com:443" timed out}, or {@code null}
     */
    public RequestInfo fail(ErrorCode code, String detail) {
        if (error == null) {
            error = requireNonNull(code, "code");
            errorDetail = detail;
        }
        return this;
    }

    public String requestId() {
        return requestId;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public String username() {
        return username;
    }

    public Protocol protocol() {
        return protocol;
    }

    public ErrorCode error() {
        return error;
    }

    /** The reason given with {@link #error()}, or {@code null}. */
    public String errorDetail() {
        return errorDetail;
    }

    /** The matched route, or {@code null} (not routed yet, refused, or a client request that took the fallback). */
    public String route() {
        return route;
    }

    /** The backend (server) or upstream name (client {@code server} action), or {@code null}. */
    public String backend() {
        return backend;
    }

    /** The client's route action, or {@code null}. */
    public String action() {
        return action;
    }

    /**
     * The route as connection tracking shows it ([SAPI-220]), never null: {@code ""} for a client request that took
     * the fallback of [RTE-081].
     */
    public String trackedRoute() {
        return route != null ? route : "";
    }

    /**
     * The backend as connection tracking shows it, never null: for a client request, the upstream's name or the
     * action ({@code direct}).
     */
    public String trackedBackend() {
        return backend != null ? backend : action != null ? action : "";
    }

    public RequestRecord toRecord(long bytesSent, long bytesReceived, long endNanos) {
        double durationMs = Math.round((endNanos - startNanos) / 1_000.0) / 1_000.0;
        return new RequestRecord(start, requestId, clientIp, clientPort, username, protocol, method, host, port, path,
                url, status, bytesSent, bytesReceived, durationMs, route, backend, error, userAgent, referer);
    }
}
