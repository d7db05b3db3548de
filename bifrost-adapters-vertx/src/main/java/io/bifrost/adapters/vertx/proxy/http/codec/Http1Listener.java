package io.bifrost.adapters.vertx.proxy.http.codec;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;

/**
 * Receives the events of one {@link Http1Decoder}, on the thread that calls the decoder.
 *
 * <p>Per message the order is: {@code onHead}, zero or more {@code onBody}, at most one {@code onTrailers} (chunked
 * only), {@code onMessageEnd}. An informational response head ({@link ResponseHead#isInformational()}) is followed
 * directly by the next head of the same exchange, without {@code onMessageEnd}. After {@code onMessageEnd} the
 * decoder is paused until {@link Http1Decoder#resume()}. {@code onError} and {@code onInputEnd} are final.
 *
 * <p>Callbacks may call {@link Http1Decoder#pause()}, {@link Http1Decoder#resume()}, {@link Http1Decoder#feed} and
 * {@link Http1Decoder#takeRemaining()}; the decoder honours a pause as soon as the callback returns.
 */
public interface Http1Listener<H extends Http1Head> {

    /** A complete head. Pause here to hold the body back, e.g. while the upstream is being dialed. */
    void onHead(H head);

    /**
     * The next piece of the decoded body (chunked framing removed), never empty. It may share memory with a fed
     * buffer: treat it as read-only. A chunk may arrive in several pieces.
     */
    void onBody(Buffer data);

    /** The trailer section of a chunked body, only when it has at least one field; same map rules as headers. */
    void onTrailers(MultiMap trailers);

    /** The message is complete. The decoder is now paused; buffered bytes wait for {@link Http1Decoder#resume()}. */
    void onMessageEnd();

    /** The peer closed its sending direction between messages (nothing of a next message had arrived). */
    void onInputEnd();

    /** The input is not acceptable, or ended inside a message. The decoder is dead. */
    void onError(Http1Error error);
}
