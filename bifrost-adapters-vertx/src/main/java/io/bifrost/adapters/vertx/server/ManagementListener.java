package io.bifrost.adapters.vertx.server;

import static java.util.Objects.requireNonNull;

import io.bifrost.adapters.vertx.api.ApiContext;
import io.bifrost.adapters.vertx.api.ManagementApi;
import io.bifrost.core.config.ListenAddress;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.SocketAddress;
import java.util.Optional;

/** The management API on {@code api.listen}: bound with the key named in failures ([PRX-002]), closed last. */
final class ManagementListener {
    private final ManagementApi api;
    private final ListenAddress listen;
    private volatile SocketAddress bound;

    ManagementListener(Vertx vertx, ApiContext context) {
        this.api = new ManagementApi(requireNonNull(vertx, "vertx"), context);
        this.listen = context.config().api().listen();
    }

    Future<Void> bind(ServerOptions options) {
        String host = listen.host().isEmpty() ? ProxyListeners.allInterfaces(options) : listen.host();
        return api.listen(host, listen.port())
                .recover(e -> Future.failedFuture(new IllegalStateException(
                        "api.listen: cannot bind " + listen + ": " + ProxyListeners.bindReason(e), e)))
                .map(port -> {
                    bound = SocketAddress.inetSocketAddress(port, host);
                    return null;
                });
    }

    Optional<SocketAddress> address() {
        return Optional.ofNullable(bound);
    }

    Future<Void> close() {
        return api.close();
    }
}
