package io.bifrost.adapters.vertx.dial.handshake;

import io.vertx.core.buffer.Buffer;

/**
 * A client handshake with an upstream proxy as a state machine over bytes: {@link #start()} gives the first bytes to
 * write, then every read is {@link #feed fed} until a step is {@code Established} or {@code Failed}. Owns no
 * socket; {@link UpstreamHandshakeDriver} runs one on a Vert.x {@code NetSocket}.
 *
 * <p>Byte accounting ([GEN-006]): {@link #bytesWritten()} and {@link #bytesRead()} count handshake bytes only;
 * {@link HandshakeResult#leftover()} bytes are tunnel bytes for the caller to count.
 *
 * <p>Implementations are not thread-safe: use one from a single thread (the socket's event loop). Never blocks.
 */
public sealed interface UpstreamHandshake permits HttpConnectClientHandshake, Socks5ClientHandshake {

    /**
     * The bytes to write first.
     *
     * @throws IllegalStateException when called twice
     */
    Buffer start();

    /**
     * Feeds bytes read from the upstream.
     *
     * @throws IllegalStateException before {@link #start()} or after an {@code Established} / {@code Failed} step
     */
    UpstreamHandshakeStep feed(Buffer data);

    /**
     * The failure to report when the connection ends or fails before the handshake completed.
     *
     * @param cause the I/O error, or null when the upstream simply closed the connection
     */
    UpstreamHandshakeException connectionLost(Throwable cause);

    /** Handshake bytes written so far (all of {@link #start()} and of every {@code Continue}). */
    long bytesWritten();

    /** Handshake bytes consumed from the upstream so far (leftover tunnel bytes excluded). */
    long bytesRead();
}
