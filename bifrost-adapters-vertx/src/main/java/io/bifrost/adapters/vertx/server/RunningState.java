package io.bifrost.adapters.vertx.server;

import static java.util.Objects.requireNonNull;

import io.bifrost.adapters.vertx.api.ServerState;
import io.bifrost.core.config.ListenAddress;
import io.bifrost.core.config.ServerConfig;
import io.vertx.core.net.SocketAddress;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.BooleanSupplier;

/** A {@link BifrostServer} as its management API sees it. Thread-safe: reads volatile state only. */
final class RunningState implements ServerState {
    private final BifrostServer server;
    private final BooleanSupplier authRequired;

    RunningState(BifrostServer server, BooleanSupplier authRequired) {
        this.server = requireNonNull(server, "server");
        this.authRequired = requireNonNull(authRequired, "authRequired");
    }

    @Override
    public Instant startedAt() {
        return server.startedAt();
    }

    @Override
    public boolean shuttingDown() {
        return server.shuttingDown();
    }

    @Override
    public boolean authRequired() {
        return authRequired.getAsBoolean();
    }

    /** [SAPI-012]: the configured host with the bound port (the configured one until the listener is bound). */
    @Override
    public Map<String, String> listeners() {
        ServerConfig config = server.config();
        Map<String, String> out = new LinkedHashMap<>();
        put(out, "http", config.server().http().listen(), server.httpAddress());
        put(out, "socks5", config.server().socks5().listen(), server.socks5Address());
        if (config.api().enabled()) {
            put(out, "api", config.api().listen(), server.apiAddress());
        }
        if (config.metrics().enabled()) {
            put(out, "metrics", config.metrics().listen(), server.metricsAddress());
        }
        return out;
    }

    private static void put(Map<String, String> out, String key, ListenAddress listen, Optional<SocketAddress> bound) {
        if (!listen.isDisabled()) {
            int port = bound.map(SocketAddress::port).orElse(listen.port());
            out.put(key, new ListenAddress(listen.host(), port).toString());
        }
    }

    @Override
    public OptionalInt httpPort() {
        return server.httpAddress().map(a -> OptionalInt.of(a.port())).orElse(OptionalInt.empty());
    }

    @Override
    public OptionalInt socks5Port() {
        return server.socks5Address().map(a -> OptionalInt.of(a.port())).orElse(OptionalInt.empty());
    }
}
