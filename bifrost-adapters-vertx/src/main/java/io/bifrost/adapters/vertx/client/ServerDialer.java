package io.bifrost.adapters.vertx.client;

import static java.util.Objects.requireNonNull;

import io.bifrost.adapters.vertx.dial.DialFailure;
import io.bifrost.adapters.vertx.dial.DialTarget;
import io.bifrost.adapters.vertx.dial.ProxiedDialer;
import io.bifrost.adapters.vertx.dial.Upstream;
import io.bifrost.adapters.vertx.dial.handshake.UpstreamCredentials;
import io.bifrost.core.client.ServerReachability;
import io.bifrost.core.client.UpstreamServer;
import io.bifrost.core.config.UpstreamProtocol;
import io.bifrost.core.config.UpstreamServerConfig;
import io.bifrost.core.traffic.ErrorCode;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;
import java.time.Duration;
import java.time.InstantSource;
import java.util.function.BooleanSupplier;

/**
 * The {@code server} action's dial ([PRX-122]-[PRX-124]): a tunnel to the destination through the active upstream,
 * by HTTP {@code CONNECT} or SOCKS5 with the upstream's credentials, in at most {@code server.retry_count + 1}
 * attempts {@code server.retry_delay} apart, each bounded by {@code server.timeout}. Only failures to reach or talk
 * to the server are retried; the server's refusal is final and is turned into what the local client gets
 * ({@link ServerRefusals}). Every attempt tells {@link ServerReachability} whether the server answered ([CAPI-010]);
 * every connection made is registered for disconnecting ([CAPI-031]). Thread-safe; call on the client connection's
 * event loop.
 */
final class ServerDialer {
    /** TCP keep-alive on connections to the server ([PRX-057]); the client has no {@code network} section. */
    private static final Duration KEEP_ALIVE = Duration.ofSeconds(30);

    private final Vertx vertx;
    private final InstantSource clock;
    private final String version;
    private final ServerReachability reachability;
    private final ServerConnections connections;
    private final BooleanSupplier connected;
    /**
     * The one network client of every server dial. Address, credentials and timeout come with each dial, so a hot
     * change of them ([CFG-085]) needs no client of its own and leaves none behind.
     */
    private final NetClient client;

    /**
     * @param connected whether the client is in connected state ([CAPI-030]); checked before every attempt and again
     *     when a tunnel is up
     */
    ServerDialer(Vertx vertx, InstantSource clock, String version, ServerReachability reachability,
            ServerConnections connections, BooleanSupplier connected) {
        this.vertx = requireNonNull(vertx, "vertx");
        this.clock = requireNonNull(clock, "clock");
        this.version = requireNonNull(version, "version");
        this.reachability = requireNonNull(reachability, "reachability");
        this.connections = requireNonNull(connections, "connections");
        this.connected = requireNonNull(connected, "connected");
        this.client = ProxiedDialer.networkClient(vertx, KEEP_ALIVE);
    }

    /**
     * Opens a tunnel to {@code target} through {@code server}; timeouts and retries from {@code settings}.
     *
     * @return the tunnel, paused; fails with a {@link DialFailure} only
     */
    Future<Upstream> dial(UpstreamServer server, UpstreamServerConfig settings, DialTarget target) {
        ProxiedDialer dialer = new ProxiedDialer(vertx, dialSettings(server, settings.timeout()), client);
        return attempt(dialer, server, settings, target, 1).recover(e -> Future.failedFuture(
                ServerRefusals.forLocalClients(server.protocol(), e)));
    }

    private Future<Upstream> attempt(ProxiedDialer dialer, UpstreamServer server, UpstreamServerConfig settings,
            DialTarget target, int attempt) {
        if (!connected.getAsBoolean()) {
            return Future.failedFuture(disconnected(server));
        }
        return dialer.dial(target)
                .andThen(ar -> reachability.dialed(server, clock.instant(), ar.succeeded() || refused(ar.cause())))
                .compose(up -> registered(server, up))
                .recover(e -> {
                    if (refused(e) || isDisconnected(e) || attempt > settings.retryCount()) {
                        return Future.failedFuture(e);
                    }
                    return delay(settings.retryDelay())
                            .compose(v -> attempt(dialer, server, settings, target, attempt + 1));
                });
    }

    /**
     * [CAPI-031]: a tunnel whose handshake completed after a disconnect is closed, never used. It is registered
     * first and the state read second, while a disconnect sets the state first and closes the registered
     * connections second: whichever comes last sees the other, so no tunnel survives a disconnect.
     */
    private Future<Upstream> registered(UpstreamServer server, Upstream up) {
        connections.add(up.socket());
        if (connected.getAsBoolean()) {
            return Future.succeededFuture(up);
        }
        up.socket().close();
        return Future.failedFuture(disconnected(server));
    }

    private static boolean isDisconnected(Throwable failure) {
        return failure instanceof DialFailure d && d.code() == ErrorCode.SERVER_DISCONNECTED;
    }

    /** The server answered and refused: not retried ([PRX-123]). */
    private static boolean refused(Throwable failure) {
        return failure instanceof DialFailure d && d.refusedByUpstream();
    }

    private Future<Void> delay(Duration delay) {
        if (delay.isZero()) {
            return Future.succeededFuture();
        }
        return vertx.timer(delay.toMillis()).mapEmpty();
    }

    static DialFailure disconnected(UpstreamServer server) {
        return new DialFailure(ErrorCode.SERVER_DISCONNECTED,
                "disconnected from server \"" + server.name() + "\" (connect to use it again)");
    }

    private ProxiedDialer.Settings dialSettings(UpstreamServer server, Duration timeout) {
        ProxiedDialer.Protocol protocol = server.protocol() == UpstreamProtocol.HTTP
                ? ProxiedDialer.Protocol.HTTP : ProxiedDialer.Protocol.SOCKS5;
        UpstreamCredentials credentials = server.hasCredentials()
                ? new UpstreamCredentials(server.username(), server.password()) : null;
        return new ProxiedDialer.Settings(protocol, server.address().host(), server.address().port(), credentials,
                timeout, version);
    }
}
