package io.bifrost.adapters.vertx.proxy.http;

import static java.util.Objects.requireNonNull;

import io.bifrost.adapters.vertx.dial.DialTarget;
import io.bifrost.adapters.vertx.dial.Upstream;
import io.bifrost.adapters.vertx.net.StreamSocket;
import io.bifrost.adapters.vertx.net.Tunnel;
import io.bifrost.adapters.vertx.proxy.Admission;
import io.bifrost.adapters.vertx.proxy.ProxyContext;
import io.bifrost.adapters.vertx.proxy.http.codec.Http1Error;
import io.bifrost.adapters.vertx.proxy.http.codec.RequestTarget;
import io.bifrost.core.routing.RoutingKey;
import io.bifrost.core.traffic.ErrorCode;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import java.util.Optional;

/**
 * A {@code CONNECT} ([PRX-050]-[PRX-058]): checks and dial while the client is paused, then exactly
 * {@code HTTP/1.1 200 Connection established} and an opaque tunnel. Bytes the client sent early are forwarded first
 * ([PRX-053]); bytes the upstream sent early are delivered right after the 200 ([PRX-054]).
 */
final class ConnectExchange implements HttpProxyConnection.Exchange {
    private static final Buffer ESTABLISHED_11 = Buffer.buffer("HTTP/1.1 200 Connection established\r\n\r\n");
    private static final Buffer ESTABLISHED_10 = Buffer.buffer("HTTP/1.0 200 Connection established\r\n\r\n");

    private final ProxyContext ctx;
    private final ExchangeScope scope;
    private boolean clientGone;

    ConnectExchange(ProxyContext ctx, ExchangeScope scope) {
        this.ctx = requireNonNull(ctx, "ctx");
        this.scope = requireNonNull(scope, "scope");
    }

    @Override
    public void start() {
        RequestTarget target = RequestTarget.parse("CONNECT", scope.head().target());
        if (target instanceof RequestTarget.Invalid invalid) {
            scope.info().destination("", 0, null, scope.head().target());
            scope.respondError(ErrorResponse.badRequest(400, invalid.message()), false, true);
            return;
        }
        RequestTarget.Authority authority = (RequestTarget.Authority) target;
        Optional<RoutingKey> key = RoutingKey.parse(authority.host());
        if (key.isEmpty()) {
            scope.info().destination(authority.host(), authority.port(), null, scope.head().target());
            scope.respondError(ErrorResponse.badRequest(400, "invalid host \"" + authority.host() + "\""), false, true);
            return;
        }
        DialTarget dialTarget = new DialTarget(key.get(), authority.port());
        scope.info().destination(key.get().text(), authority.port(), null, dialTarget.authority());
        HttpProxyConnection connection = scope.connection();
        connection.client().pause(); // [PRX-053]: stop reading while the dial runs; early bytes wait in order
        Admission.admit(ctx, connection.peer(), scope.info(), scope.head().headers().get("proxy-authorization"),
                        key.get(), authority.port())
                .compose(dialer -> {
                    connection.routed(scope.info());
                    return dialer.dial(dialTarget);
                })
                .onSuccess(this::tunnel)
                .onFailure(this::fail);
    }

    private void tunnel(Upstream upstream) {
        if (clientGone) {
            upstream.socket().close();
            scope.info().fail(ErrorCode.CLIENT_CLOSED);
            scope.record();
            return;
        }
        HttpProxyConnection connection = scope.connection();
        StreamSocket client = connection.client();
        client.write(scope.http10() ? ESTABLISHED_10.copy() : ESTABLISHED_11.copy());
        scope.info().status(200);
        connection.becameTunnel();
        Tunnel.start(client, upstream.socket(), connection.takeEarlyData(), upstream.early(), connection.upload(),
                        connection.download())
                .onComplete(ar -> scope.record()); // [PRX-058]: recorded once, when the tunnel ends
    }

    private void fail(Throwable failure) {
        if (clientGone) {
            scope.info().fail(ErrorCode.CLIENT_CLOSED);
            scope.record();
            return;
        }
        // [PRX-051]: after 407 the client may retry on the same connection; any other failure closes it
        scope.respondFailure(failure, ErrorResponse.forFailure(failure).isAuthChallenge(), true);
    }

    @Override
    public void requestBody(Buffer data) {
        // a CONNECT has no body ([PRX-050]); the decoder never delivers one
    }

    @Override
    public void requestTrailers(MultiMap trailers) {
    }

    @Override
    public void requestEnd() {
    }

    @Override
    public void requestFailed(Http1Error error) {
    }

    @Override
    public void requestTimedOut() {
    }

    @Override
    public void clientClosed() {
        clientGone = true;
    }
}
