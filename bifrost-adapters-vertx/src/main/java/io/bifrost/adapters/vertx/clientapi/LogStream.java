package io.bifrost.adapters.vertx.clientapi;

import static java.util.Objects.requireNonNull;

import io.bifrost.adapters.vertx.api.ApiJson;
import io.bifrost.core.client.TrafficDebugger;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import java.time.InstantSource;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The open log streams of the client API ([CAPI-101], [EVT-050]-[EVT-057]): at most {@code maxStreams} at a time
 * ([EVT-056]), each a {@link LogSubscriber} fed by the traffic debugger. Ends them all when {@code debug.enabled}
 * becomes false (after a final {@code closed} event, [EVT-057]) and at shutdown. Thread-safe.
 */
final class LogStream {
    /** [EVT-057]. */
    static final String DEBUG_DISABLED = new JsonObject().put("type", "closed").put("reason", "debug disabled")
            .encode();

    private final Vertx vertx;
    private final TrafficDebugger debugger;
    private final ClientApiSettings settings;
    private final InstantSource clock;
    private final AtomicInteger reserved = new AtomicInteger();
    private final Set<LogSubscriber> open = ConcurrentHashMap.newKeySet();

    LogStream(Vertx vertx, TrafficDebugger debugger, ClientApiSettings settings, InstantSource clock) {
        this.vertx = requireNonNull(vertx, "vertx");
        this.debugger = requireNonNull(debugger, "debugger");
        this.settings = requireNonNull(settings, "settings");
        this.clock = requireNonNull(clock, "clock");
    }

    /** Takes one of the {@code maxStreams} places; false when none is free ({@code TOO_MANY_CLIENTS}). */
    boolean tryReserve() {
        while (true) {
            int n = reserved.get();
            if (n >= settings.maxStreams()) {
                return false;
            }
            if (reserved.compareAndSet(n, n + 1)) {
                return true;
            }
        }
    }

    /**
     * Starts a stream on a reserved place, on the request's event loop; the place is given back when it closes.
     *
     * @param level the only level sent, or {@code null} for all
     * @param lastEventId the reader's last id ([EVT-054]), or -1
     */
    void start(HttpServerResponse response, String level, long lastEventId) {
        response.setStatusCode(200).setChunked(true)
                .putHeader("Content-Type", "text/event-stream; charset=utf-8")
                .putHeader("Cache-Control", "no-store")
                .putHeader("X-Accel-Buffering", "no");
        LogSubscriber subscriber = new LogSubscriber(vertx, response, debugger, level, settings.streamBuffer(),
                settings.heartbeat().toMillis(), this::closed);
        open.add(subscriber);
        String hello = new JsonObject().put("type", "connected").put("time", ApiJson.time(clock.instant())).encode();
        subscriber.start(hello, lastEventId);
    }

    private void closed(LogSubscriber subscriber) {
        if (open.remove(subscriber)) {
            reserved.decrementAndGet();
        }
    }

    /** Streams open now ([CAPI-095] {@code log_subscribers}). */
    int count() {
        return reserved.get();
    }

    /** [EVT-057]: ends every stream after the final {@code closed} event. */
    void debugDisabled() {
        open.forEach(s -> s.end(DEBUG_DISABLED));
    }

    /** At shutdown: ends every stream. */
    void closeAll() {
        open.forEach(s -> s.end(null));
    }
}
