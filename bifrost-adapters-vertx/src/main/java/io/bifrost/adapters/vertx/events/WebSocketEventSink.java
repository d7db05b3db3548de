package io.bifrost.adapters.vertx.events;

import static java.util.Objects.requireNonNull;

import io.bifrost.core.backend.Backend;
import io.bifrost.core.event.ProxyEvent;
import io.bifrost.core.port.out.EventSink;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.ServerWebSocket;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The event WebSocket's side of the server's event fan-out ([EVT-001]-[EVT-027]): every event of a WebSocket type is
 * encoded once and offered to each subscriber's bounded queue without waiting ([EVT-005]); {@code stats.update} is
 * produced here every interval with per-second rates ([EVT-026]). Thread-safe; {@link #publish} never blocks.
 */
public final class WebSocketEventSink implements EventSink {
    /** The event types of [EVT-020]-[EVT-026], for the {@code events=} filter ([EVT-006]). */
    public static final List<String> TYPES = List.of(EventJson.BACKEND_HEALTH, EventJson.CONNECTION_NEW,
            EventJson.CONNECTION_CLOSE, EventJson.CONFIG_RELOAD, EventJson.CONFIG_SAVED, EventJson.STATS_UPDATE);

    private final Vertx vertx;
    private final EventStreamSettings settings;
    private final InstantSource clock;
    private final Supplier<StatsSnapshot> stats;
    private final Supplier<List<Backend>> backends;
    private final Set<EventSubscriber> subscribers = ConcurrentHashMap.newKeySet();
    private final AtomicInteger slots = new AtomicInteger();
    private final StatsRates rates = new StatsRates();
    private long statsTimer = -1;

    /**
     * @param stats the listener-side totals now
     * @param backends every declared backend, for the snapshot's {@code backend.health} events
     */
    public WebSocketEventSink(Vertx vertx, EventStreamSettings settings, InstantSource clock,
            Supplier<StatsSnapshot> stats, Supplier<List<Backend>> backends) {
        this.vertx = requireNonNull(vertx, "vertx");
        this.settings = requireNonNull(settings, "settings");
        this.clock = requireNonNull(clock, "clock");
        this.stats = requireNonNull(stats, "stats");
        this.backends = requireNonNull(backends, "backends");
    }

    @Override
    public void publish(ProxyEvent event) {
        if (subscribers.isEmpty()) {
            return;
        }
        EventJson.Encoded encoded = EventJson.encode(event);
        if (encoded != null) {
            subscribers.forEach(s -> s.offer(encoded));
        }
    }

    /** Starts the {@code stats.update} timer. */
    public synchronized void start() {
        if (statsTimer < 0) {
            rates.sample(stats.get(), System.nanoTime());
            statsTimer = vertx.setPeriodic(settings.statsInterval().toMillis(), id -> publishStats());
        }
    }

    /**
     * Claims a subscriber slot before a handshake is accepted; false when {@code max} are taken ([EVT-001]). A
     * claimed slot is given back by {@link #release} when the upgrade fails, else when the subscriber closes.
     */
    public boolean tryReserve(int max) {
        while (true) {
            int n = slots.get();
            if (n >= max) {
                return false;
            }
            if (slots.compareAndSet(n, n + 1)) {
                return true;
            }
        }
    }

    public void release() {
        slots.decrementAndGet();
    }

    /**
     * Attaches an upgraded socket on its reserved slot: the snapshot of [EVT-004] first, then live events. Call on
     * the socket's event loop (in the upgrade's {@code onSuccess}).
     *
     * @param types the {@code events=} filter; empty for all
     */
    public void attach(ServerWebSocket ws, HttpConnection connection, Set<String> types) {
        Context context = requireNonNull(Vertx.currentContext(), "attach (expected: on the socket's context)");
        EventSubscriber subscriber = new EventSubscriber(ws, connection, types, settings, context, snapshot(),
                gone -> {
                    subscribers.remove(gone);
                    release();
                });
        subscribers.add(subscriber);
        subscriber.start();
    }

    /** Subscribers connected now ({@code bifrost_websocket_clients}). */
    public int subscriberCount() {
        return subscribers.size();
    }

    /** Stops the timer and closes every subscriber with 1001 ([EVT-007]). */
    public Future<Void> close() {
        synchronized (this) {
            if (statsTimer >= 0) {
                vertx.cancelTimer(statsTimer);
                statsTimer = -1;
            }
        }
        subscribers.forEach(s -> s.close(EventSubscriber.GOING_AWAY, "server shutting down"));
        Promise<Void> gone = Promise.promise();
        awaitEmpty(gone, 50);
        return gone.future();
    }

    private void awaitEmpty(Promise<Void> gone, int triesLeft) {
        if (subscribers.isEmpty() || triesLeft == 0) {
            gone.tryComplete();
        } else {
            vertx.setTimer(20, id -> awaitEmpty(gone, triesLeft - 1));
        }
    }

    private List<EventJson.Encoded> snapshot() {
        List<EventJson.Encoded> out = new ArrayList<>();
        out.add(EventJson.frame(EventJson.STATS_UPDATE, clock.instant(), rates.current(stats.get())));
        for (Backend b : backends.get()) {
            if (b.running()) {
                out.add(EventJson.frame(EventJson.BACKEND_HEALTH, clock.instant(),
                        EventJson.initialHealth(b.name(), b.type(), b.healthy())));
            }
        }
        return out;
    }

    private void publishStats() {
        StatsSnapshot now = stats.get();
        EventJson.Encoded encoded = EventJson.frame(EventJson.STATS_UPDATE, clock.instant(),
                rates.sample(now, System.nanoTime()));
        subscribers.forEach(s -> s.offer(encoded));
    }
}
