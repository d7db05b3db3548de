package io.bifrost.adapters.vertx.net;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.channel.socket.DuplexChannel;

/**
 * Turns the peer's FIN (with {@code ALLOW_HALF_CLOSURE}) into an in-band message, so that it reaches the reader
 * after every byte that arrived before it, through the same paused/resumed queue as the data. Vert.x delivers user
 * events out of band, which could overtake buffered data.
 *
 * <p>It also drops read requests once the input is shut down. Netty 4.2.17's epoll transport removes a socket from
 * the epoll set when its interest set becomes empty (netty#16689), which happens when Vert.x stops auto-read (a
 * paused reader with messages piling up) after the FIN was read; re-enabling auto-read then tries to modify the
 * missing registration, fails with ENOENT, and Netty closes the channel, discarding the bytes still queued for the
 * reader and the other direction of a half-closed tunnel. After the FIN there is nothing left to read, so the
 * request is moot anyway.
 */
final class InputShutdownRelay extends ChannelDuplexHandler {
    /** The in-band marker for "the peer will send no more bytes". */
    static final Object INPUT_SHUTDOWN = new Object() {
        @Override
        public String toString() {
            return "INPUT_SHUTDOWN";
        }
    };

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof ChannelInputShutdownEvent) {
            ctx.fireChannelRead(INPUT_SHUTDOWN);
            // Vert.x defers flushing a connection's writes while it is "reading" until read-complete; a user event
            // is not followed by one, so without it every later write to this socket would sit unflushed.
            ctx.fireChannelReadComplete();
        } else {
            ctx.fireUserEventTriggered(evt);
        }
    }

    @Override
    public void read(ChannelHandlerContext ctx) {
        if (ctx.channel() instanceof DuplexChannel duplex && duplex.isInputShutdown()) {
            return;
        }
        ctx.read();
    }
}
