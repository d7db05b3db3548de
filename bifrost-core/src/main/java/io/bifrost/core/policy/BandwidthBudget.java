package io.bifrost.core.policy;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A byte budget for one direction of one proxied connection ([SEC-052]): a token bucket of bytes refilled at the
 * configured rate, holding one second's worth of bytes but at least 16 KiB.
 *
 * <p>The data path cannot refuse bytes it has already read, so the bucket may go into debt: the adapter calls
 * {@link #consume} with each chunk it forwards and, when the answer is not zero, pauses reading for that long
 * (back-pressure; nothing is dropped). Over a sustained transfer the rate thus stays at the limit, plus at most one
 * bucket's worth of burst. Pure arithmetic: no timers. Thread-safe (lock-free), though one connection's chunks
 * normally arrive on one event loop.
 */
public final class BandwidthBudget {
    /** The smallest bucket ([SEC-052]). */
    public static final long MIN_CAPACITY_BYTES = 16 * 1024;

    private static final double NANOS_PER_SECOND = 1e9;

    private final long bytesPerSecond;
    private final long capacityBytes;
    private final double bytesPerNano;
    private final InstantSource clock;
    private final AtomicReference<Tokens> state;

    private BandwidthBudget(long bytesPerSecond, InstantSource clock) {
        this.bytesPerSecond = bytesPerSecond;
        this.capacityBytes = Math.max(bytesPerSecond, MIN_CAPACITY_BYTES);
        this.bytesPerNano = bytesPerSecond / NANOS_PER_SECOND;
        this.clock = clock;
        this.state = new AtomicReference<>(new Tokens(capacityBytes, Tokens.nanos(clock.instant())));
    }

    /** @param bytesPerSecond the limit, &ge; 1 ({@code "10Mbps"} = 1 250 000, [CFG-012]); the bucket starts full */
    public static BandwidthBudget create(long bytesPerSecond, InstantSource clock) {
        if (bytesPerSecond < 1) {
            throw new IllegalArgumentException("bytesPerSecond: " + bytesPerSecond + " (expected: >= 1)");
        }
        return new BandwidthBudget(bytesPerSecond, requireNonNull(clock, "clock"));
    }

    public long bytesPerSecond() {
        return bytesPerSecond;
    }

    /** The bucket size: {@code max(bytesPerSecond, 16 KiB)}. */
    public long capacityBytes() {
        return capacityBytes;
    }

    /**
     * Without changing anything: how long to wait before {@code bytes} more bytes may pass at the limited rate
     * ({@link Duration#ZERO} when they may pass now). Equals what {@link #consume} would answer for them now.
     */
    public Duration delayFor(long bytes) {
        checkBytes(bytes);
        return delayUntilPaid(current().count() - bytes);
    }

    /**
     * Records that {@code bytes} bytes passed (or are about to) and answers how long to stop reading before the next
     * chunk: {@link Duration#ZERO} while the budget holds, else the time the rate needs to pay off the debt.
     */
    public Duration consume(long bytes) {
        checkBytes(bytes);
        while (true) {
            Tokens before = state.get();
            Tokens after = before.refilled(Tokens.nanos(clock.instant()), bytesPerNano, capacityBytes).minus(bytes);
            if (state.compareAndSet(before, after)) {
                return delayUntilPaid(after.count());
            }
        }
    }

    private Tokens current() {
        return state.get().refilled(Tokens.nanos(clock.instant()), bytesPerNano, capacityBytes);
    }

    private Duration delayUntilPaid(double tokens) {
        if (tokens >= 0) {
            return Duration.ZERO;
        }
        return Duration.ofNanos((long) Math.ceil(-tokens / bytesPerNano));
    }

    private static void checkBytes(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("bytes: " + bytes + " (expected: >= 0)");
        }
    }
}
