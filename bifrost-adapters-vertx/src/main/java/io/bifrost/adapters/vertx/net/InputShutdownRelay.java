package io.bifrost.adapters.vertx.net;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.ChannelInputShutdownEvent;

/**
 * Turns the peer's FIN (with {@code ALLOW_HALF_CLOSURE}) into an in-band message, so that it reaches the reader
 * after every byte that arrived before it, through the same paused/resumed queue as the data. Vert.x delivers user
 * events out of band, which could overtake buffered data.
 */
final class InputShutdownRelay extends ChannelInboundHandlerAdapter {
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
}
