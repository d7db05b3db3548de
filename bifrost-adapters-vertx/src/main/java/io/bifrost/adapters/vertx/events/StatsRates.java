package io.bifrost.adapters.vertx.events;

import io.vertx.core.json.JsonObject;

/**
 * Per-second rates of [EVT-026] over the last interval: each {@link #sample} compares the counters with the previous
 * sample. Thread-safe (synchronized; called every few seconds).
 */
final class StatsRates {
    private StatsSnapshot previous;
    private long previousNanos;
    private double sentRate;
    private double receivedRate;
    private double requestRate;

    /** Takes a sample and returns the {@code stats.update} data with the rates since the previous one. */
    synchronized JsonObject sample(StatsSnapshot now, long nanos) {
        if (previous != null && nanos > previousNanos) {
            double seconds = (nanos - previousNanos) / 1e9;
            sentRate = Math.max(0, now.bytesSent() - previous.bytesSent()) / seconds;
            receivedRate = Math.max(0, now.bytesReceived() - previous.bytesReceived()) / seconds;
            requestRate = Math.max(0, now.totalRequests() - previous.totalRequests()) / seconds;
        }
        previous = now;
        previousNanos = nanos;
        return current(now);
    }

    /** The data for {@code now} with the rates of the last complete interval (zero before the first). */
    synchronized JsonObject current(StatsSnapshot now) {
        return EventJson.stats(now, sentRate, receivedRate, requestRate);
    }
}
