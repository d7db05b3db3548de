package io.bifrost.adapters.vertx.events;

import io.bifrost.core.backend.Backend;
import io.bifrost.core.traffic.TrafficCounters;
import java.util.List;

/**
 * Listener-side totals and backend counts at one moment ([SAPI-013], [EVT-026]). Immutable.
 *
 * @param backendsTotal declared backends
 * @param backendsRunning backends started and selectable
 * @param backendsHealthy running backends whose probe (if any) says healthy
 */
public record StatsSnapshot(
        long totalConnections,
        long activeConnections,
        long totalRequests,
        long failedRequests,
        long bytesSent,
        long bytesReceived,
        int backendsTotal,
        int backendsRunning,
        int backendsHealthy) {

    /** Reads the counters and backends now; cheap (sums of a few adders). */
    public static StatsSnapshot of(TrafficCounters traffic, List<Backend> backends) {
        int running = 0;
        int healthy = 0;
        for (Backend b : backends) {
            running += b.running() ? 1 : 0;
            healthy += b.healthy() ? 1 : 0;
        }
        return new StatsSnapshot(traffic.totalConnections(), traffic.activeConnections(), traffic.totalRequests(),
                traffic.failedRequests(), traffic.bytesSent(), traffic.bytesReceived(), backends.size(), running,
                healthy);
    }
}
