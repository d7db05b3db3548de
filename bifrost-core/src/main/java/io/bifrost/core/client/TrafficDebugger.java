package io.bifrost.core.client;

import static java.util.Objects.requireNonNull;

import io.bifrost.core.config.ClientRouteConfig.Action;
import io.bifrost.core.config.DebugConfig;
import io.bifrost.core.routing.HostPattern;
import io.bifrost.core.routing.RoutingKey;
import io.bifrost.core.traffic.RequestRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The client's traffic debugger ([CAPI-090]): when {@code debug.enabled}, one {@link DebugEntry} per request in a ring
 * of {@code debug.max_entries} (oldest dropped first), restricted to hosts matching {@code debug.filter_domains}
 * when that list is non-empty. Ids follow [GEN-061]: clearing does not reset them. A reload may change every setting
 * ([CFG-085]); shrinking keeps the newest entries.
 *
 * <p>Listeners ({@link #subscribe}) see every new entry, in id order, synchronously on the thread that recorded it
 * (an event loop) while the debugger's lock is held: they must only hand the entry on (e.g. to a bounded queue), never
 * block, never call back into the debugger. Thread-safe; every method holds the lock only for in-memory work.
 */
public final class TrafficDebugger {
    private final List<Consumer<DebugEntry>> listeners = new CopyOnWriteArrayList<>();
    private DebugConfig config;
    private DebugEntry[] ring;
    private int head; // index of the next write
    private int size;
    private long nextId = 1;

    public TrafficDebugger(DebugConfig config) {
        this.config = requireNonNull(config, "config");
        this.ring = new DebugEntry[config.maxEntries()];
    }

    /** Applies new {@code debug} settings; entries beyond a smaller {@code max_entries} go, oldest first. */
    public synchronized void configure(DebugConfig next) {
        requireNonNull(next, "next");
        if (next.maxEntries() != ring.length) {
            List<DebugEntry> kept = oldestFirst(Math.min(size, next.maxEntries()));
            ring = new DebugEntry[next.maxEntries()];
            size = 0;
            head = 0;
            kept.forEach(this::append);
        }
        config = next;
    }

    public synchronized DebugConfig config() {
        return config;
    }

    /**
     * Records a finished request, unless the debugger is off or the host is filtered out.
     *
     * @param action {@code null} when the request was refused before routing
     * @param server the upstream's name for {@code server} requests, else {@code null}
     * @param error {@code <code>: <detail>} for failures, else {@code null}
     * @return the new entry, or empty when nothing was recorded
     */
    public synchronized Optional<DebugEntry> record(RequestRecord record, Action action, String server, String error) {
        requireNonNull(record, "record");
        if (!config.enabled() || !passesFilter(record.host())) {
            return Optional.empty();
        }
        DebugEntry entry = new DebugEntry(nextId++, DebugEntry.Type.of(record), record, action, server, error);
        if (ring.length > 0) {
            append(entry);
        }
        listeners.forEach(l -> l.accept(entry));
        return Optional.of(entry);
    }

    private boolean passesFilter(String host) {
        List<HostPattern> filter = config.filterDomains();
        if (filter.isEmpty()) {
            return true;
        }
        Optional<RoutingKey> key = RoutingKey.parse(host);
        return key.isPresent() && filter.stream().anyMatch(p -> p.matches(key.get()));
    }

    private void append(DebugEntry entry) {
        ring[head] = entry;
        head = (head + 1) % ring.length;
        size = Math.min(size + 1, ring.length);
    }

    /** Entries newest first, {@code offset} skipped, at most {@code limit} ([CAPI-091]). */
    public synchronized Page page(int limit, int offset) {
        return page(limit, offset, e -> true);
    }

    /** Entries that have an error, newest first ([CAPI-094]). */
    public synchronized Page errors(int limit, int offset) {
        return page(limit, offset, e -> e.error() != null || e.record().failed());
    }

    /** Entries that pass {@code filter}, newest first, {@code offset} skipped, at most {@code limit} ([CAPI-100]). */
    public synchronized Page page(int limit, int offset, Predicate<DebugEntry> filter) {
        requireNonNull(filter, "filter");
        List<DebugEntry> matching = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            DebugEntry e = ring[Math.floorMod(head - 1 - i, ring.length)];
            if (filter.test(e)) {
                matching.add(e);
            }
        }
        int from = Math.min(Math.max(0, offset), matching.size());
        int to = Math.min(from + Math.max(0, limit), matching.size());
        return new Page(List.copyOf(matching.subList(from, to)), matching.size());
    }

    /** The newest {@code count} entries, oldest first (a tail, [CAPI-092]). */
    public synchronized List<DebugEntry> last(int count) {
        return oldestFirst(Math.min(Math.max(0, count), size));
    }

    /** Entries with an id above {@code id}, oldest first: what a subscriber missed (resumption). */
    public synchronized List<DebugEntry> since(long id) {
        return since(id, Integer.MAX_VALUE);
    }

    /**
     * The oldest {@code limit} entries with an id above {@code id}, oldest first: one batch of a replay that goes only
     * as fast as its reader ([EVT-054]).
     */
    public synchronized List<DebugEntry> since(long id, int limit) {
        int low = 0; // ids increase from the oldest held entry to the newest: find the first above id
        int high = size;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (oldest(mid).id() > id) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        int count = Math.min(Math.max(0, limit), size - low);
        List<DebugEntry> out = new ArrayList<>(count);
        for (int k = low; k < low + count; k++) {
            out.add(oldest(k));
        }
        return out;
    }

    /** The {@code k}-th oldest entry held (0 = the oldest). */
    private DebugEntry oldest(int k) {
        return ring[Math.floorMod(head - size + k, ring.length)];
    }

    private List<DebugEntry> oldestFirst(int count) {
        List<DebugEntry> out = new ArrayList<>(count);
        for (int i = count - 1; i >= 0; i--) {
            out.add(ring[Math.floorMod(head - 1 - i, ring.length)]);
        }
        return out;
    }

    /** The id of the newest entry recorded since the process started (0 before the first), held or not. */
    public synchronized long lastId() {
        return nextId - 1;
    }

    /** Entries held now ([CAPI-012] {@code debug_entries}). */
    public synchronized int size() {
        return size;
    }

    /** Empties the ring ([CAPI-093]); ids keep increasing. */
    public synchronized void clear() {
        java.util.Arrays.fill(ring, null);
        size = 0;
        head = 0;
    }

    /** Adds a listener for new entries (see the class comment for what it may do); close the result to remove it. */
    public Subscription subscribe(Consumer<DebugEntry> listener) {
        requireNonNull(listener, "listener");
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** Listeners currently subscribed. */
    public int subscriberCount() {
        return listeners.size();
    }

    /** A page of entries and how many matched in all. */
    public record Page(List<DebugEntry> entries, int total) {}

    /** A listener registration; closing it more than once is harmless. */
    @FunctionalInterface
    public interface Subscription extends AutoCloseable {
        @Override
        void close();
    }
}
