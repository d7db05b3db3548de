package io.bifrost.adapters.vertx.net;

import static java.util.Objects.requireNonNull;

import io.netty.buffer.ByteBuf;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;

/**
 * An opaque byte relay between a client socket and an upstream socket ([PRX-055]-[PRX-057]): bytes are copied both
 * ways unchanged and without copying them in memory, with back-pressure (a slow reader pauses the other side instead
 * of growing buffers), and a FIN from one side becomes a FIN toward the other while the opposite direction keeps
 * flowing. The tunnel ends when both directions have ended, or at once when either socket closes or fails; then
 * both sockets are closed. Not thread-safe: both sockets live on one event loop.
 */
public final class Tunnel {
    private final StreamSocket client;
    private final StreamSocket upstream;
    private final Promise<Void> done = Promise.promise();
    private int directionsEnded;
    private boolean finishing;

    private Tunnel(StreamSocket client, StreamSocket upstream) {
        this.client = requireNonNull(client, "client");
        this.upstream = requireNonNull(upstream, "upstream");
    }

    /**
     * Starts relaying. {@code clientEarly} is written to the upstream first (client bytes that arrived with the
     * request, [PRX-053]); {@code upstreamEarly} to the client first (bytes the upstream sent before the tunnel was
     * up, [PRX-054]). Both sockets must be paused; this resumes them.
     *
     * @return completes when the tunnel has ended and both sockets are closed
     */
    public static Future<Void> start(StreamSocket client, StreamSocket upstream, Buffer clientEarly,
            Buffer upstreamEarly) {
        Tunnel t = new Tunnel(client, upstream);
        t.relay(client, upstream, clientEarly);
        t.relay(upstream, client, upstreamEarly);
        client.onClose(t::finish);
        upstream.onClose(t::finish);
        client.exceptionHandler(e -> t.finish());
        upstream.exceptionHandler(e -> t.finish());
        client.resume();
        upstream.resume();
        return t.done.future();
    }

    private void relay(StreamSocket from, StreamSocket to, Buffer early) {
        if (early != null && early.length() > 0) {
            to.write(early);
        }
        from.rawHandler(buf -> forward(buf, from, to));
        from.inputEndHandler(() -> to.shutdownOutput().onComplete(ar -> directionEnded()));
        if (from.inputEnded()) { // FIN arrived before the tunnel started (early data then EOF)
            to.shutdownOutput().onComplete(ar -> directionEnded());
        }
    }

    private static void forward(ByteBuf buf, StreamSocket from, StreamSocket to) {
        to.write(buf);
        if (to.writeQueueFull()) {
            from.pause();
            to.drainHandler(() -> {
                to.drainHandler(null);
                from.resume();
            });
        }
    }

    private void directionEnded() {
        if (++directionsEnded == 2) {
            finish();
        }
    }

    private void finish() {
        if (finishing) {
            return;
        }
        finishing = true;
        Future.join(client.close(), upstream.close()).onComplete(ar -> done.tryComplete());
    }
}
