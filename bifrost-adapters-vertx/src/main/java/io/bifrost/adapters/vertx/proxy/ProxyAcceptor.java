package io.bifrost.adapters.vertx.proxy;

import static java.util.Objects.requireNonNull;

import io.bifrost.adapters.vertx.net.StreamSocket;
import io.bifrost.core.net.IpAddress;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetSocket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Accepts client connections of one listener: enforces its connection ceilings ([PRX-004]), identifies the peer,
 * hands the socket to a protocol connection and connects it to graceful shutdown ([PRX-110]). Thread-safe; called
 * on the event loop that owns each socket.
 */
public final class ProxyAcceptor {
    /** The canned answer of [PRX-004], sent exactly as the spec shows it. */
    private static final Buffer TOO_MANY = Buffer.buffer(("HTTP/1.1 503 Service Unavailable\r\n"
            + "Retry-After: 5\r\n"
            + "Content-Type: text/plain; charset=utf-8\r\n"
            + "Content-Length: 41\r\n"
            + "Proxy-Status: bifrost; error=connection_limit_reached\r\n"
            + "X-Bifrost-Error: connection_limit\r\n"
            + "Connection: close\r\n"
            + "\r\n"
            + "Bifrost: too many connections, try later\n").getBytes(StandardCharsets.UTF_8));

    private final ListenerPlan.Kind kind;
    private final ProxyContext ctx;
    private final ConnectionCeilings.Ceiling ceiling;
    private final Function<Accepted, Startable> connections;
    private final Future<Void> ready;
    private final Set<Startable> live = ConcurrentHashMap.newKeySet();

    /** @param connections builds the protocol connection for an accepted socket */
    public ProxyAcceptor(ListenerPlan.Kind kind, ProxyContext ctx, ConnectionCeilings.Ceiling ceiling,
            Function<Accepted, Startable> connections) {
        this(kind, ctx, ceiling, connections, Future.succeededFuture());
    }

    /**
     * @param connections builds the protocol connection for an accepted socket
     * @param ready completes when accepted connections may start: until then they stay paused, their bytes unread
     *     (the program is still completing what its checks need, e.g. the server's destination policy, which learns
     *     its own listeners' ports only once they are bound, [SEC-060]); when it fails they are closed unread
     */
    public ProxyAcceptor(ListenerPlan.Kind kind, ProxyContext ctx, ConnectionCeilings.Ceiling ceiling,
            Function<Accepted, Startable> connections, Future<Void> ready) {
        this.kind = requireNonNull(kind, "kind");
        this.ctx = requireNonNull(ctx, "ctx");
        this.ceiling = requireNonNull(ceiling, "ceiling");
        this.connections = requireNonNull(connections, "connections");
        this.ready = requireNonNull(ready, "ready");
    }

    public void accept(NetSocket socket) {
        if (!ceiling.tryEnter()) {
            ctx.recorder().connectionRejected();
            if (kind == ListenerPlan.Kind.HTTP) {
                socket.write(TOO_MANY.copy()).onComplete(ar -> socket.close());
            } else {
                socket.close(); // SOCKS5: closed without reading or writing a byte
            }
            return;
        }
        StreamSocket client = StreamSocket.wrap(socket).pause();
        Instant now = ctx.clock().instant();
        IpAddress ip = IpAddress.parse(socket.remoteAddress().hostAddress()).orElseThrow();
        ClientPeer peer = new ClientPeer(ctx.connections().nextId(now), now, ip, socket.remoteAddress().port());
        Startable connection = connections.apply(new Accepted(ctx, client, peer));
        ctx.recorder().connectionOpened();
        live.add(connection);
        client.onClose(() -> {
            ceiling.leave();
            live.remove(connection);
        });
        client.shutdownHandler(connection::drain);
        if (ready.isComplete()) {
            begin(connection, client);
        } else {
            Context context = Vertx.currentContext(); // the socket's event loop
            ready.onComplete(ar -> context.runOnContext(v -> begin(connection, client)));
        }
    }

    private void begin(Startable connection, StreamSocket client) {
        if (ready.failed()) {
            client.close();
        } else if (!client.isClosed()) { // closed meanwhile, e.g. drained by a stop
            connection.start();
        }
    }

    /**
     * Tells every open connection of this acceptor that the drain has begun ([PRX-110] step 2). Called by the thread
     * that stops the program, so a request head completing after the stop call is answered 503 even when the
     * listener's own shutdown notice has not yet reached the connection's event loop.
     */
    public void drainAll() {
        live.forEach(DrainableConnection::drain);
    }

    /** Closes every connection this acceptor accepted that is still open ([PRX-111]: the drain is cut short). */
    public void closeAll() {
        live.forEach(DrainableConnection::forceClose);
    }

    /** An accepted, paused client socket and who sent it. */
    public record Accepted(ProxyContext ctx, StreamSocket client, ClientPeer peer) {}

    /** A protocol connection ready to run. */
    public interface Startable extends DrainableConnection {
        void start();
    }
}
