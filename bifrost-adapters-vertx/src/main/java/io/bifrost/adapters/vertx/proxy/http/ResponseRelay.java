package io.bifrost.adapters.vertx.proxy.http;

import static java.util.Objects.requireNonNull;

import io.bifrost.adapters.vertx.net.StreamSocket;
import io.bifrost.adapters.vertx.net.Tunnel;
import io.bifrost.adapters.vertx.proxy.http.codec.BodyFraming;
import io.bifrost.adapters.vertx.proxy.http.codec.Http1Decoder;
import io.bifrost.adapters.vertx.proxy.http.codec.Http1Encoder;
import io.bifrost.adapters.vertx.proxy.http.codec.Http1Error;
import io.bifrost.adapters.vertx.proxy.http.codec.Http1Listener;
import io.bifrost.adapters.vertx.proxy.http.codec.Http1Version;
import io.bifrost.adapters.vertx.proxy.http.codec.ResponseHead;
import io.bifrost.core.traffic.ErrorCode;
import io.netty.buffer.ByteBuf;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.util.Set;

/**
 * Streams one upstream response back to the client ([PRX-042]-[PRX-047]): hop-by-hop fields replaced by this hop's
 * framing, {@code Via} appended, interim responses relayed to HTTP/1.1 clients, the body streamed with back-pressure
 * (a slow client pauses the upstream; a write that stalls longer than {@code write_timeout} ends both) and paced by
 * the connection's download budget ([SEC-052]). Framing
 * toward the client: the upstream's {@code Content-Length} when it sent one, else chunked for HTTP/1.1 clients and
 * close-delimited for HTTP/1.0 clients.
 */
final class ResponseRelay implements Http1Listener<ResponseHead> {
    private final ForwardExchange exchange;
    private final ExchangeScope scope;
    private final HttpSettings settings;
    private final StreamSocket upstream;
    private final StreamSocket client;
    private final Vertx vertx;
    private Http1Decoder<ResponseHead> decoder;
    private boolean anyBytes;
    private boolean started;
    private boolean complete;
    private boolean chunkedToClient;
    private boolean keepClientAlive;
    private boolean upstreamReusable;
    private MultiMap trailers;
    private long stallTimer = -1;
    private final Runnable budgetRestored = this::budgetRestored;
    private boolean writeBlocked;
    private boolean throttled;
    /** Body bytes still to move after {@link #handOverBody()}; -1 while the decoder reads the body. */
    private long rawBodyLeft = -1;

    ResponseRelay(ForwardExchange exchange, ExchangeScope scope, HttpSettings settings, StreamSocket upstream,
            Vertx vertx) {
        this.exchange = requireNonNull(exchange, "exchange");
        this.scope = requireNonNull(scope, "scope");
        this.settings = requireNonNull(settings, "settings");
        this.upstream = requireNonNull(upstream, "upstream");
        this.client = scope.connection().client();
        this.vertx = requireNonNull(vertx, "vertx");
    }

    void start(String method) {
        decoder = Http1Decoder.forResponses(settings.limits(), this);
        decoder.expectResponseTo(method);
        upstream.bufferHandler(this::fromUpstream);
        upstream.inputEndHandler(decoder::inputEnded);
        upstream.closeHandler(this::upstreamClosed);
        upstream.resume();
    }

    private void fromUpstream(Buffer data) {
        anyBytes = true;
        decoder.feed(data);
    }

    boolean started() {
        return started;
    }

    boolean complete() {
        return complete;
    }

    boolean keepClientAlive() {
        return keepClientAlive;
    }

    boolean upstreamReusable() {
        return upstreamReusable;
    }

    @Override
    public void onHead(ResponseHead response) {
        if (response.isInformational()) {
            if (!scope.http10()) { // [PRX-044]: relayed to HTTP/1.1 clients, dropped for HTTP/1.0 clients
                MultiMap headers = response.headers();
                HopByHop.stripResponse(headers);
                client.write(Http1Encoder.responseHead(Http1Version.HTTP_1_1, response.status(), response.reason(),
                        headers));
            }
            return;
        }
        if (response.status() == 101) { // we never forward Upgrade ([PRX-046]), so a switch is a protocol violation
            onError(new Http1Error(Http1Error.Kind.MALFORMED, "unexpected 101 Switching Protocols", null));
            return;
        }
        started = true;
        writeHead(response);
    }

    private void writeHead(ResponseHead response) {
        MultiMap headers = response.headers();
        Set<String> upstreamTokens = HopByHop.connectionTokens(headers);
        BodyFraming framing = response.framing();
        boolean bodyless = framing.type() == BodyFraming.Type.NONE;
        boolean lengthKnown = framing.type() == BodyFraming.Type.CONTENT_LENGTH;
        chunkedToClient = !bodyless && !lengthKnown && !scope.http10();
        boolean closeDelimited = !bodyless && !lengthKnown && scope.http10();
        keepClientAlive = scope.clientWantsKeepAlive() && !closeDelimited && !scope.connection().draining();
        upstreamReusable = framing.type() != BodyFraming.Type.CLOSE_DELIMITED && !upstreamTokens.contains("close")
                && (response.version() == Http1Version.HTTP_1_1 || upstreamTokens.contains("keep-alive"));
        HopByHop.stripResponse(headers);
        HopByHop.appendVia(headers, response.version() == Http1Version.HTTP_1_0 ? "1.0" : "1.1");
        if (chunkedToClient) {
            headers.set("Transfer-Encoding", "chunked");
        }
        if (!keepClientAlive) {
            headers.set("Connection", "close");
        } else if (scope.http10()) {
            headers.set("Connection", "keep-alive");
        }
        Http1Version version = scope.http10() ? Http1Version.HTTP_1_0 : Http1Version.HTTP_1_1;
        client.write(Http1Encoder.responseHead(version, response.status(), response.reason(), headers));
        scope.info().status(response.status());
        handOverBody();
    }

    @Override
    public void onBody(Buffer data) {
        client.write(chunkedToClient ? Http1Encoder.chunk(data) : data);
        bodyWritten(data.length());
        handOverBody();
    }

    /**
     * A {@code Content-Length} body relayed unchanged needs no decoding: once the decoder has delivered what it held,
     * the rest moves as the transport's buffers from socket to socket, in large reads, without the two copies through
     * the heap that decoding costs (the same path as a tunnel's, {@link Tunnel}). Framing and accounting are unchanged.
     */
    private void handOverBody() {
        if (chunkedToClient || rawBodyLeft >= 0) {
            return;
        }
        long rest = decoder.handOverFixedBody();
        if (rest <= 0) {
            return;
        }
        rawBodyLeft = rest;
        if (!scope.connection().download().paces()) {
            upstream.largeReads(Tunnel.LARGEST_READ); // a paced body keeps small reads, as a paced tunnel does
        }
        upstream.rawHandler(this::onRawBody);
    }

    private void onRawBody(ByteBuf buf) {
        int n = buf.readableBytes();
        Buffer after = null;
        if (n > rawBodyLeft) { // bytes after the response: the decoder gets them, so the upstream is not reused
            int body = (int) rawBodyLeft;
            byte[] extra = new byte[n - body];
            buf.getBytes(buf.readerIndex() + body, extra);
            buf.writerIndex(buf.readerIndex() + body);
            after = Buffer.buffer(extra);
            n = body;
        }
        rawBodyLeft -= n;
        client.write(buf);
        bodyWritten(n);
        if (rawBodyLeft == 0) {
            upstream.normalReads().bufferHandler(this::fromUpstream);
            if (after != null) {
                decoder.feed(after);
            }
            decoder.handedOverBodyEnded();
        }
    }

    /** Back-pressure and pacing after writing {@code n} body bytes to the client. */
    private void bodyWritten(int n) {
        if (scope.connection().download().consume(n, budgetRestored) && !throttled) { // [SEC-052]
            throttled = true;
            decoder.pause();
            upstream.pause();
        }
        if (!writeBlocked && client.writeQueueFull()) {
            writeBlocked = true;
            decoder.pause();
            upstream.pause();
            stallTimer = vertx.setTimer(Math.max(1, settings.writeTimeout().toMillis()),
                    id -> exchange.abort(null, ErrorCode.CLIENT_CLOSED)); // [PRX-105]: client write stall
            client.drainHandler(() -> {
                client.drainHandler(null);
                vertx.cancelTimer(stallTimer);
                writeBlocked = false;
                resumeIfFree();
            });
        }
    }

    private void budgetRestored() {
        throttled = false;
        resumeIfFree();
    }

    /** Reading resumes only when neither the client's write queue nor the download budget holds it. */
    private void resumeIfFree() {
        if (!writeBlocked && !throttled && !exchange.finished()) { // a budget timer may outlive an aborted exchange
            upstream.resume();
            decoder.resume();
        }
    }

    @Override
    public void onTrailers(MultiMap trailers) {
        this.trailers = trailers;
    }

    @Override
    public void onMessageEnd() {
        if (chunkedToClient) {
            client.write(Http1Encoder.lastChunk(trailers == null ? MultiMap.caseInsensitiveMultiMap() : trailers));
        }
        complete = true;
        upstream.closeHandler(null);
        exchange.responseComplete(keepClientAlive, upstreamReusable && !decoder.hasBufferedInput());
    }

    @Override
    public void onInputEnd() {
        // the upstream closed before any response head
        failBeforeHead("upstream closed the connection without a response");
    }

    @Override
    public void onError(Http1Error error) {
        if (started) {
            exchange.abort(null, ErrorCode.UPSTREAM_RESPONSE_INVALID); // [PRX-047]: never fabricate a body's end
        } else {
            failBeforeHead(error.kind() == Http1Error.Kind.TRUNCATED
                    ? "upstream closed the connection without a complete response"
                    : "invalid response from upstream: " + error.message());
        }
    }

    private void failBeforeHead(String message) {
        if (!anyBytes && exchange.mayRetry()) {
            upstream.close();
            exchange.retryOnFreshConnection(); // [PRX-033]: a reused connection the origin had already closed
            return;
        }
        exchange.abort(ErrorResponse.of(ErrorCode.UPSTREAM_RESPONSE_INVALID, message + " for \""
                + scope.info().host() + "\""), ErrorCode.UPSTREAM_RESPONSE_INVALID);
    }

    private void upstreamClosed() {
        if (stallTimer >= 0) {
            vertx.cancelTimer(stallTimer);
        }
        if (!complete && !upstream.inputEnded()) { // a reset, not a FIN: the decoder never heard the end
            decoder.inputEnded();
        }
    }
}
