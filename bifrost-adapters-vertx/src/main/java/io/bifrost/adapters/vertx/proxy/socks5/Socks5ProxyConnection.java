package io.bifrost.adapters.vertx.proxy.socks5;

import static java.util.Objects.requireNonNull;

import io.bifrost.adapters.vertx.dial.DialFailure;
import io.bifrost.adapters.vertx.dial.DialTarget;
import io.bifrost.adapters.vertx.dial.Upstream;
import io.bifrost.adapters.vertx.net.BandwidthLimits;
import io.bifrost.adapters.vertx.net.StreamSocket;
import io.bifrost.adapters.vertx.net.Tunnel;
import io.bifrost.adapters.vertx.proxy.ClientByteCounter;
import io.bifrost.adapters.vertx.proxy.ClientPeer;
import io.bifrost.adapters.vertx.proxy.FailureMapping;
import io.bifrost.adapters.vertx.proxy.ProxyAcceptor;
import io.bifrost.adapters.vertx.proxy.ProxyContext;
import io.bifrost.adapters.vertx.proxy.ProxyGateway;
import io.bifrost.adapters.vertx.proxy.ProxyRefusalException;
import io.bifrost.adapters.vertx.proxy.Refusal;
import io.bifrost.adapters.vertx.proxy.RequestInfo;
import io.bifrost.core.policy.Credentials;
import io.bifrost.core.routing.RoutingKey;
import io.bifrost.core.traffic.ConnectionRegistry.FirstRequest;
import io.bifrost.core.traffic.ErrorCode;
import io.bifrost.core.traffic.Protocol;
import io.bifrost.core.traffic.TrackedConnection;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.net.SocketAddress;
import java.time.Duration;
import java.util.Optional;

/**
 * One client connection on the SOCKS5 listener ([PRX-070]-[PRX-077], [PRX-083]): the handshake state machine fed
 * from the socket within {@code read_timeout}, credentials verified off the event loop, then routing, dial and a
 * tunnel. Refusals decided at accept (access control, per-IP rate) are answered inside the protocol with
 * {@code REP 0x02}. Lives on one event loop.
 */
public final class Socks5ProxyConnection implements ProxyAcceptor.Startable {
    private final ProxyContext ctx;
    private final StreamSocket client;
    private final ClientPeer peer;
    private final Refusal refusedAtAccept;
    private final Socks5ServerHandshake handshake;
    private final Context context;
    private final Duration readTimeout;
    private Optional<String> username = Optional.empty();
    private TrackedConnection tracked;
    private final ClientByteCounter counter;
    private long timer = -1;
    private boolean dialing;
    private boolean tunnelling;
    private volatile boolean draining;

    public Socks5ProxyConnection(ProxyContext ctx, StreamSocket client, ClientPeer peer, Duration readTimeout) {
        this.ctx = requireNonNull(ctx, "ctx");
        this.client = requireNonNull(client, "client");
        this.peer = requireNonNull(peer, "peer");
        this.readTimeout = requireNonNull(readTimeout, "readTimeout");
        this.refusedAtAccept = ctx.gateway().checkClient(peer.ip()).orElse(null);
        Socks5Admission admission = refusedAtAccept != null ? Socks5Admission.REFUSED
                : ctx.gateway().authRequired() ? Socks5Admission.AUTHENTICATE : Socks5Admission.OPEN;
        this.handshake = new Socks5ServerHandshake(admission);
        this.context = requireNonNull(Vertx.currentContext(), "created on an event loop");
        this.counter = new ClientByteCounter(ctx.recorder());
    }

    @Override
    public void start() {
        client.counter(counter);
        client.bufferHandler(data -> act(handshake.feed(data)));
        client.inputEndHandler(client::close);
        client.onClose(this::onClosed);
        // [PRX-070]: the whole handshake within read_timeout, else close without a reply
        timer = ctx.vertx().setTimer(Math.max(1, readTimeout.toMillis()), id -> client.close());
        client.resume();
    }

    private void act(Socks5ServerStep step) {
        if (step.toWrite().length() > 0) {
            client.write(step.toWrite());
        }
        if (step instanceof Socks5ServerStep.VerifyCredentials verify) {
            verifyCredentials(verify);
        } else if (step instanceof Socks5ServerStep.Connect connect) {
            cancelTimer();
            connect(connect.destination());
        } else if (step instanceof Socks5ServerStep.ReplyAndClose refused) {
            cancelTimer();
            recordRefusal(refused);
            client.close();
        } else if (step instanceof Socks5ServerStep.Close) {
            cancelTimer();
            client.close(); // a malformed message: no reply and no record ([PRX-011])
        }
    }

    private void verifyCredentials(Socks5ServerStep.VerifyCredentials verify) {
        client.pause();
        ctx.gateway().authenticate(Optional.of(new Credentials(verify.username(), verify.password())))
                .onComplete(ar -> {
                    client.resume();
                    if (ar.succeeded()) {
                        username = ar.result();
                        act(handshake.credentialsAccepted());
                    } else {
                        act(handshake.credentialsRejected());
                    }
                });
    }

    private void connect(Socks5Endpoint destination) {
        client.pause(); // [PRX-077]: early bytes wait, in order, until the tunnel is up
        RequestInfo info = newInfo("CONNECT").username(username.orElse(null));
        Optional<RoutingKey> key = RoutingKey.parse(destination.address().host());
        if (key.isEmpty()) {
            info.destination(destination.address().host(), destination.port(), null, destination.toString());
            reply(info, Socks5Reply.GENERAL_FAILURE, ErrorCode.BAD_REQUEST,
                    "invalid host \"" + destination.address().host() + "\"");
            return;
        }
        DialTarget target = new DialTarget(key.get(), destination.port());
        info.destination(key.get().text(), destination.port(), null, target.authority());
        if (draining) { // [PRX-110], [PRX-100]: a request that arrives during the drain is refused, not routed
            reply(info, Socks5Reply.fromCode(FailureMapping.socksReply(ErrorCode.SHUTTING_DOWN)).orElseThrow(),
                    ErrorCode.SHUTTING_DOWN, "server is shutting down");
            return;
        }
        ProxyGateway.Decision decision = ctx.gateway().route(peer.ip(), username, key.get(), destination.port(), info);
        if (decision.refusal() != null) {
            Refusal refusal = decision.refusal();
            reply(info, Socks5Reply.fromCode(FailureMapping.socksReply(refusal.code())).orElseThrow(), refusal.code(),
                    refusal.message());
            return;
        }
        track(info);
        dialing = true;
        decision.dialer().dial(target)
                .onSuccess(up -> tunnel(info, up))
                .onFailure(e -> dialFailed(info, e));
    }

    private void tunnel(RequestInfo info, Upstream upstream) {
        if (client.isClosed()) {
            upstream.socket().close();
            info.fail(ErrorCode.CLIENT_CLOSED);
            record(info);
            return;
        }
        tunnelling = true;
        client.write(handshake.successReply(bound(upstream.boundAddress())));
        info.status(Socks5Reply.SUCCEEDED.code());
        BandwidthLimits bandwidth = ctx.gateway().bandwidth(); // [SEC-052]: per tunnel, as in force now
        Tunnel.start(client, upstream.socket(), handshake.takeRemaining(), upstream.early(),
                        bandwidth.upload(), bandwidth.download())
                .onComplete(ar -> record(info));
    }

    /** [PRX-076]: the upstream socket's local address for direct dials, {@code 0.0.0.0:0} through a proxy. */
    private static Socks5Endpoint bound(SocketAddress local) {
        if (local == null || local.hostAddress() == null) {
            return Socks5Endpoint.UNSPECIFIED;
        }
        return Socks5Address.tryParseHost(local.hostAddress())
                .map(a -> new Socks5Endpoint(a, local.port()))
                .orElse(Socks5Endpoint.UNSPECIFIED);
    }

    private void dialFailed(RequestInfo info, Throwable failure) {
        if (failure instanceof DialFailure d) {
            int code = d.socksReply() != DialFailure.NO_SOCKS_REPLY ? d.socksReply() : FailureMapping.socksReply(d.code());
            reply(info, Socks5Reply.fromCode(code).orElse(Socks5Reply.GENERAL_FAILURE), d.code(), d.detail());
        } else if (failure instanceof ProxyRefusalException r) {
            reply(info, Socks5Reply.fromCode(FailureMapping.socksReply(r.refusal().code())).orElseThrow(),
                    r.refusal().code(), r.refusal().message());
        } else {
            reply(info, Socks5Reply.GENERAL_FAILURE, ErrorCode.INTERNAL_ERROR, "internal error");
        }
    }

    private void reply(RequestInfo info, Socks5Reply reply, ErrorCode error, String detail) {
        client.write(handshake.failureReply(reply));
        info.status(reply.code()).fail(error, detail);
        record(info);
        client.close();
    }

    private void recordRefusal(Socks5ServerStep.ReplyAndClose refused) {
        Socks5RequestSummary request = refused.request();
        RequestInfo info = newInfo(request.method()).username(username.orElse(null));
        Optional<RoutingKey> key = request.host().isEmpty() ? Optional.empty() : RoutingKey.parse(request.host());
        String host = key.map(RoutingKey::text).orElse(request.host());
        info.destination(host, request.port(), null, request.host().isEmpty() ? "" : host + ":" + request.port());
        String detail = refused.reason().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        info.status(statusOf(refused.reason())).fail(errorOf(refused.reason()), detail);
        record(info);
    }

    private ErrorCode errorOf(Socks5RefusalReason reason) {
        if (refusedAtAccept != null) {
            return refusedAtAccept.code(); // [PRX-083]: in every case, also after 05 FF
        }
        return switch (reason) {
            case NO_ACCEPTABLE_METHOD -> ErrorCode.AUTH_REQUIRED;
            case CREDENTIALS_REJECTED -> ErrorCode.AUTH_FAILED;
            case CLIENT_REFUSED -> refusedAtAccept != null ? refusedAtAccept.code() : ErrorCode.ACCESS_DENIED;
            case COMMAND_NOT_SUPPORTED, ADDRESS_TYPE_NOT_SUPPORTED, INVALID_DESTINATION, MALFORMED_GREETING,
                    MALFORMED_SUBNEGOTIATION, MALFORMED_REQUEST -> ErrorCode.BAD_REQUEST;
        };
    }

    /** The status a refusal is recorded with: the REP sent, or the method / RFC 1929 status byte. */
    private static int statusOf(Socks5RefusalReason reason) {
        return switch (reason) {
            case NO_ACCEPTABLE_METHOD -> 0xFF;
            case CREDENTIALS_REJECTED, INVALID_DESTINATION, MALFORMED_GREETING, MALFORMED_SUBNEGOTIATION,
                    MALFORMED_REQUEST -> Socks5Reply.GENERAL_FAILURE.code();
            case CLIENT_REFUSED -> Socks5Reply.NOT_ALLOWED_BY_RULESET.code();
            case COMMAND_NOT_SUPPORTED -> Socks5Reply.COMMAND_NOT_SUPPORTED.code();
            case ADDRESS_TYPE_NOT_SUPPORTED -> Socks5Reply.ADDRESS_TYPE_NOT_SUPPORTED.code();
        };
    }

    private RequestInfo newInfo(String method) {
        return new RequestInfo(ctx.clock().instant(), System.nanoTime(), peer.requestId(1), peer.ipText(),
                peer.port(), Protocol.SOCKS5, method);
    }

    private void track(RequestInfo info) {
        tracked = ctx.connections().track(peer.connectionId(), peer.ipText(), peer.port(), peer.acceptedAt(),
                this::forceClose, new FirstRequest(Protocol.SOCKS5, info.host(), info.port(),
                        info.trackedRoute(), info.trackedBackend(), info.username()));
        counter.track(tracked, client);
    }

    private void record(RequestInfo info) {
        if (tracked != null && tracked.closeReason() != null) {
            info.fail(tracked.closeReason(), RequestInfo.CLOSED_BY_API_DETAIL); // [PRX-101]
        }
        ctx.recorder().record(info, info.toRecord(client.bytesWritten(), client.bytesRead(), System.nanoTime()));
    }

    private void cancelTimer() {
        if (timer >= 0) {
            ctx.vertx().cancelTimer(timer);
            timer = -1;
        }
    }

    private void onClosed() {
        cancelTimer();
        if (tracked != null) {
            ctx.connections().untrack(tracked, null);
        }
        ctx.recorder().connectionClosed();
    }

    @Override
    public void drain() {
        draining = true;
        context.runOnContext(v -> {
            // [PRX-110]: a connection that has not sent a byte is idle and closes now; a handshake in progress ends
            // with its request refused (shutting_down, REP 0x01) within read_timeout; a dial in progress finishes,
            // and tunnels continue
            if (!dialing && !tunnelling && client.bytesRead() == 0) {
                client.close();
            }
        });
    }

    @Override
    public void forceClose() {
        context.runOnContext(v -> client.close());
    }
}
