package io.bifrost.adapters.vertx.clientapi;

import static java.util.Objects.requireNonNull;

import io.bifrost.core.client.DebugEntry;
import io.bifrost.core.client.TrafficDebugger;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import java.util.ArrayDeque;
import java.util.List;
import java.util.function.Consumer;

/**
 * One open log stream ([EVT-050]-[EVT-057]). Live entries arrive through {@link #offer} on whichever event loop
 * recorded them, while the debugger's lock is held: they go into a bounded buffer (the oldest undelivered entry is
 * dropped when it is full, [EVT-056]) and a flush is scheduled on the stream's own event loop, so the data path never
 * waits. Everything else runs on that event loop: writing, which stops while the response's write queue is full and
 * resumes on drain; the replay after {@code Last-Event-ID}, read from the ring in batches as fast as the connection
 * takes them ([EVT-054]); the heartbeat after {@code heartbeat} without a write ([EVT-053]).
 */
final class LogSubscriber {
    private static final int REPLAY_BATCH = 64;

    private final Vertx vertx;
    private final Context context;
    private final HttpServerResponse response;
    private final TrafficDebugger debugger;
    private final String level;
    private final int capacity;
    private final long heartbeatMillis;
    private final Consumer<LogSubscriber> onClose;
    private final ArrayDeque<DebugEntry> live = new ArrayDeque<>(); // guarded by this
    private boolean flushScheduled; // guarded by this
    private volatile boolean closed;
    // event loop only:
    private long cursor;
    private boolean replaying;
    private long lastWrite;
    private long heartbeatTimer = -1;
    private TrafficDebugger.Subscription subscription;

    /**
     * @param level the only level sent ({@code error} or {@code info}; other levels match no entry), or {@code null}
     * @param onClose called once when the stream has closed, on the stream's event loop
     */
    LogSubscriber(Vertx vertx, HttpServerResponse response, TrafficDebugger debugger, String level, int capacity,
            long heartbeatMillis, Consumer<LogSubscriber> onClose) {
        this.vertx = requireNonNull(vertx, "vertx");
        this.context = requireNonNull(vertx.getOrCreateContext(), "context");
        this.response = requireNonNull(response, "response");
        this.debugger = requireNonNull(debugger, "debugger");
        this.level = level;
        this.capacity = capacity;
        this.heartbeatMillis = heartbeatMillis;
        this.onClose = requireNonNull(onClose, "onClose");
    }

    /**
     * Starts the stream on the request's event loop: the hello event ([EVT-051]), then the replay of entries after
     * {@code lastEventId} when present, then live entries.
     *
     * @param lastEventId the id the reader saw last, or -1 for none
     */
    void start(String hello, long lastEventId) {
        response.closeHandler(v -> closed());
        response.exceptionHandler(e -> closed());
        write("retry: 3000\n\ndata: " + hello + "\n\n");
        subscription = debugger.subscribe(this::offer);
        // an id above every id of this process comes from before a restart ([GEN-061]): nothing to replay
        cursor = Math.min(Math.max(lastEventId, 0), debugger.lastId());
        scheduleHeartbeat(heartbeatMillis);
        if (lastEventId >= 0) {
            replaying = true;
            replay();
        }
    }

    /** Called by the debugger for each new entry; never blocks. */
    void offer(DebugEntry entry) {
        if (!matches(entry)) {
            return;
        }
        boolean schedule;
        synchronized (this) {
            if (closed) {
                return;
            }
            if (live.size() >= capacity) {
                live.pollFirst(); // [EVT-056]: a slow reader loses its oldest entries, the proxy never waits
            }
            live.addLast(entry);
            schedule = !flushScheduled;
            flushScheduled = true;
        }
        if (schedule) {
            context.runOnContext(v -> flush());
        }
    }

    private boolean matches(DebugEntry entry) {
        return level == null || level.equals(TrafficJson.level(entry));
    }

    private void flush() {
        synchronized (this) {
            flushScheduled = false;
        }
        if (closed || replaying) {
            return;
        }
        while (!response.writeQueueFull()) {
            DebugEntry next;
            synchronized (this) {
                next = live.pollFirst();
            }
            if (next == null) {
                return;
            }
            if (next.id() > cursor) {
                writeEntry(next);
            }
        }
        response.drainHandler(v -> flush());
    }

    /** [EVT-054]: entries still held with an id above the cursor, oldest first, at the connection's pace. */
    private void replay() {
        while (!closed && !response.writeQueueFull()) {
            List<DebugEntry> batch = debugger.since(cursor, REPLAY_BATCH);
            if (batch.isEmpty()) {
                replaying = false;
                flush();
                return;
            }
            for (DebugEntry e : batch) {
                if (matches(e)) {
                    writeEntry(e);
                }
                cursor = e.id();
            }
        }
        if (!closed) {
            response.drainHandler(v -> replay());
        }
    }

    private void writeEntry(DebugEntry e) {
        cursor = e.id();
        write("id: " + e.id() + "\ndata: " + TrafficJson.logEntry(e).encode() + "\n\n");
    }

    private void write(String text) {
        lastWrite = System.nanoTime();
        response.write(text);
    }

    /** [EVT-053]: a comment line after {@code heartbeat} without a write. */
    private void scheduleHeartbeat(long delayMillis) {
        heartbeatTimer = vertx.setTimer(Math.max(1, delayMillis), id -> {
            if (closed) {
                return;
            }
            long idle = (System.nanoTime() - lastWrite) / 1_000_000;
            if (idle >= heartbeatMillis) {
                if (!response.writeQueueFull()) {
                    write(": keep-alive\n\n");
                }
                scheduleHeartbeat(heartbeatMillis);
            } else {
                scheduleHeartbeat(heartbeatMillis - idle);
            }
        });
    }

    /** Ends the stream, after {@code finalEvent} (a JSON object) when given ([EVT-057]); from any thread. */
    void end(String finalEvent) {
        context.runOnContext(v -> {
            if (closed) {
                return;
            }
            if (finalEvent != null) {
                write("data: " + finalEvent + "\n\n");
            }
            response.end();
            closed();
        });
    }

    private void closed() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            live.clear();
        }
        if (subscription != null) {
            subscription.close();
        }
        vertx.cancelTimer(heartbeatTimer);
        onClose.accept(this);
    }
}
