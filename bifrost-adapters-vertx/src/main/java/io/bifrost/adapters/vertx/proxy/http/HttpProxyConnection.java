package io.bifrost.adapters.vertx.proxy.http;

import static java.util.Objects.requireNonNull;

import io.bifrost.adapters.vertx.net.BandwidthLimits;
import io.bifrost.adapters.vertx.net.StreamSocket;
import io.bifrost.adapters.vertx.proxy.ClientByteCounter;
import io.bifrost.adapters.vertx.net.Throttle;
import io.bifrost.adapters.vertx.proxy.ClientPeer;
import io.bifrost.adapters.vertx.proxy.ProxyAcceptor;
import io.bifrost.adapters.vertx.proxy.ProxyContext;
import io.bifrost.adapters.vertx.proxy.RequestInfo;
import io.bifrost.adapters.vertx.proxy.http.codec.Http1Decoder;
import io.bifrost.adapters.vertx.proxy.http.codec.Http1Error;
import io.bifrost.adapters.vertx.proxy.http.codec.Http1Listener;
import io.bifrost.adapters.vertx.proxy.http.codec.RequestHead;
import io.bifrost.core.traffic.ConnectionRegistry.FirstRequest;
import io.bifrost.core.traffic.ErrorCode;
import io.bifrost.core.traffic.Protocol;
import io.bifrost.core.traffic.TrackedConnection;
import io.vertx.core.Context;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.time.Duration;

/**
 * One client connection on the HTTP listener: decodes requests one at a time ([PRX-030]-[PRX-032]), hands each to a
 * {@link ForwardExchange} or {@link ConnectExchange}, keeps the connection alive between them, and runs the timers of
 * [PRX-105]. Lives on one event loop; not thread-safe except {@link #drain} and {@link #forceClose}.
 */
public final class HttpProxyConnection implements Http1Listener<RequestHead>, ProxyAcceptor.Startable {
    /** Pipelined input held while a request is in progress; beyond it the socket is paused. */
    private static final int MAX_PIPELINED_BYTES = 64 * 1024;

    private final ProxyContext ctx;
    private final HttpSettings settings;
    private final StreamSocket client;
    private final ClientPeer peer;
    private final Http1Decoder<RequestHead> decoder;
    private final UpstreamCache upstreams = new UpstreamCache();
    private final Context context;
    private final Throttle upload;
    private final Throttle download;
    private Exchange exchange;
    private TrackedConnection tracked;
    private final ClientByteCounter counter;
    private long timer = -1;
    private boolean headTimerArmed;
    private int requests;
    private boolean clientFinished;
    private boolean closed;
    private volatile boolean draining;

    public HttpProxyConnection(ProxyContext ctx, HttpSettings settings, StreamSocket client, ClientPeer peer) {
        this.ctx = requireNonNull(ctx, "ctx");
        this.settings = requireNonNull(settings, "settings");
        this.client = requireNonNull(client, "client");
        this.peer = requireNonNull(peer, "peer");
        this.decoder = Http1Decoder.forRequests(settings.limits(), this);
        this.context = requireNonNull(Vertx.currentContext(), "created on an event loop");
        this.counter = new ClientByteCounter(ctx.recorder());
        // [SEC-052]: one budget per direction for the whole connection, from the limits in force when it opened
        BandwidthLimits bandwidth = ctx.gateway().bandwidth();
        this.upload = bandwidth.upload();
        this.download = bandwidth.download();
    }

    @Override
    public void start() {
        client.counter(counter);
        client.bufferHandler(this::onData).inputEndHandler(this::onClientFin).onClose(this::onClosed);
        armTimer(settings.idleTimeout(), false);
        client.resume();
    }

    private void onData(Buffer data) {
        if (exchange == null && !headTimerArmed) {
            armTimer(settings.readTimeout(), true); // first byte of a request: the head deadline starts
        }
        decoder.feed(data);
        if (exchange != null && decoder.bufferedBytes() > MAX_PIPELINED_BYTES && decoder.isPaused()) {
            client.pause();
        }
    }

    private void onClientFin() {
        clientFinished = true;
        decoder.inputEnded();
    }

    // ---- decoder events ----

    @Override
    public void onHead(RequestHead head) {
        cancelTimer();
        decoder.pause();
        requests++;
        RequestInfo info = new RequestInfo(ctx.clock().instant(), System.nanoTime(), peer.requestId(requests),
                peer.ipText(), peer.port(), head.isConnect() ? Protocol.CONNECT : Protocol.HTTP, head.method())
                .userAgent(head.headers().get("user-agent")).referer(head.headers().get("referer"));
        ExchangeScope scope = new ExchangeScope(this, head, info, client.bytesWritten(),
                client.bytesRead() - decoder.bufferedBytes() - head.headBytes());
        if (draining) {
            // [PRX-110] step 3: a new request on a persistent connection during the drain is answered 503
            // shutting_down (Retry-After, Connection: close) and the connection is closed
            info.destination("", 0, null, head.target());
            scope.respondError(ErrorResponse.of(ErrorCode.SHUTTING_DOWN, "server is shutting down, try again later"),
                    false, false);
            return;
        }
        exchange = head.isConnect() ? new ConnectExchange(ctx, scope) : new ForwardExchange(ctx, settings, scope);
        exchange.start();
    }

    @Override
    public void onBody(Buffer data) {
        if (exchange != null) {
            armTimer(settings.readTimeout(), false); // body inactivity bound
            exchange.requestBody(data);
        }
    }

    @Override
    public void onTrailers(MultiMap trailers) {
        if (exchange != null) {
            exchange.requestTrailers(trailers);
        }
    }

    @Override
    public void onMessageEnd() {
        if (exchange != null) {
            cancelTimer();
            exchange.requestEnd();
        } else if (!closed) {
            // The exchange ended before the decoder delivered the end of its bodiless request: a refusal answered
            // on a persistent connection (407 [PRX-091], or [PRX-048] steps 2-8). The decoder pauses itself after
            // every message end, so resume it here, or the client's next request would never be read.
            decoder.resume();
        }
    }

    @Override
    public void onInputEnd() {
        if (exchange == null) {
            close();
        }
    }

    @Override
    public void onError(Http1Error error) {
        cancelTimer();
        if (exchange != null) {
            exchange.requestFailed(error);
            return;
        }
        if (error.kind() == Http1Error.Kind.TRUNCATED) {
            // a client that gave up mid-head gets no answer; once its request line had arrived, the request is
            // recorded all the same ([PRX-011]), as one the client left ([PRX-101])
            if (error.startLine() != null) {
                ExchangeScope scope = malformedRequest(error.startLine());
                scope.info().fail(ErrorCode.CLIENT_CLOSED, error.message());
                scope.record();
            }
            close();
            return;
        }
        malformedRequest(error.startLine()).respondError(RequestLines.errorResponse(error), false, false);
    }

    /** The scope of a request that never got a complete head ({@code startLine} null when even that is missing). */
    private ExchangeScope malformedRequest(String startLine) {
        requests++;
        RequestInfo info = RequestLines.describe(startLine, peer, requests, ctx.clock().instant());
        return new ExchangeScope(this, null, info, client.bytesWritten(), client.bytesRead());
    }

    // ---- called by exchanges ----

    StreamSocket client() {
        return client;
    }

    ClientPeer peer() {
        return peer;
    }

    io.bifrost.adapters.vertx.proxy.TrafficRecorder recorder() {
        return ctx.recorder();
    }

    /** Bytes the client sent after a CONNECT head: tunnel early data ([PRX-053]). */
    Buffer takeEarlyData() {
        return decoder.takeRemaining();
    }

    /** Paces request bodies and tunnel bytes toward the destination ([SEC-052]). */
    Throttle upload() {
        return upload;
    }

    /** Paces response bodies and tunnel bytes toward the client ([SEC-052]). */
    Throttle download() {
        return download;
    }

    UpstreamCache upstreams() {
        return upstreams;
    }

    boolean draining() {
        return draining;
    }

    /**
     * Resumes reading the client and the decoder: the request body may flow now. The body inactivity timer of
     * [PRX-105] runs from here, so a client that announced a body and sends none is timed out too; it is cancelled
     * again when the body ends ({@link #onMessageEnd}).
     */
    void resumeRequestBody() {
        armTimer(settings.readTimeout(), false);
        decoder.resume();
        client.resume();
    }

    /**
     * Stops reading the client (back-pressure toward a slow upstream, or the upload budget). The body inactivity
     * timer stops with it: while Bifrost itself does not read, a pause is not the client's ([PRX-105]).
     */
    void pauseRequestBody() {
        cancelTimer();
        decoder.pause();
        client.pause();
    }

    /** Tracks the connection on its first routed request, else updates it ([SAPI-220]). */
    void routed(RequestInfo info) {
        String route = info.trackedRoute();
        String backend = info.trackedBackend();
        if (tracked == null) {
            tracked = ctx.connections().track(peer.connectionId(), peer.ipText(), peer.port(), peer.acceptedAt(),
                    this::forceClose, new FirstRequest(info.protocol(), info.host(), info.port(), route, backend,
                            info.username()));
            counter.track(tracked, client);
        } else {
            tracked.request(info.protocol(), info.host(), info.port(), route, backend, info.username());
        }
    }

    /** Why the management API asked to close this connection ([SAPI-222]), or {@code null}. */
    ErrorCode requestedCloseReason() {
        return tracked == null ? null : tracked.closeReason();
    }

    /** The socket now belongs to a tunnel: no more HTTP on it. */
    void becameTunnel() {
        cancelTimer();
        upstreams.closeIdle();
    }

    /**
     * The current exchange is over; keep the connection for the next request or close it.
     *
     * @param keepAlive whether the response told the client that the connection stays open ([PRX-030])
     */
    void exchangeDone(boolean keepAlive) {
        exchange = null;
        if (!keepAlive || clientFinished || closed) {
            close();
            return;
        }
        if (draining && !decoder.hasBufferedInput()) {
            close(); // [PRX-110] step 2: idle from now on, so closed at once
            return;
        }
        armTimer(settings.idleTimeout(), false);
        client.resume();
        decoder.resume(); // may start the next, pipelined request right away; during a drain it is answered 503
    }

    void closeAfterError(ErrorCode reason) {
        if (tracked != null && reason != null) {
            ctx.connections().untrack(tracked, reason);
        }
        close();
    }

    // ---- lifecycle ----

    private void armTimer(Duration timeout, boolean head) {
        cancelTimer();
        headTimerArmed = head;
        long ms = Math.max(1, timeout.toMillis());
        timer = ctx.vertx().setTimer(ms, id -> onTimeout(head));
    }

    private void cancelTimer() {
        if (timer >= 0) {
            ctx.vertx().cancelTimer(timer);
            timer = -1;
        }
        headTimerArmed = false;
    }

    private void onTimeout(boolean head) {
        timer = -1;
        if (exchange != null) {
            exchange.requestTimedOut(); // body inactivity
        } else if (head) {
            // [PRX-105]: the head did not complete within read_timeout; recorded once its request line had arrived
            ErrorResponse timedOut = ErrorResponse.badRequest(408, "request head not received in time");
            String startLine = decoder.pendingStartLine();
            if (startLine == null) {
                client.write(timedOut.encode(false, false, false));
                close();
            } else {
                malformedRequest(startLine).respondError(timedOut, false, false);
            }
        } else {
            close(); // keep-alive idle: close silently
        }
    }

    void close() {
        if (!closed) {
            closed = true;
            cancelTimer();
            client.close();
        }
    }

    private void onClosed() {
        closed = true;
        cancelTimer();
        upstreams.closeIdle();
        if (exchange != null) {
            exchange.clientClosed();
        }
        if (tracked != null) {
            ctx.connections().untrack(tracked, null);
        }
        ctx.recorder().connectionClosed();
    }

    @Override
    public void drain() {
        draining = true;
        context.runOnContext(v -> {
            // [PRX-110] step 2: an idle connection closes now; a request in progress finishes with Connection: close,
            // and one whose head is arriving is answered 503 shutting_down (onHead)
            if (exchange == null && !headTimerArmed) {
                close();
            }
        });
    }

    @Override
    public void forceClose() {
        context.runOnContext(v -> close());
    }

    /** One request on this connection, as the connection drives it. */
    interface Exchange {
        void start();

        void requestBody(Buffer data);

        void requestTrailers(MultiMap trailers);

        void requestEnd();

        void requestFailed(Http1Error error);

        void requestTimedOut();

        void clientClosed();
    }
}
