package io.bifrost.testkit.internal;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * An append-only list of recorded values that a test thread can read, or wait on, while server threads append.
 * Thread-safe (all methods synchronise on this object). {@link #await} blocks, so it must not run on an event loop.
 *
 * @param <T> the recorded value type, normally an immutable record
 */
public final class Recording<T> {

    private final String what;
    private final List<T> items = new ArrayList<>();

    /** {@code what} names the values in failure messages, e.g. {@code "requests"}. */
    public Recording(String what) {
        this.what = requireNonNull(what, "what");
    }

    public synchronized void add(T item) {
        items.add(requireNonNull(item, "item"));
        notifyAll();
    }

    /** An immutable copy, in recording order. */
    public synchronized List<T> snapshot() {
        return List.copyOf(items);
    }

    public synchronized void clear() {
        items.clear();
    }

    /**
     * Waits until at least {@code count} values have been recorded and returns them all.
     *
     * @throws AssertionError if fewer than {@code count} values arrive within {@code timeout}; the message lists what
     *     did arrive, so a failing test explains itself
     */
    public synchronized List<T> await(int count, Duration timeout) {
        requireNonNull(timeout, "timeout");
        long deadline = System.nanoTime() + timeout.toNanos();
        while (items.size() < count) {
            long leftMillis = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
            if (System.nanoTime() >= deadline) {
                throw new AssertionError("expected at least " + count + " " + what + " within " + timeout
                        + " but got " + items.size() + ": " + items);
            }
            try {
                wait(leftMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + count + " " + what, e);
            }
        }
        return List.copyOf(items);
    }
}
