package io.bifrost.adapters.vertx.net;

import static java.util.Objects.requireNonNull;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.AdaptiveRecvByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.RecvByteBufAllocator;
import io.netty.channel.socket.DuplexChannel;
import io.netty.util.ReferenceCountUtil;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.buffer.BufferInternal;
import io.vertx.core.internal.net.NetSocketInternal;
import io.vertx.core.net.NetSocket;
import io.vertx.core.net.SocketAddress;
import java.util.function.Consumer;

/**
 * A TCP socket of the data path: a Vert.x {@link NetSocket} with TCP half-close ([PRX-056]), byte counting of
 * everything read and written ([GEN-006]), and two reading modes:
 *
 * <ul>
 *   <li><b>buffer mode</b> for protocol parsing: each read arrives as a heap {@link Buffer} that the reader may keep;
 *   <li><b>raw mode</b> for tunnels: each read arrives as the Netty {@link ByteBuf} the transport filled, whose
 *       ownership passes to the reader (it writes it to the other socket without a copy, or releases it).
 * </ul>
 *
 * <p>The peer's FIN arrives in order after its last bytes ({@link #inputEndHandler}). Not thread-safe: every method
 * runs on the socket's event loop, as Vert.x guarantees for its handlers.
 */
public final class StreamSocket {
    private final NetSocketInternal socket;
    private final Channel channel;
    private Consumer<Buffer> bufferHandler;
    private Consumer<ByteBuf> rawHandler;
    private Runnable inputEndHandler = () -> {};
    private final java.util.List<Runnable> closeListeners = new java.util.ArrayList<>(2);
    private boolean closed;
    private Runnable ownerCloseHandler;
    private ByteCounter counter = ByteCounter.NONE;
    private long bytesRead;
    private long bytesWritten;
    private boolean inputEnded;
    private boolean outputShutdown;
    private RecvByteBufAllocator normalReads;

    private StreamSocket(NetSocketInternal socket) {
        this.socket = socket;
        this.channel = socket.channelHandlerContext().channel();
    }

    /**
     * Takes over a connected socket: enables half-closure and routes every later read through this object. Bytes
     * that a paused socket has already queued are delivered too, in order. Call on the socket's event loop.
     */
    public static StreamSocket wrap(NetSocket netSocket) {
        NetSocketInternal internal = (NetSocketInternal) requireNonNull(netSocket, "netSocket");
        StreamSocket s = new StreamSocket(internal);
        s.channel.config().setOption(ChannelOption.ALLOW_HALF_CLOSURE, true);
        if (s.channel.pipeline().get(InputShutdownRelay.class) == null) {
            s.channel.pipeline().addBefore("handler", "bifrost-input-shutdown", new InputShutdownRelay());
        }
        internal.messageHandler(s::onMessage);
        internal.closeHandler(v -> s.onClosed());
        return s;
    }

    private void onMessage(Object msg) {
        if (msg == InputShutdownRelay.INPUT_SHUTDOWN) {
            inputEnded = true;
            inputEndHandler.run();
        } else if (msg instanceof ByteBuf buf) {
            onBytes(buf);
        } else if (msg instanceof Buffer buffer) { // queued by Vert.x before wrap(): already a heap copy
            onBytes(((BufferInternal) buffer).getByteBuf());
        } else {
            ReferenceCountUtil.release(msg);
        }
    }

    private void onBytes(ByteBuf buf) {
        int n = buf.readableBytes();
        if (n == 0) {
            buf.release();
            return;
        }
        bytesRead += n;
        counter.read(n);
        if (rawHandler != null) {
            rawHandler.accept(buf);
        } else if (bufferHandler != null) {
            ByteBuf copy = Unpooled.buffer(n, n).writeBytes(buf);
            buf.release();
            bufferHandler.accept(BufferInternal.buffer(copy));
        } else {
            buf.release(); // nobody reads: a closing socket
        }
    }

    /**
     * Lets one read take up to {@code maxBytes} when the peer sends faster than we read (a bulk tunnel), instead of
     * Netty's default 64 KiB: fewer wake-ups and system calls per byte relayed. Reads still shrink back to what
     * arrives, so an interactive tunnel keeps small buffers.
     */
    public StreamSocket largeReads(int maxBytes) {
        if (normalReads == null) {
            normalReads = channel.config().getRecvByteBufAllocator();
        }
        channel.config().setRecvByteBufAllocator(new AdaptiveRecvByteBufAllocator(64, 16 * 1024, maxBytes));
        return this;
    }

    /** Undoes {@link #largeReads}: a socket that goes back to parsing (a reused upstream) reads as it did before. */
    public StreamSocket normalReads() {
        if (normalReads != null) {
            channel.config().setRecvByteBufAllocator(normalReads);
            normalReads = null;
        }
        return this;
    }

    /** Buffer mode: reads are delivered as heap buffers the handler may keep. */
    public StreamSocket bufferHandler(Consumer<Buffer> handler) {
        this.bufferHandler = handler;
        this.rawHandler = null;
        return this;
    }

    /** Raw mode: reads are delivered as the transport's buffers; the handler owns (writes or releases) each one. */
    public StreamSocket rawHandler(Consumer<ByteBuf> handler) {
        this.rawHandler = handler;
        this.bufferHandler = null;
        return this;
    }

    /** Called once when the peer has sent FIN, after its last bytes. */
    public StreamSocket inputEndHandler(Runnable handler) {
        this.inputEndHandler = requireNonNull(handler, "handler");
        return this;
    }

    /** Adds a listener called once when the socket is closed, whoever closed it; at once if it already is. */
    public StreamSocket onClose(Runnable listener) {
        requireNonNull(listener, "listener");
        if (closed) {
            listener.run();
        } else {
            closeListeners.add(listener);
        }
        return this;
    }

    /** Sets the one replaceable close handler (the socket's current owner); {@code null} clears it. */
    public StreamSocket closeHandler(Runnable handler) {
        this.ownerCloseHandler = handler;
        return this;
    }

    private void onClosed() {
        closed = true;
        Runnable owner = ownerCloseHandler;
        ownerCloseHandler = null;
        if (owner != null) {
            owner.run();
        }
        for (Runnable r : closeListeners) {
            r.run();
        }
        closeListeners.clear();
    }

    public boolean isClosed() {
        return closed;
    }

    public StreamSocket exceptionHandler(Consumer<Throwable> handler) {
        socket.exceptionHandler(handler::accept);
        return this;
    }

    /** Where byte counts go as they happen (listener or backend counters). */
    public StreamSocket counter(ByteCounter counter) {
        this.counter = requireNonNull(counter, "counter");
        return this;
    }

    public StreamSocket pause() {
        socket.pause();
        return this;
    }

    public StreamSocket resume() {
        socket.resume();
        return this;
    }

    public Future<Void> write(Buffer data) {
        return write(((BufferInternal) data).getByteBuf());
    }

    /** Writes and takes ownership of {@code data}. */
    public Future<Void> write(ByteBuf data) {
        int n = data.readableBytes();
        bytesWritten += n;
        counter.written(n);
        return socket.writeMessage(data);
    }

    public boolean writeQueueFull() {
        return socket.writeQueueFull();
    }

    public StreamSocket drainHandler(Runnable handler) {
        socket.drainHandler(handler == null ? null : v -> handler.run());
        return this;
    }

    /**
     * Sends FIN after everything written so far has reached the socket ([PRX-056]); reading goes on. Shutting down
     * output with writes still queued would discard them, hence the empty write first.
     */
    public Future<Void> shutdownOutput() {
        if (outputShutdown) {
            return Future.succeededFuture();
        }
        outputShutdown = true;
        return socket.writeMessage(Unpooled.EMPTY_BUFFER).compose(v -> {
            Promise<Void> done = Promise.promise();
            if (channel instanceof DuplexChannel duplex && channel.isActive()) {
                duplex.shutdownOutput().addListener(f -> done.complete());
            } else {
                done.complete();
            }
            return done.future();
        });
    }

    /**
     * Called when the server that accepted this socket shuts down gracefully ([PRX-110]), with the grace period.
     */
    public StreamSocket shutdownHandler(Runnable handler) {
        socket.shutdownHandler(handler == null ? null : grace -> handler.run());
        return this;
    }

    /**
     * Closes the socket now, after what was written. Vert.x 5 implements {@code NetSocket.close()} as
     * {@code shutdown(0)}, which, when a shutdown handler is set (the proxy listeners set one for the graceful drain
     * of [PRX-110]), only calls that handler and then waits for someone else to close the channel: a connection
     * closing itself would stay open. Clearing the handler first makes this a real close (also during a drain: a
     * zero-timeout close then ends it).
     */
    public Future<Void> close() {
        socket.shutdownHandler(null);
        return socket.close();
    }

    public boolean inputEnded() {
        return inputEnded;
    }

    public boolean outputShutdown() {
        return outputShutdown;
    }

    public long bytesRead() {
        return bytesRead;
    }

    public long bytesWritten() {
        return bytesWritten;
    }

    public SocketAddress remoteAddress() {
        return socket.remoteAddress();
    }

    public SocketAddress localAddress() {
        return socket.localAddress();
    }

    /** The underlying Vert.x socket, e.g. to upgrade it to TLS. */
    public NetSocket netSocket() {
        return socket;
    }

    /** Receives byte counts as they happen; called on the socket's event loop. */
    public interface ByteCounter {
        ByteCounter NONE = new ByteCounter() {
            @Override
            public void read(long n) {}

            @Override
            public void written(long n) {}
        };

        void read(long n);

        void written(long n);
    }
}
