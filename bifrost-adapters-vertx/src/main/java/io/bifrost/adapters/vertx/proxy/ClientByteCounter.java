package io.bifrost.adapters.vertx.proxy;

import static java.util.Objects.requireNonNull;

import io.bifrost.adapters.vertx.net.StreamSocket;
import io.bifrost.core.traffic.TrackedConnection;

/**
 * Counts a client socket's bytes into the listener's counters and, once the connection is tracked, into its
 * tracked connection ([GEN-006] listener family: written to the client is "sent"). Single-threaded, like its socket.
 */
public final class ClientByteCounter implements StreamSocket.ByteCounter {
    private final TrafficRecorder recorder;
    private TrackedConnection tracked;

    public ClientByteCounter(TrafficRecorder recorder) {
        this.recorder = requireNonNull(recorder, "recorder");
    }

    /** From now on bytes count for {@code connection} too; it is credited with what the socket moved so far. */
    public void track(TrackedConnection connection, StreamSocket socket) {
        this.tracked = requireNonNull(connection, "connection");
        connection.addBytesReceived(socket.bytesRead());
        connection.addBytesSent(socket.bytesWritten());
    }

    @Override
    public void read(long n) {
        recorder.bytesReceived(n);
        if (tracked != null) {
            tracked.addBytesReceived(n);
        }
    }

    @Override
    public void written(long n) {
        recorder.bytesSent(n);
        if (tracked != null) {
            tracked.addBytesSent(n);
        }
    }
}
