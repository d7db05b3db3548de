package io.bifrost.app.server;

import static java.util.Objects.requireNonNull;

import io.bifrost.adapters.vertx.runtime.RunningApplication;
import io.bifrost.adapters.vertx.server.BifrostServer;
import io.bifrost.core.config.RouteConfig;
import io.bifrost.core.config.ServerConfig;
import io.vertx.core.Future;
import io.vertx.core.net.SocketAddress;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running server process: the embeddable {@link BifrostServer} plus what only an application does around it,
 * the start-up log lines and the reactions to stop and reload requests. Thread-safe.
 */
public final class ServerApplication implements RunningApplication {
    private static final Logger LOG = LoggerFactory.getLogger(ServerApplication.class);

    private final BifrostServer server;
    private final ServerConfig config;
    private final ReloadTrigger reload;

    @Inject
    ServerApplication(BifrostServer server, ServerConfig config, ReloadTrigger reload) {
        this.server = requireNonNull(server, "server");
        this.config = requireNonNull(config, "config");
        this.reload = requireNonNull(reload, "reload");
    }

    /** Binds the listeners and logs each one's actual address; fails with the server's start-up message. */
    @Override
    public Future<Void> start() {
        return server.start().onSuccess(started -> logStarted()).mapEmpty();
    }

    private void logStarted() {
        server.httpAddress().ifPresent(a -> LOG.info("HTTP proxy listening on {}", text(a)));
        server.socks5Address().ifPresent(a -> LOG.info("SOCKS5 proxy listening on {}", text(a)));
        if (config.routes().stream().noneMatch(ServerApplication::catchAll)) {
            // [RTE-032]: there is no implicit default route, which surprises people coming from other proxies
            LOG.info("no enabled route matches every host (\"*\"): requests for hosts that match no route are "
                    + "refused (no_route)");
        }
    }

    private static boolean catchAll(RouteConfig route) {
        return route.enabled() && route.matchesEveryHost();
    }

    /** Graceful stop with {@code server.graceful_period} ([PRX-110]). */
    @Override
    public Future<Void> stop() {
        return server.stop();
    }

    @Override
    public Duration gracePeriod() {
        return config.server().gracefulPeriod();
    }

    /**
     * Cuts the drain short ([PRX-111]): closes every client connection (tunnels, requests in progress, handshakes)
     * now, so the stop in progress completes without waiting for the rest of the grace period. Non-blocking.
     */
    @Override
    public void closeRemainingConnections() {
        server.closeAllConnections();
    }

    /** SIGHUP ([PRX-112]); never stops the server. */
    @Override
    public void reload() {
        reload.reload();
    }

    public Optional<SocketAddress> httpAddress() {
        return server.httpAddress();
    }

    public Optional<SocketAddress> socks5Address() {
        return server.socks5Address();
    }

    /** {@code 127.0.0.1:7080}, {@code [::]:7080}. */
    static String text(SocketAddress address) {
        String host = address.host();
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + address.port();
    }
}
