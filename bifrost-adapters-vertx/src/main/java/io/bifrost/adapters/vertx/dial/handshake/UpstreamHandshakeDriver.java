package io.bifrost.adapters.vertx.dial.handshake;

import static java.util.Objects.requireNonNull;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetSocket;

/**
 * Runs an {@link UpstreamHandshake} on an already-connected {@link NetSocket} to the upstream proxy.
 *
 * <p>On success the socket is left <b>paused</b> with its data, end, close and exception handlers cleared, so that
 * nothing the upstream sends later is lost before the caller attaches its relay: the caller delivers
 * {@link HandshakeResult#leftover()} first, then sets its handlers and resumes (or pipes) the socket. A close that
 * happens meanwhile still reaches a later {@code endHandler}, which is queued like data while paused. On failure the
 * socket is closed and the future fails with an {@link UpstreamHandshakeException} (or, for a bug in a handshake,
 * the exception it threw).
 *
 * <p>There is no timeout here: the caller bounds the whole dial ([PRX-105] upstream connect). Call {@link #run} on the
 * socket's context (e.g. inside the connect future's {@code compose}); the returned future completes there.
 */
public final class UpstreamHandshakeDriver {

    private UpstreamHandshakeDriver() {}

    /** Starts {@code handshake} on {@code socket} (which must not have been given to another reader). */
    public static Future<HandshakeResult> run(NetSocket socket, UpstreamHandshake handshake) {
        requireNonNull(socket, "socket");
        requireNonNull(handshake, "handshake");
        return new Run(socket, handshake).start();
    }

    /** One handshake on one socket; all callbacks run on the socket's context. */
    private static final class Run {
        private final NetSocket socket;
        private final UpstreamHandshake handshake;
        private final Promise<HandshakeResult> promise = Promise.promise();

        Run(NetSocket socket, UpstreamHandshake handshake) {
            this.socket = socket;
            this.handshake = handshake;
        }

        Future<HandshakeResult> start() {
            Buffer first = handshake.start();
            socket.handler(this::onData);
            socket.exceptionHandler(this::onLost);
            socket.endHandler(ignored -> onLost(null));
            socket.closeHandler(ignored -> onLost(null));
            write(first);
            socket.resume();                             // the caller may have handed it over paused
            return promise.future();
        }

        private void onData(Buffer data) {
            if (promise.future().isComplete()) {
                return;
            }
            UpstreamHandshakeStep step;
            try {
                step = handshake.feed(data);
            } catch (RuntimeException bug) {
                fail(bug);
                return;
            }
            if (step instanceof UpstreamHandshakeStep.Continue next) {
                write(next.toWrite());
            } else if (step instanceof UpstreamHandshakeStep.Established established) {
                write(established.toWrite());
                succeed(established.result());
            } else if (step instanceof UpstreamHandshakeStep.Failed failed) {
                fail(failed.failure());
            }
        }

        private void write(Buffer bytes) {
            if (bytes.length() > 0) {
                socket.write(bytes).onFailure(this::onLost);
            }
        }

        /** {@code cause} is null for a plain close or end of stream. */
        private void onLost(Throwable cause) {
            if (!promise.future().isComplete()) {
                fail(handshake.connectionLost(cause));
            }
        }

        private void succeed(HandshakeResult result) {
            socket.pause();                              // first: later reads queue up instead of meeting no handler
            detach();
            promise.complete(result);
        }

        private void fail(Throwable failure) {
            if (promise.future().isComplete()) {
                return;                                  // e.g. the close that follows our own close
            }
            detach();
            socket.close();
            promise.fail(failure);
        }

        private void detach() {
            socket.handler(null);
            socket.exceptionHandler(null);
            socket.endHandler(null);
            socket.closeHandler(null);
        }
    }
}
