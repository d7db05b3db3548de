package io.bifrost.core.traffic;

import static java.util.Objects.requireNonNull;

import io.bifrost.core.event.ProxyEvent;
import io.bifrost.core.event.RequestCompleted;
import io.bifrost.core.port.out.EventSink;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * The in-memory request log ([SAPI-200]-[SAPI-202]): the most recent {@code capacity} request records, each with an
 * id that starts at 1 and only grows ([GEN-061]; clearing does not reset it). An {@link EventSink}: it records every
 * {@link RequestCompleted}. Thread-safe; appends hold a lock for a few field writes, never across I/O.
 */
public final class RequestLog implements EventSink {
    private final RequestLog.Entry[] ring;
    private long nextId = 1;
    private long totalRecorded;
    private int size;
    private int head; // index of the next write

    /** @param capacity entries kept; 0 keeps nothing (the log is disabled) */
    public RequestLog(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity: " + capacity + " (expected: >= 0)");
        }
        this.ring = new Entry[capacity];
    }

    public boolean enabled() {
        return ring.length > 0;
    }

    public int capacity() {
        return ring.length;
    }

    @Override
    public void publish(ProxyEvent event) {
        if (event instanceof RequestCompleted completed) {
            add(completed.record());
        }
    }

    /** Appends a record, evicting the oldest when full; returns its entry. */
    public synchronized Entry add(RequestRecord record) {
        requireNonNull(record, "record");
        Entry entry = new Entry(nextId++, record);
        totalRecorded++;
        if (ring.length == 0) {
            return entry;
        }
        ring[head] = entry;
        head = (head + 1) % ring.length;
        size = Math.min(size + 1, ring.length);
        return entry;
    }

    /**
     * Entries newest first: those with an id above {@code since} (when given), then {@code offset} skipped and at
     * most {@code limit} returned. {@code total} counts the entries after the {@code since} filter.
     */
    public synchronized Page page(int limit, int offset, OptionalLong since) {
        List<Entry> matching = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            Entry e = ring[Math.floorMod(head - 1 - i, ring.length)];
            if (since.isPresent() && e.id() <= since.getAsLong()) {
                break; // newest first: the rest are older still
            }
            matching.add(e);
        }
        int from = Math.min(offset, matching.size());
        int to = Math.min(from + limit, matching.size());
        return new Page(List.copyOf(matching.subList(from, to)), matching.size());
    }

    public synchronized Stats stats() {
        if (size == 0) {
            return new Stats(0, ring.length, totalRecorded, OptionalLong.empty(), OptionalLong.empty());
        }
        Entry newest = ring[Math.floorMod(head - 1, ring.length)];
        Entry oldest = ring[Math.floorMod(head - size, ring.length)];
        return new Stats(size, ring.length, totalRecorded, OptionalLong.of(oldest.id()), OptionalLong.of(newest.id()));
    }

    /** Empties the log; ids keep increasing ([SAPI-202]). */
    public synchronized void clear() {
        java.util.Arrays.fill(ring, null);
        size = 0;
        head = 0;
    }

    /** One logged request. */
    public record Entry(long id, RequestRecord record) {}

    /** A page of entries and how many matched. */
    public record Page(List<Entry> entries, int total) {}

    /** [SAPI-201]. */
    public record Stats(int count, int maxSize, long totalRecorded, OptionalLong oldestId, OptionalLong newestId) {}
}
