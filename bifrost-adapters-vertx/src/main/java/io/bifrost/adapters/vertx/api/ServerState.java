package io.bifrost.adapters.vertx.api;

import java.time.Instant;
import java.util.Map;
import java.util.OptionalInt;

/** The running server as the API sees it. Implementations are thread-safe and never block. */
public interface ServerState {

    /** When the server started (uptime, [SAPI-012]). */
    Instant startedAt();

    /** Draining at shutdown ([PRX-110]): health answers 503, status says {@code shutting_down}. */
    boolean shuttingDown();

    /** Proxy authentication is required ([SEC-031]). */
    boolean authRequired();

    /**
     * Enabled listeners, keyed {@code http}, {@code socks5}, {@code api}, {@code metrics}, each the configured host
     * with the bound port ({@code ":7080"}, {@code "127.0.0.1:41823"}, [SAPI-012]).
     */
    Map<String, String> listeners();

    /** The bound HTTP proxy port, when that listener runs (PAC, [SAPI-300]). */
    OptionalInt httpPort();

    /** The bound SOCKS5 port, when that listener runs. */
    OptionalInt socks5Port();
}
