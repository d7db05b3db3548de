package io.bifrost.adapters.vertx.dial.handshake;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetSocket;
import java.util.ArrayList;
import java.util.List;

/**
 * A fake upstream proxy on 127.0.0.1, port 0, for one connection: for each turn it waits for exactly the expected
 * bytes, then writes the answer in one write (so an answer and early tunnel bytes share a packet). After the last
 * turn it can write more bytes a little later, or close. Records what it received and when the peer closed.
 */
final class ScriptedUpstream {

    /** {@code answer} is written once {@code expect} arrived; {@code closeAfter} then closes the connection. */
    record Turn(Buffer expect, Buffer answer, boolean closeAfter) {
        static Turn of(Buffer expect, Buffer answer) {
            return new Turn(expect, answer, false);
        }
    }

    private final Vertx vertx;
    private final List<Turn> turns;
    private final Buffer later;
    private final Buffer received = Buffer.buffer();
    private final Promise<Void> peerClosed = Promise.promise();
    private volatile String mismatch;
    private NetServer server;

    /** @param later written 200 ms after the last answer; empty for nothing */
    ScriptedUpstream(Vertx vertx, List<Turn> turns, Buffer later) {
        this.vertx = vertx;
        this.turns = new ArrayList<>(turns);
        this.later = later;
    }

    Future<Integer> start() {
        server = vertx.createNetServer().connectHandler(this::serve);
        return server.listen(0, "127.0.0.1").map(NetServer::actualPort);
    }

    /** Completes when the proxy side sees the connection close. */
    Future<Void> peerClosed() {
        return peerClosed.future();
    }

    synchronized String receivedText() {
        return received.toString();
    }

    String mismatch() {
        return mismatch;
    }

    private void serve(NetSocket socket) {
        int[] position = {0, 0};                       // next turn, bytes of `received` already matched
        socket.closeHandler(ignored -> peerClosed.tryComplete());
        socket.handler(data -> {
            synchronized (this) {
                received.appendBuffer(data);
            }
            while (position[0] < turns.size()
                    && received.length() >= position[1] + turns.get(position[0]).expect().length()) {
                Turn turn = turns.get(position[0]++);
                Buffer got = received.getBuffer(position[1], position[1] + turn.expect().length());
                position[1] += turn.expect().length();
                if (!got.equals(turn.expect())) {
                    mismatch = "expected " + turn.expect() + " but got " + got;
                    socket.close();
                    return;
                }
                if (turn.answer().length() > 0) {
                    socket.write(turn.answer());
                }
                if (turn.closeAfter()) {
                    socket.close();
                    return;
                }
                if (position[0] == turns.size() && later.length() > 0) {
                    vertx.setTimer(200, timer -> socket.write(later));
                }
            }
        });
    }
}
