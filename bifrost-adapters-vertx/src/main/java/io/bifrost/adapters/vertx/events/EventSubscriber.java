package io.bifrost.adapters.vertx.events;

import static java.util.Objects.requireNonNull;

import io.vertx.core.Context;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.WebSocketFrame;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * One WebSocket subscriber ([EVT-003]-[EVT-006]): a bounded queue that publishers fill without waiting, drained on
 * the socket's event loop as fast as the socket takes frames. Overflow or a write stalled past the limit closes it
 * with 1013; it never skips an event and stays connected ([EVT-005]). {@link #offer} is thread-safe and lock-free;
 * everything else runs on the socket's context.
 */
final class EventSubscriber {
    static final short TOO_SLOW = 1013;
    static final short UNSUPPORTED_DATA = 1003;
    static final short GOING_AWAY = 1001;

    private final ServerWebSocket ws;
    private final HttpConnection connection;
    private final Set<String> types;
    private final EventStreamSettings settings;
    private final Context context;
    private final Consumer<EventSubscriber> onClose;
    private final ConcurrentLinkedQueue<String> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private final AtomicBoolean closing = new AtomicBoolean();
    private final ArrayDeque<Long> inFlight = new ArrayDeque<>(); // start times of unacknowledged writes
    private long lastSeen = System.nanoTime();
    private long pingTimer = -1;
    private long watchdogTimer = -1;

    /**
     * @param types event types to send; empty means all ([EVT-006])
     * @param snapshot frames queued before anything published later ([EVT-004])
     * @param onClose run once when the socket has closed
     */
    EventSubscriber(ServerWebSocket ws, HttpConnection connection, Set<String> types, EventStreamSettings settings,
            Context context, List<EventJson.Encoded> snapshot, Consumer<EventSubscriber> onClose) {
        this.ws = requireNonNull(ws, "ws");
        this.connection = requireNonNull(connection, "connection");
        this.types = Set.copyOf(types);
        this.settings = requireNonNull(settings, "settings");
        this.context = requireNonNull(context, "context");
        this.onClose = requireNonNull(onClose, "onClose");
        for (EventJson.Encoded e : snapshot) { // the snapshot is sent whole, however many backends there are
            if (this.types.isEmpty() || this.types.contains(e.type())) {
                queue.add(e.text());
                queued.incrementAndGet();
            }
        }
    }

    /** Starts reading, pinging and draining. Call on the socket's context. */
    void start() {
        ws.frameHandler(this::onFrame);
        ws.exceptionHandler(e -> connection.close());
        ws.closeHandler(v -> closed());
        pingTimer = context.owner().setPeriodic(settings.pingInterval().toMillis(),
                id -> ws.writePing(Buffer.buffer()));
        long tick = Math.max(10, Math.min(1000, settings.writeStall().toMillis() / 5));
        watchdogTimer = context.owner().setPeriodic(tick, id -> watchdog());
        drain();
    }

    /** Queues an event for this subscriber; closes it as too slow when its queue is full. Never waits. */
    void offer(EventJson.Encoded event) {
        if (closing.get() || (!types.isEmpty() && !types.contains(event.type()))) {
            return;
        }
        if (queued.incrementAndGet() > settings.queueCapacity()) {
            queued.decrementAndGet();
            close(TOO_SLOW, "subscriber too slow");
            return;
        }
        queue.add(event.text());
        if (drainScheduled.compareAndSet(false, true)) {
            context.runOnContext(v -> drain());
        }
    }

    /** Closes with {@code status} once, from any thread. */
    void close(short status, String reason) {
        if (closing.compareAndSet(false, true)) {
            context.runOnContext(v -> {
                if (!ws.isClosed()) {
                    ws.close(status, reason);
                }
            });
        }
    }

    private void drain() {
        drainScheduled.set(false);
        while (!closing.get() && !ws.writeQueueFull()) {
            String text = queue.poll();
            if (text == null) {
                return;
            }
            queued.decrementAndGet();
            inFlight.addLast(System.nanoTime());
            ws.writeTextMessage(text).onComplete(ar -> inFlight.pollFirst());
        }
        if (!closing.get() && !queue.isEmpty()) {
            ws.drainHandler(v -> drain());
        }
    }

    private void onFrame(WebSocketFrame frame) {
        lastSeen = System.nanoTime();
        if (frame.isBinary()) {
            close(UNSUPPORTED_DATA, "binary frames are not accepted");
        } else if (frame.isText() && frame.isFinal() && "ping".equals(frame.textData())) {
            ws.writeTextMessage("pong"); // [EVT-003]: browsers cannot send ping control frames
        }
    }

    private void watchdog() {
        long now = System.nanoTime();
        Long oldest = inFlight.peekFirst();
        if (oldest != null && now - oldest > settings.writeStall().toNanos()) {
            close(TOO_SLOW, "subscriber too slow");
        } else if (now - lastSeen > settings.idleTimeout().toNanos()) {
            closing.set(true);
            connection.close(); // [EVT-003]: silent for too long, TCP close
        }
    }

    private void closed() {
        closing.set(true);
        context.owner().cancelTimer(pingTimer);
        context.owner().cancelTimer(watchdogTimer);
        queue.clear();
        onClose.accept(this);
    }
}
