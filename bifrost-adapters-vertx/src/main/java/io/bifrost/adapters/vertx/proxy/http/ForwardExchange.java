package io.bifrost.adapters.vertx.proxy.http;

import static java.util.Objects.requireNonNull;

import io.bifrost.adapters.vertx.dial.DialFailure;
import io.bifrost.adapters.vertx.dial.DialTarget;
import io.bifrost.adapters.vertx.net.StreamSocket;
import io.bifrost.adapters.vertx.proxy.Admission;
import io.bifrost.adapters.vertx.proxy.ProxyContext;
import io.bifrost.adapters.vertx.proxy.RequestInfo;
import io.bifrost.adapters.vertx.proxy.http.codec.BodyFraming;
import io.bifrost.adapters.vertx.proxy.http.codec.Http1Encoder;
import io.bifrost.adapters.vertx.proxy.http.codec.Http1Error;
import io.bifrost.adapters.vertx.proxy.http.codec.Http1Version;
import io.bifrost.adapters.vertx.proxy.http.codec.RequestHead;
import io.bifrost.adapters.vertx.proxy.http.codec.RequestTarget;
import io.bifrost.adapters.vertx.dial.UpstreamDialer;
import io.bifrost.core.routing.RoutingKey;
import io.bifrost.core.traffic.ErrorCode;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import java.util.Optional;
import java.util.Set;

/**
 * An absolute-form request ([PRX-020]-[PRX-047]): checked and routed, sent in origin-form over a connection to the
 * destination (dialed through the route's backend, with TLS for {@code https}), its body streamed as it arrives,
 * and the response streamed back by a {@link ResponseRelay}.
 */
final class ForwardExchange implements HttpProxyConnection.Exchange {
    private static final Set<String> IDEMPOTENT = Set.of("GET", "HEAD", "OPTIONS", "PUT", "DELETE");

    private final ProxyContext ctx;
    private final HttpSettings settings;
    private final ExchangeScope scope;
    private final HttpProxyConnection connection;
    private final RequestHead head;
    private RequestTarget.Absolute target;
    private DialTarget dialTarget;
    private UpstreamDialer dialer;
    private String upstreamKey;
    private StreamSocket upstream;
    private ResponseRelay relay;
    private boolean chunkedUpstream;
    private boolean requestBodyDone;
    private boolean requestEnded;
    private boolean reused;
    private boolean finished;
    private final Runnable uploadBudgetRestored = this::uploadBudgetRestored;
    private boolean uploadWriteBlocked;
    private boolean uploadThrottled;

    ForwardExchange(ProxyContext ctx, HttpSettings settings, ExchangeScope scope) {
        this.ctx = requireNonNull(ctx, "ctx");
        this.settings = requireNonNull(settings, "settings");
        this.scope = requireNonNull(scope, "scope");
        this.connection = scope.connection();
        this.head = scope.head();
    }

    @Override
    public void start() {
        RequestTarget parsed = RequestTarget.parse(head.method(), head.target());
        if (parsed instanceof RequestTarget.Invalid invalid) {
            scope.info().destination("", 0, null, head.target());
            refuse(ErrorResponse.badRequest(400, invalid.message()));
            return;
        }
        target = (RequestTarget.Absolute) parsed;
        Optional<RoutingKey> key = RoutingKey.parse(target.host());
        String path = target.originForm().split("\\?", 2)[0];
        String url = target.scheme().name().toLowerCase(java.util.Locale.ROOT) + "://" + target.hostHeader()
                + target.originForm();
        if (key.isEmpty()) {
            scope.info().destination(target.host(), target.port(), path, url);
            refuse(ErrorResponse.badRequest(400, "invalid host \"" + target.host() + "\""));
            return;
        }
        dialTarget = new DialTarget(key.get(), target.port());
        scope.info().destination(key.get().text(), target.port(), path, url);
        Admission.admit(ctx, connection.peer(), scope.info(), head.headers().get("proxy-authorization"), key.get(),
                        target.port())
                .onSuccess(this::admitted)
                .onFailure(e -> refuse(ErrorResponse.forFailure(e)));
    }

    private void refuse(ErrorResponse response) {
        scope.respondError(response, response.beforeUpstream(), false);
    }

    private void admitted(UpstreamDialer admittedDialer) {
        if (finished) {
            return;
        }
        dialer = admittedDialer;
        RequestInfo info = scope.info();
        connection.routed(info);
        // the way the connection was opened is part of the reuse key: the backend (server), or action and upstream
        upstreamKey = UpstreamCache.key(info.action() + "/" + info.backend(), target.scheme().name(),
                dialTarget.host().text(), target.port());
        if (head.method().equals("TRACE")) {
            // [PRX-025] instead of forwarding, so after the checks of [PRX-010] steps 2-8: a refused client learns
            // nothing more than its refusal. Not one of the refusals that keep the connection ([PRX-048]).
            finished = true;
            refuse(ErrorResponse.of(ErrorCode.METHOD_NOT_ALLOWED, "TRACE is not allowed through this proxy"));
            return;
        }
        if (head.method().equals("OPTIONS") && "0".equals(head.headers().get("max-forwards"))) {
            answerOptionsHere(); // [PRX-025]: Max-Forwards 0 is addressed to us
            return;
        }
        Optional<StreamSocket> idle = connection.upstreams().take(upstreamKey);
        if (idle.isPresent()) {
            reused = true;
            send(idle.get());
            return;
        }
        openUpstream().onSuccess(this::send).onFailure(this::dialFailed);
    }

    private void dialFailed(Throwable failure) {
        if (!finished) {
            finished = true;
            scope.respondFailure(failure, false, false);
        }
    }

    /** Dials through the backend and, for {@code https}, runs TLS with SNI and host-name checks ([PRX-022]). */
    private Future<StreamSocket> openUpstream() {
        Future<StreamSocket> socket = dialer.dial(dialTarget).map(up -> up.socket());
        if (target.scheme() != RequestTarget.Scheme.HTTPS) {
            return socket;
        }
        return socket.compose(s -> settings.originTls().handshake(s, dialTarget)
                .map(v -> s)
                .recover(e -> {
                    s.close();
                    return Future.failedFuture(DialFailure.tls("TLS to \"" + dialTarget + "\" failed: "
                            + OriginTls.describe(e), OriginTls.isCertificateProblem(e)));
                }));
    }

    private void send(StreamSocket socket) {
        if (finished) {
            socket.close();
            return;
        }
        upstream = socket;
        relay = new ResponseRelay(this, scope, settings, upstream, ctx.vertx());
        relay.start(head.method());
        MultiMap headers = head.headers();
        HopByHop.stripRequest(headers);
        headers.set("Host", target.hostHeader());
        HopByHop.appendVia(headers, head.version() == Http1Version.HTTP_1_0 ? "1.0" : "1.1");
        decrementMaxForwards(headers);
        BodyFraming framing = head.framing();
        chunkedUpstream = framing.type() == BodyFraming.Type.CHUNKED;
        if (chunkedUpstream) {
            headers.set("Transfer-Encoding", "chunked");
        }
        upstream.write(Http1Encoder.requestHead(head.method(), target.originForm(), Http1Version.HTTP_1_1, headers));
        requestBodyDone = framing.type() == BodyFraming.Type.NONE;
        if (!requestEnded) { // a retry ([PRX-033]) sends a request that was read completely: nothing left to read
            connection.resumeRequestBody();
        }
    }

    private static void decrementMaxForwards(MultiMap headers) {
        String value = headers.get("max-forwards");
        if (value != null) {
            try {
                long n = Long.parseLong(value.strip());
                if (n > 0) {
                    headers.set("Max-Forwards", Long.toString(n - 1));
                }
            } catch (NumberFormatException ignored) {
                // an invalid Max-Forwards is passed on untouched
            }
        }
    }

    private void answerOptionsHere() {
        finished = true;
        String response = (scope.http10() ? "HTTP/1.0" : "HTTP/1.1") + " 200 OK\r\n"
                + "Allow: GET, HEAD, POST, PUT, DELETE, PATCH, OPTIONS, CONNECT\r\n"
                + "Content-Length: 0\r\n"
                + (scope.clientWantsKeepAlive() && !scope.hasBody() ? "" : "Connection: close\r\n")
                + "\r\n";
        connection.client().write(Buffer.buffer(response));
        scope.info().status(200);
        scope.finish(scope.clientWantsKeepAlive() && !scope.hasBody());
    }

    // ---- request body, with back-pressure toward the upstream ----

    @Override
    public void requestBody(Buffer data) {
        if (upstream == null || finished) {
            return;
        }
        upstream.write(chunkedUpstream ? Http1Encoder.chunk(data) : data);
        if (connection.upload().consume(data.length(), uploadBudgetRestored) && !uploadThrottled) { // [SEC-052]
            uploadThrottled = true;
            connection.pauseRequestBody();
        }
        if (!uploadWriteBlocked && upstream.writeQueueFull()) {
            uploadWriteBlocked = true;
            connection.pauseRequestBody();
            upstream.drainHandler(() -> {
                upstream.drainHandler(null);
                uploadWriteBlocked = false;
                resumeRequestBodyIfFree();
            });
        }
    }

    private void uploadBudgetRestored() {
        uploadThrottled = false;
        resumeRequestBodyIfFree();
    }

    /** Reading resumes only when neither the upstream's write queue nor the upload budget holds it. */
    private void resumeRequestBodyIfFree() {
        if (!uploadWriteBlocked && !uploadThrottled && !requestBodyDone && !finished) {
            connection.resumeRequestBody();
        }
    }

    private MultiMap trailers;

    @Override
    public void requestTrailers(MultiMap trailers) {
        this.trailers = trailers;
    }

    @Override
    public void requestEnd() {
        requestBodyDone = true;
        requestEnded = true;
        if (upstream != null && chunkedUpstream && !finished) {
            upstream.write(Http1Encoder.lastChunk(trailers == null ? MultiMap.caseInsensitiveMultiMap() : trailers));
        }
        if (relay != null && relay.complete()) {
            done(relay.keepClientAlive(), relay.upstreamReusable());
        }
    }

    @Override
    public void requestFailed(Http1Error error) {
        abort(relay != null && relay.started() ? null : ErrorResponse.badRequest(400, error.message()),
                ErrorCode.BAD_REQUEST);
    }

    @Override
    public void requestTimedOut() {
        abort(relay != null && relay.started() ? null
                : ErrorResponse.badRequest(408, "request body not received in time"), ErrorCode.BAD_REQUEST);
    }

    @Override
    public void clientClosed() {
        if (!finished) {
            finished = true;
            scope.info().fail(ErrorCode.CLIENT_CLOSED);
            scope.record();
            if (upstream != null) {
                upstream.close();
            }
        }
    }

    // ---- called by the response relay ----

    /** Whether the exchange is over (done, aborted, or its client gone). */
    boolean finished() {
        return finished;
    }

    boolean requestBodyDone() {
        return requestBodyDone;
    }

    /** Whether a failure before the response head may be retried on a fresh connection ([PRX-033]). */
    boolean mayRetry() {
        return reused && IDEMPOTENT.contains(head.method()) && !scope.hasBody();
    }

    /** The reused upstream failed before answering: dial a fresh one and send the request again. */
    void retryOnFreshConnection() {
        reused = false;
        upstream = null;
        openUpstream().onSuccess(this::send).onFailure(this::dialFailed);
    }

    /** The response has been relayed completely. */
    void responseComplete(boolean keepClientAlive, boolean upstreamReusable) {
        if (requestBodyDone) {
            done(keepClientAlive, upstreamReusable);
        }
        // else: the upstream answered before the request body ended; requestEnd() finishes the exchange
    }

    private void done(boolean keepClientAlive, boolean upstreamReusable) {
        if (finished) {
            return;
        }
        finished = true;
        if (upstreamReusable && !upstream.isClosed()) {
            connection.upstreams().offer(upstreamKey, upstream);
        } else {
            upstream.close();
        }
        scope.finish(keepClientAlive); // as the response announced it; a drain closes the connection after it
    }

    /** The exchange failed: answer if nothing was sent to the client yet, else cut the connection ([PRX-047]). */
    void abort(ErrorResponse response, ErrorCode code) {
        if (finished) {
            return;
        }
        finished = true;
        if (upstream != null) {
            upstream.close();
        }
        if (response != null && (relay == null || !relay.started())) {
            scope.respondError(response, false, false);
        } else {
            scope.info().fail(code);
            scope.record();
            connection.closeAfterError(code);
        }
    }
}
