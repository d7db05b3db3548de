package io.bifrost.app.server.health;

import static java.util.Objects.requireNonNull;

import io.bifrost.testkit.FakeServer;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.NetSocket;
import java.util.function.IntSupplier;

/**
 * A TCP front for another fake that can go down (connections refused: nothing listens) and come up again on the
 * same port, so a backend pointing at it fails and recovers its health checks while the fake behind it keeps its
 * records. Relays with back-pressure ({@code pipeTo}). Not for concurrent use by several tests.
 */
final class SwitchableFront implements FakeServer {
    private final IntSupplier behind;
    private Vertx vertx;
    private NetClient client; // a field: Vert.x 5 closes clients nothing references
    private NetServer server;
    private int port;

    /** @param behind the port of the fake to relay to, read when the front starts */
    SwitchableFront(IntSupplier behind) {
        this.behind = requireNonNull(behind, "behind");
    }

    @Override
    public Future<Void> start() {
        vertx = Vertx.vertx();
        client = vertx.createNetClient();
        return comeUp();
    }

    /** Stops listening: new connections to {@link #port()} are refused. */
    Future<Void> goDown() {
        NetServer s = server;
        server = null;
        return s == null ? Future.succeededFuture() : s.close();
    }

    /** Listens again, on the same port as before. */
    Future<Void> comeUp() {
        int target = behind.getAsInt();
        server = vertx.createNetServer(new NetServerOptions().setReuseAddress(true))
                .connectHandler(in -> relay(in, target));
        return server.listen(port, "127.0.0.1").map(s -> {
            port = s.actualPort();
            return null;
        });
    }

    private void relay(NetSocket in, int target) {
        in.pause();
        client.connect(target, "127.0.0.1")
                .onSuccess(out -> {
                    in.pipeTo(out);
                    out.pipeTo(in);
                })
                .onFailure(e -> in.close());
    }

    @Override
    public Future<Void> stop() {
        if (vertx == null) {
            return Future.succeededFuture();
        }
        Vertx v = vertx;
        vertx = null;
        return v.close();
    }

    @Override
    public int port() {
        if (port == 0) {
            throw new IllegalStateException("front: not started");
        }
        return port;
    }

    @Override
    public void clearRecords() {
        // nothing recorded here; the fake behind keeps the records
    }
}
