package io.bifrost.adapters.vertx.proxy.http;

import static java.util.Objects.requireNonNull;

import io.bifrost.adapters.vertx.dial.DialFailure;
import io.bifrost.adapters.vertx.dial.handshake.UpstreamHttpResponse;
import io.bifrost.adapters.vertx.proxy.RequestInfo;
import io.bifrost.adapters.vertx.proxy.http.codec.BodyFraming;
import io.bifrost.adapters.vertx.proxy.http.codec.Http1Version;
import io.bifrost.adapters.vertx.proxy.http.codec.RequestHead;
import io.bifrost.core.traffic.ErrorCode;
import java.util.Optional;
import java.util.Set;

/**
 * The per-request plumbing every exchange shares: keep-alive rules ([PRX-030]), Bifrost's own error responses
 * ([PRX-048]) and the single record of the request ([PRX-011]).
 */
final class ExchangeScope {
    private final HttpProxyConnection connection;
    private final RequestHead head;
    private final RequestInfo info;
    private final long sentAtStart;
    private final long receivedAtStart;
    private final boolean clientWantsKeepAlive;
    private boolean recorded;

    /** @param head {@code null} when the request never got past its head (a malformed request) */
    ExchangeScope(HttpProxyConnection connection, RequestHead head, RequestInfo info, long sentAtStart,
            long receivedAtStart) {
        this.connection = requireNonNull(connection, "connection");
        this.head = head;
        this.info = requireNonNull(info, "info");
        this.sentAtStart = sentAtStart;
        this.receivedAtStart = receivedAtStart;
        // decided from the request as received: forwarding strips Connection from the same header map
        this.clientWantsKeepAlive = head != null && wantsKeepAlive(head);
    }

    HttpProxyConnection connection() {
        return connection;
    }

    RequestHead head() {
        return head;
    }

    RequestInfo info() {
        return info;
    }

    boolean http10() {
        return head != null && head.version() == Http1Version.HTTP_1_0;
    }

    /** [PRX-030]: 1.1 stays open unless {@code close}; 1.0 only with {@code keep-alive} (or the legacy field). */
    boolean clientWantsKeepAlive() {
        return clientWantsKeepAlive;
    }

    private static boolean wantsKeepAlive(RequestHead head) {
        Set<String> tokens = HopByHop.connectionTokens(head.headers());
        return head.version() == Http1Version.HTTP_1_0 ? tokens.contains("keep-alive") : !tokens.contains("close");
    }

    boolean isHeadRequest() {
        return head != null && head.method().equals("HEAD");
    }

    /** Whether the request announced a body (one we would have to read before reusing the connection). */
    boolean hasBody() {
        if (head == null) {
            return false;
        }
        BodyFraming f = head.framing();
        return f.type() == BodyFraming.Type.CHUNKED || (f.type() == BodyFraming.Type.CONTENT_LENGTH && f.length() > 0);
    }

    /**
     * Writes Bifrost's own error response, records the request and ends the exchange.
     *
     * @param mayPersist the failure allows a persistent connection ([PRX-048]: 407, or a non-CONNECT refusal
     *     before any upstream); it then stays open if the client wants it and no unread body is left behind
     * @param bodyRead whether the request body, if any, has been consumed
     */
    void respondError(ErrorResponse response, boolean mayPersist, boolean bodyRead) {
        boolean keepAlive = mayPersist && clientWantsKeepAlive() && (bodyRead || !hasBody())
                && !connection.draining();
        connection.client().write(response.encode(http10(), keepAlive, isHeadRequest()));
        info.status(response.status()).fail(response.code(), response.message());
        finish(keepAlive);
    }

    /**
     * Answers a failed dial: the upstream's own refusal where the failure asks for it to be relayed ([PRX-124]),
     * else Bifrost's error response ([PRX-048], [PRX-100]).
     *
     * @param mayPersist as for {@link #respondError}; a relayed refusal always closes the connection
     */
    void respondFailure(Throwable failure, boolean mayPersist, boolean bodyRead) {
        Optional<DialFailure> relayed = RelayedRefusal.of(failure);
        if (relayed.isPresent()) {
            UpstreamHttpResponse response = relayed.get().upstreamResponse().orElseThrow();
            connection.client().write(RelayedRefusal.encode(response, http10(), isHeadRequest()));
            info.status(response.status()).fail(relayed.get().code(), relayed.get().detail());
            finish(false);
            return;
        }
        respondError(ErrorResponse.forFailure(failure), mayPersist, bodyRead);
    }

    /** Records the request (once) and hands the connection back for the next request or closing. */
    void finish(boolean keepAlive) {
        record();
        connection.exchangeDone(keepAlive);
    }

    /** Records the request once, with the bytes moved on the client socket since it started. */
    void record() {
        if (recorded) {
            return;
        }
        recorded = true;
        ErrorCode closedBy = connection.requestedCloseReason();
        if (closedBy != null) {
            info.fail(closedBy, RequestInfo.CLOSED_BY_API_DETAIL); // [PRX-101]: the record says why it ended
        }
        var client = connection.client();
        connection.recorder().record(info, info.toRecord(client.bytesWritten() - sentAtStart,
                client.bytesRead() - receivedAtStart, System.nanoTime()));
    }
}
