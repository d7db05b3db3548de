package io.bifrost.adapters.vertx.dial;

import static java.util.Objects.requireNonNull;

import io.bifrost.adapters.vertx.dial.handshake.HandshakeFailureKind;
import io.bifrost.adapters.vertx.dial.handshake.HttpConnectClientHandshake;
import io.bifrost.adapters.vertx.dial.handshake.Socks5ClientHandshake;
import io.bifrost.adapters.vertx.dial.handshake.TunnelTarget;
import io.bifrost.adapters.vertx.dial.handshake.UpstreamCredentials;
import io.bifrost.adapters.vertx.dial.handshake.UpstreamHandshake;
import io.bifrost.adapters.vertx.dial.handshake.UpstreamHandshakeDriver;
import io.bifrost.adapters.vertx.dial.handshake.UpstreamHandshakeException;
import io.bifrost.adapters.vertx.net.StreamSocket;
import io.bifrost.core.traffic.ErrorCode;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.NetSocket;
import java.time.Duration;

/**
 * The {@code http_proxy} and {@code socks5_proxy} backends ([BKD-032], [BKD-033]): a TCP connection to the upstream
 * proxy, then its handshake asking it to connect to the destination, which the upstream resolves. The TCP connect
 * and the handshake share one connect timeout. Bytes the upstream sent right after its reply become the tunnel's
 * early data ([PRX-054]).
 */
public final class ProxiedDialer implements UpstreamDialer {
    private final Vertx vertx;
    private final Settings settings;
    private final NetClient client;

    /**
     * @param client the network client that connects to the upstream, from {@link #networkClient}; owned by the
     *     caller, which may share it between dialers: a dialer holds no resources of its own
     */
    public ProxiedDialer(Vertx vertx, Settings settings, NetClient client) {
        this.vertx = requireNonNull(vertx, "vertx");
        this.settings = requireNonNull(settings, "settings");
        this.client = requireNonNull(client, "client");
    }

    /**
     * A network client for upstream connections: {@code TCP_NODELAY}, and TCP keep-alive after {@code keepAlive} of
     * idleness ([PRX-057]); zero disables it.
     */
    public static NetClient networkClient(Vertx vertx, Duration keepAlive) {
        NetClientOptions options = new NetClientOptions().setTcpNoDelay(true);
        if (!keepAlive.isZero()) {
            options.setTcpKeepAlive(true).setTcpKeepAliveIdleSeconds((int) Math.max(1, keepAlive.toSeconds()));
        }
        return vertx.createNetClient(options);
    }

    @Override
    public Future<Upstream> dial(DialTarget target) {
        String proxy = settings.host() + ":" + settings.port();
        Future<Upstream> work = client.connect(settings.port(), settings.host())
                .recover(e -> Future.failedFuture(ConnectFailures.classify(e, "upstream proxy " + proxy)))
                .compose(socket -> handshake(socket, target, proxy));
        return Deadline.bound(vertx, settings.connectTimeout(), work, up -> up.socket().close(),
                () -> new DialFailure(ErrorCode.CONNECTION_TIMEOUT,
                        "connection to \"" + target + "\" through upstream proxy " + proxy + " timed out"));
    }

    private Future<Upstream> handshake(NetSocket socket, DialTarget target, String proxy) {
        TunnelTarget tunnelTarget = new TunnelTarget(target.host().text(), target.port());
        UpstreamHandshake handshake = settings.protocol() == Protocol.HTTP
                ? new HttpConnectClientHandshake(proxy, tunnelTarget, settings.version(), settings.credentials())
                : new Socks5ClientHandshake(proxy, tunnelTarget, settings.credentials());
        return UpstreamHandshakeDriver.run(socket, handshake)
                .map(result -> new Upstream(StreamSocket.wrap(socket).pause(), result.leftover(), null))
                .recover(e -> Future.failedFuture(classify(e)));
    }

    private static DialFailure classify(Throwable failure) {
        if (failure instanceof UpstreamHandshakeException h) {
            ErrorCode code = h.errorCode().equals("upstream_auth_failed")
                    ? ErrorCode.UPSTREAM_AUTH_FAILED : ErrorCode.UPSTREAM_PROXY_ERROR;
            int reply = h.socks5Reply().isPresent() ? h.replyForSocks5Client().code() : DialFailure.NO_SOCKS_REPLY;
            boolean refused = h.kind() == HandshakeFailureKind.PROXY_ERROR
                    || h.kind() == HandshakeFailureKind.AUTH_FAILED;
            return refused ? DialFailure.refusedByUpstream(code, h.getMessage(), reply, h.httpResponse().orElse(null))
                    : new DialFailure(code, h.getMessage(), reply);
        }
        return new DialFailure(ErrorCode.UPSTREAM_PROXY_ERROR, "upstream proxy failed: " + failure.getMessage());
    }

    /** Which handshake the upstream speaks. */
    public enum Protocol { HTTP, SOCKS5 }

    /**
     * @param credentials what to present, or {@code null} for none
     * @param connectTimeout bound on TCP connect plus handshake
     * @param version Bifrost's version for {@code User-Agent} ([BKD-032])
     */
    public record Settings(Protocol protocol, String host, int port, UpstreamCredentials credentials,
            Duration connectTimeout, String version) {
        public Settings {
            requireNonNull(protocol, "protocol");
            requireNonNull(host, "host");
            requireNonNull(connectTimeout, "connectTimeout");
            requireNonNull(version, "version");
        }
    }
}
