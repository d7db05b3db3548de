package io.bifrost.adapters.vertx.clientapi;

import io.bifrost.core.traffic.TrafficCounters;
import io.vertx.core.net.SocketAddress;
import java.time.Instant;
import java.util.Optional;

/** The running client as its API sees it ([CAPI-012], [CAPI-013]). Implementations are thread-safe and never block. */
public interface ClientView {

    /** When the listeners were bound; empty before. */
    Optional<Instant> startedAt();

    /** Draining at shutdown ([PRX-113]): health answers 503. */
    boolean shuttingDown();

    /** The bound HTTP proxy listener, when enabled and started. */
    Optional<SocketAddress> httpAddress();

    /** The bound SOCKS5 listener, when enabled and started. */
    Optional<SocketAddress> socks5Address();

    /** Both listeners' totals: bytes to and from local clients, active and total connections ([GEN-006]). */
    TrafficCounters traffic();
}
