package io.bifrost.core.traffic;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * A client connection from the moment its first request was routed to a backend until it closes ([SAPI-220]).
 *
 * <p>Written by the one event loop that owns the connection (single writer), read by the management API from
 * other threads: fields are volatile so readers see recent values without locking the data path.
 */
public final class TrackedConnection {
    private final String id;
    private final String clientIp;
    private final int clientPort;
    private final Instant startTime;
    private final Runnable closer;

    private volatile Protocol protocol;
    private volatile String host;
    private volatile int port;
    private volatile String route;
    private volatile String backend;
    private volatile String username;
    private volatile long requests;
    private volatile long bytesSent;
    private volatile long bytesReceived;
    private volatile ErrorCode closeReason;

    TrackedConnection(String id, String clientIp, int clientPort, Instant startTime, Runnable closer) {
        this.id = requireNonNull(id, "id");
        this.clientIp = requireNonNull(clientIp, "clientIp");
        this.clientPort = clientPort;
        this.startTime = requireNonNull(startTime, "startTime");
        this.closer = requireNonNull(closer, "closer");
    }

    public String id() {
        return id;
    }

    public Instant startTime() {
        return startTime;
    }

    /** Records the next request on this connection; its values become the connection's current ones. */
    public void request(Protocol protocol, String host, int port, String route, String backend, String username) {
        this.protocol = requireNonNull(protocol, "protocol");
        this.host = requireNonNull(host, "host");
        this.port = port;
        this.route = requireNonNull(route, "route");
        this.backend = requireNonNull(backend, "backend");
        this.username = username;
        this.requests = requests + 1;
    }

    /** Adds bytes written to the client. Called only by the owning event loop. */
    public void addBytesSent(long n) {
        bytesSent = bytesSent + n;
    }

    /** Adds bytes read from the client. Called only by the owning event loop. */
    public void addBytesReceived(long n) {
        bytesReceived = bytesReceived + n;
    }

    /** Asks the owner to close the client and upstream sockets; returns at once. */
    public void requestClose() {
        closer.run();
    }

    /**
     * Asks the owner to close the client and upstream sockets and records why, e.g. {@code closed_by_api}
     * ([SAPI-222]): {@link ConnectionRegistry#untrack} reports that reason whatever the closing path saw.
     */
    public void requestClose(ErrorCode reason) {
        closeReason = requireNonNull(reason, "reason");
        closer.run();
    }

    /** Why a close was requested through {@link #requestClose(ErrorCode)}, or {@code null}. */
    public ErrorCode closeReason() {
        return closeReason;
    }

    public ConnectionSnapshot snapshot() {
        return new ConnectionSnapshot(id, clientIp, clientPort, protocol, host, port, route, backend, username,
                startTime, requests, bytesSent, bytesReceived);
    }
}
