package io.bifrost.core.traffic;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * A tracked connection as the API and events show it ([SAPI-220], [EVT-021]); values of its most recent request.
 *
 * @param username {@code null} when anonymous
 */
public record ConnectionSnapshot(
        String id,
        String clientIp,
        int clientPort,
        Protocol protocol,
        String host,
        int port,
        String route,
        String backend,
        String username,
        Instant startTime,
        long requests,
        long bytesSent,
        long bytesReceived) {

    public ConnectionSnapshot {
        requireNonNull(id, "id");
        requireNonNull(clientIp, "clientIp");
        requireNonNull(protocol, "protocol");
        requireNonNull(host, "host");
        requireNonNull(route, "route");
        requireNonNull(backend, "backend");
        requireNonNull(startTime, "startTime");
    }
}
