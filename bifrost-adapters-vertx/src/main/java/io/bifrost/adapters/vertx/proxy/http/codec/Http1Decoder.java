package io.bifrost.adapters.vertx.proxy.http.codec;

import static java.util.Objects.requireNonNull;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;

/**
 * An incremental push decoder of HTTP/1.1 messages (RFC 9112) for one direction of one connection.
 *
 * <p><b>Threading:</b> not thread-safe; use it from one thread (the connection's event loop). It never blocks.
 *
 * <p><b>Input:</b> {@link #feed} buffers as they arrive, split anywhere. The decoder keeps references to unread
 * buffers, so the caller must not modify a buffer after feeding it. Bad input never throws: it is reported once via
 * {@link Http1Listener#onError}, after which the decoder is dead and ignores further input.
 *
 * <p><b>One message at a time:</b> after {@link Http1Listener#onMessageEnd} the decoder is paused and keeps any
 * further bytes (a pipelined request, [PRX-032]) until {@link #resume()}, which decodes them at once. {@link
 * #pause()} stops event delivery at any point (e.g. when the downstream write queue is full, [PRX-042]); bytes fed
 * while paused are only appended, so the caller should pause its socket too. Body bytes are delivered as they arrive,
 * as slices of the fed buffers: memory held is the unread input plus at most one line (bounded by {@link
 * Http1Limits}).
 *
 * <p><b>End of the HTTP stream:</b> a {@code CONNECT} request ends with its head; the following bytes are left for
 * {@link #takeRemaining()} (tunnel early data, [PRX-053]) or, if the caller refuses the tunnel and keeps the
 * connection ([PRX-051], 407), decoded as the next request after {@code resume()}. A {@code 101} response, or a 2xx
 * response to {@code CONNECT} ({@link #expectResponseTo}), switches the stream to raw for good ({@link #isRaw()}).
 */
public final class Http1Decoder<H extends Http1Head> {

    /** RFC 9112 §2.2 asks to ignore "at least one" empty line before a request line; a few are plenty. */
    private static final int MAX_EMPTY_LINES_BEFORE_START = 8;

    private static final String TRUNCATED_HEAD = "connection closed inside the message head";
    private static final String TRUNCATED_BODY = "connection closed inside the message body";

    private enum State {
        START_LINE, FIELDS, END_PENDING, FIXED_BODY, BODY_HANDED_OVER, CHUNKED_BODY, UNTIL_CLOSE, RAW, ENDED, DEAD
    }

    private final boolean requests;
    private final Http1Limits limits;
    private final Http1Listener<? super H> listener;
    private final InputQueue input = new InputQueue();
    private final LineReader lines = new LineReader();
    private final HeadBuilder head;
    private State state = State.START_LINE;
    private ChunkedBody chunked;
    private long remaining;
    private int emptyLines;
    private boolean rawAfterEnd;
    private String requestMethod;
    private boolean paused;
    private boolean inputEnded;
    private boolean running;

    private Http1Decoder(boolean requests, Http1Limits limits, Http1Listener<? super H> listener) {
        this.requests = requests;
        this.limits = requireNonNull(limits, "limits");
        this.listener = requireNonNull(listener, "listener");
        this.head = new HeadBuilder(requests, limits);
    }

    /** A decoder of the requests a client sends to the proxy. */
    public static Http1Decoder<RequestHead> forRequests(
            Http1Limits limits, Http1Listener<? super RequestHead> listener) {
        return new Http1Decoder<>(true, limits, listener);
    }

    /** A decoder of the responses an upstream sends; tell it each request's method with {@link #expectResponseTo}. */
    public static Http1Decoder<ResponseHead> forResponses(
            Http1Limits limits, Http1Listener<? super ResponseHead> listener) {
        return new Http1Decoder<>(false, limits, listener);
    }

    /** Decodes as far as possible (nothing while paused). Ignored once the decoder failed. */
    public void feed(Buffer data) {
        requireNonNull(data, "data");
        if (state == State.DEAD) {
            return;
        }
        if (inputEnded) {
            throw new IllegalStateException("feed: after inputEnded() (expected: no input after the peer's FIN)");
        }
        input.append(data);
        run();
    }

    /**
     * The peer ended its sending direction. Once the buffered input is decoded this completes a close-delimited
     * response ({@code onMessageEnd}), reports {@code onInputEnd} at a message boundary, or reports a {@link
     * Http1Error.Kind#TRUNCATED} error inside a message. While paused, the outcome waits for {@link #resume()}.
     */
    public void inputEnded() {
        if (!inputEnded) {
            inputEnded = true;
            run();
        }
    }

    /**
     * Responses only: the method of the request the next response answers. {@code HEAD} responses have no body, and
     * a 2xx response to {@code CONNECT} ends the HTTP stream (RFC 9112 §6.3, [PRX-043]). It applies until that
     * request's final response ends; without it a response is framed by its own fields.
     */
    public void expectResponseTo(String method) {
        requireNonNull(method, "method");
        if (requests) {
            throw new IllegalStateException("expectResponseTo: on a request decoder (expected: forResponses())");
        }
        requestMethod = method;
    }

    /** Stops event delivery as soon as the current callback (if any) returns; input is kept. */
    public void pause() {
        paused = true;
    }

    /** Continues after {@link #pause()} or a message end, decoding buffered input at once. */
    public void resume() {
        if (state == State.RAW) {
            throw new IllegalStateException("resume: the stream switched protocols (expected: takeRemaining())");
        }
        paused = false;
        run();
    }

    public boolean isPaused() {
        return paused;
    }

    /** True after a {@code 101} response or a 2xx response to {@code CONNECT}: the rest of the stream is not HTTP. */
    public boolean isRaw() {
        return state == State.RAW;
    }

    /**
     * Removes and returns every byte received but not decoded: tunnel early data after a {@code CONNECT} head
     * ([PRX-053]), the raw stream after a {@code 101}, or a pipelined request the caller will not decode. Only at a
     * message boundary: after the head of a message without body (even if paused before its {@code onMessageEnd})
     * or after {@code onMessageEnd}, and before the next head. Returns an empty buffer if nothing is buffered.
     *
     * @throws IllegalStateException inside a message body or head
     */
    public Buffer takeRemaining() {
        if (state != State.START_LINE && state != State.END_PENDING && state != State.RAW && state != State.ENDED
                && state != State.DEAD) {
            throw new IllegalStateException("takeRemaining: inside a message (expected: after onMessageEnd)");
        }
        Buffer taken = lines.pending() > 0 ? lines.drainPending().appendBuffer(input.drain()) : input.drain();
        head.reset();
        emptyLines = 0;
        return taken;
    }

    /**
     * The start line of the message being decoded when it is complete but the head is not ({@code null} otherwise):
     * a request whose head times out after its request line arrived is still recorded ([PRX-011]).
     */
    public String pendingStartLine() {
        return state == State.FIELDS ? head.startLine() : null;
    }

    /**
     * Lets the caller move the rest of a {@code Content-Length} body itself, straight from socket to socket without
     * decoding it: possible inside such a body once every byte fed so far was delivered, before the peer's FIN, and
     * not for a body that ends with a switch to raw. Returns how many body bytes are still to come, or -1 when a hand
     * over is not possible now (then nothing changes). After a hand over the decoder sends no events and holds what
     * it is fed, until {@link #handedOverBodyEnded()}; a FIN before that ({@link #inputEnded()}) is a truncated body,
     * reported to {@link Http1Listener#onError} as it would be without the hand over.
     */
    public long handOverFixedBody() {
        if (state != State.FIXED_BODY || remaining <= 0 || !input.isEmpty() || lines.pending() > 0 || inputEnded
                || rawAfterEnd) {
            return -1;
        }
        state = State.BODY_HANDED_OVER;
        long rest = remaining;
        remaining = 0;
        return rest;
    }

    /**
     * The caller has moved the whole handed over body: the message ends ({@link Http1Listener#onMessageEnd}) as if
     * the decoder had read the body itself. Bytes fed meanwhile are what followed the body.
     */
    public void handedOverBodyEnded() {
        if (state != State.BODY_HANDED_OVER) {
            throw new IllegalStateException("handedOverBodyEnded: no body handed over (expected: handOverFixedBody())");
        }
        state = State.END_PENDING;
        run();
    }

    public boolean hasBufferedInput() {
        return bufferedBytes() > 0;
    }

    /** Bytes held by the decoder: unread input plus an unfinished line. */
    public long bufferedBytes() {
        return input.size() + lines.pending();
    }

    private void run() {
        if (running) {
            return;  // called from a callback: the loop below picks up the change when the callback returns
        }
        running = true;
        try {
            while (!paused && step()) {
                // each step consumes input or emits one event
            }
        } catch (DecodeException e) {
            fail(e.error());
        } finally {
            running = false;
        }
    }

    private boolean step() {
        return switch (state) {
            case START_LINE -> readStartLine();
            case FIELDS -> readFieldLine();
            case END_PENDING -> finishMessage();
            case FIXED_BODY -> readFixedBody();
            case BODY_HANDED_OVER -> endOfInput(TRUNCATED_BODY); // the caller moves the body; only a FIN matters here
            case CHUNKED_BODY -> readChunkedBody();
            case UNTIL_CLOSE -> readUntilClose();
            case RAW, ENDED, DEAD -> false;
        };
    }

    private boolean readStartLine() {
        String line = requests
                ? lines.read(input, limits.maxRequestLineBytes(), Http1Error.Kind.URI_TOO_LONG, "request line too long")
                : lines.read(input, limits.maxHeaderSectionBytes(), Http1Error.Kind.HEADER_FIELDS_TOO_LARGE,
                        "status line too long");
        if (line == null) {
            return endOfInput(lines.pending() == 0 ? null : TRUNCATED_HEAD);
        }
        if (line.isEmpty()) {
            if (++emptyLines > MAX_EMPTY_LINES_BEFORE_START) {
                throw DecodeException.malformed("too many empty lines before the start line");
            }
            head.skippedLine(lines.lastRawLength());
            return true;
        }
        head.startLine(line, lines.lastRawLength());
        state = State.FIELDS;
        return true;
    }

    private boolean readFieldLine() {
        FieldSection section = head.fields();
        String line = lines.read(input, section.lineBudget(), Http1Error.Kind.HEADER_FIELDS_TOO_LARGE,
                section.tooLargeMessage());
        if (line == null) {
            return endOfInput(TRUNCATED_HEAD);
        }
        if (!line.isEmpty()) {
            head.fieldLine(line, lines.lastRawLength());
            return true;
        }
        completeHead(head.finish(lines.lastRawLength(), requestMethod));
        return true;
    }

    private void completeHead(Http1Head complete) {
        emptyLines = 0;
        if (complete instanceof ResponseHead response && response.isInformational()) {
            head.reset();
            state = State.START_LINE;  // the final response follows without resume() (RFC 9110 §15.2)
        } else {
            rawAfterEnd = complete instanceof ResponseHead response
                    && (response.status() == 101 || "CONNECT".equals(requestMethod) && response.status() / 100 == 2);
            state = bodyState(complete.framing());
        }
        @SuppressWarnings("unchecked") // forRequests/forResponses tie H to what HeadBuilder builds
        H typed = (H) complete;
        listener.onHead(typed);
    }

    private State bodyState(BodyFraming framing) {
        return switch (framing.type()) {
            case NONE -> State.END_PENDING;
            case CONTENT_LENGTH -> {
                remaining = framing.length();
                yield remaining == 0 ? State.END_PENDING : State.FIXED_BODY;
            }
            case CHUNKED -> {
                chunked = new ChunkedBody(limits);
                yield State.CHUNKED_BODY;
            }
            case CLOSE_DELIMITED -> State.UNTIL_CLOSE;
        };
    }

    private boolean readFixedBody() {
        if (remaining == 0) {
            return finishMessage();
        }
        if (input.isEmpty()) {
            return endOfInput(TRUNCATED_BODY);
        }
        Buffer data = input.readSlice(remaining);
        remaining -= data.length();
        listener.onBody(data);
        return true;
    }

    private boolean readChunkedBody() {
        switch (chunked.advance(input, lines)) {
            case DATA -> listener.onBody(chunked.data());
            case END -> {
                MultiMap trailers = chunked.trailers();
                chunked = null;
                state = State.END_PENDING;
                if (!trailers.isEmpty()) {
                    listener.onTrailers(trailers);
                }
            }
            case NEEDS_INPUT -> {
                return endOfInput(TRUNCATED_BODY);
            }
        }
        return true;
    }

    private boolean readUntilClose() {
        if (!input.isEmpty()) {
            listener.onBody(input.readSlice(Long.MAX_VALUE));
            return true;
        }
        return inputEnded && finishMessage();  // RFC 9112 §6.3 rule 8: the close ends the body
    }

    private boolean finishMessage() {
        state = rawAfterEnd ? State.RAW : State.START_LINE;
        rawAfterEnd = false;
        paused = true;
        if (!requests) {
            requestMethod = null;
        }
        head.reset();
        lines.clear();
        listener.onMessageEnd();
        return true;
    }

    /**
     * Called when the input ran out. Without the peer's FIN, waits for more. With it: a clean end when {@code
     * truncated} is null (a message boundary), else an error with that message.
     */
    private boolean endOfInput(String truncated) {
        if (!inputEnded) {
            return false;
        }
        if (truncated != null) {
            throw DecodeException.of(Http1Error.Kind.TRUNCATED, truncated);
        }
        state = State.ENDED;
        listener.onInputEnd();
        return false;
    }

    private void fail(Http1Error error) {
        state = State.DEAD;
        input.clear();
        lines.clear();
        String startLine = head.startLine();
        listener.onError(error.startLine() == null && startLine != null ? error.withStartLine(startLine) : error);
    }
}
