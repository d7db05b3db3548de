package io.bifrost.adapters.vertx.accesslog;

import static java.util.Objects.requireNonNull;

import io.bifrost.core.config.AccessLogConfig;
import io.bifrost.core.event.ConfigReloaded;
import io.bifrost.core.event.ProxyEvent;
import io.bifrost.core.event.RequestCompleted;
import io.bifrost.core.port.out.EventSink;
import io.bifrost.core.traffic.RequestRecord;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The access log ([SEC-070]): an {@link EventSink} that turns every {@link RequestCompleted} into one line.
 *
 * <p>The data path only offers the record to a bounded queue and never waits: when the queue is full the record is
 * dropped and counted ({@link #dropped()}, {@code bifrost_access_log_dropped_total}). One writer thread formats and
 * writes whole batches, so a slow disk costs records, never proxy latency. Lifecycle: {@link #start()} (blocking:
 * opens the output), {@link #reopen()} for reloads and log rotation, {@link #close()} at stop, which writes what is
 * queued first. Records published before {@code start()} wait in the queue. Thread-safe.
 */
public final class AccessLogSink implements EventSink {
    /** Records the queue holds: a few MB at most, about 2 s of a busy proxy's requests. */
    public static final int DEFAULT_CAPACITY = 8192;

    private static final Logger LOG = LoggerFactory.getLogger(AccessLogSink.class);
    private static final int BATCH = 512;
    private static final long IDLE_POLL_MILLIS = 100;
    private static final long WRITE_ERROR_LOG_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final AccessLogFormat format;
    private final AccessLogOutput output;
    private final ArrayBlockingQueue<RequestRecord> queue;
    private final LongAdder dropped = new LongAdder();
    private final AtomicReference<Promise<Void>> reopenRequest = new AtomicReference<>();
    private final Promise<Void> closed = Promise.promise();
    private volatile boolean closing;
    private Thread writer;
    private long lastWriteErrorLog;

    AccessLogSink(AccessLogFormat format, AccessLogOutput output, int capacity) {
        this.format = requireNonNull(format, "format");
        this.output = requireNonNull(output, "output");
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity: " + capacity + " (expected: >= 1)");
        }
        this.queue = new ArrayBlockingQueue<>(capacity);
    }

    /** The access log a configuration describes; nothing is opened until {@link #start()}. */
    public static AccessLogSink create(AccessLogConfig config) {
        requireNonNull(config, "config");
        return new AccessLogSink(AccessLogFormat.of(config.format()), AccessLogOutput.of(config.output()),
                DEFAULT_CAPACITY);
    }

    /**
     * <b>Blocking</b>: opens the output and starts the writer thread; call once, off the event loop.
     *
     * @throws UncheckedIOException naming the key, e.g. {@code access_log.output: cannot open "/var/log/x.log":
     *     permission denied}
     */
    public synchronized void start() {
        if (writer != null || closing) {
            throw new IllegalStateException("access log: already started or closed (expected: start() once)");
        }
        try {
            output.open();
        } catch (IOException e) {
            throw new UncheckedIOException("access_log.output: cannot open \"" + output + "\": " + reason(e), e);
        }
        writer = new Thread(this::run, "bifrost-access-log");
        writer.setDaemon(true);
        writer.start();
    }

    @Override
    public void publish(ProxyEvent event) {
        if (event instanceof RequestCompleted completed && !closing && !queue.offer(completed.record())) {
            dropped.increment();
        } else if (event instanceof ConfigReloaded) {
            reopen(); // [SEC-070]: reopened on every reload, so external log rotation works
        }
    }

    /** Records dropped because the queue was full ([SEC-070]). */
    public long dropped() {
        return dropped.sum();
    }

    /**
     * Closes and reopens the output (a file renamed by rotation is replaced by a fresh one); completes once the
     * writer has done it, or fails with the reason. Call on every configuration reload ([SEC-070]).
     */
    public Future<Void> reopen() {
        if (closing) {
            return Future.failedFuture(new IllegalStateException("access log: closed"));
        }
        Promise<Void> mine = Promise.promise();
        Promise<Void> earlier = reopenRequest.getAndSet(mine);
        if (earlier != null) {
            mine.future().onComplete(earlier); // one reopen answers both requests
        }
        return mine.future();
    }

    /** Writes what is queued, closes the output and ends the writer thread; completes when all that is done. */
    public synchronized Future<Void> close() {
        closing = true;
        if (writer == null) {
            closed.tryComplete();
        }
        return closed.future();
    }

    private void run() {
        List<RequestRecord> batch = new ArrayList<>(BATCH);
        StringBuilder text = new StringBuilder(BATCH * 256);
        try {
            while (true) {
                reopenIfAsked();
                RequestRecord first = queue.poll(IDLE_POLL_MILLIS, TimeUnit.MILLISECONDS);
                if (first == null) {
                    if (closing && queue.isEmpty()) {
                        break;
                    }
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, BATCH - 1);
                write(batch, text);
                batch.clear();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            finish();
        }
    }

    private void write(List<RequestRecord> batch, StringBuilder text) {
        text.setLength(0);
        for (RequestRecord r : batch) {
            format.append(r, text);
            text.append('\n');
        }
        try {
            output.write(ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (IOException | RuntimeException e) {
            long now = System.nanoTime();
            if (lastWriteErrorLog == 0 || now - lastWriteErrorLog > WRITE_ERROR_LOG_INTERVAL_NANOS) {
                lastWriteErrorLog = now;
                LOG.warn("access log: cannot write to \"{}\" ({} records lost): {}", output, batch.size(), reason(e));
            }
        }
    }

    private void reopenIfAsked() {
        Promise<Void> request = reopenRequest.getAndSet(null);
        if (request != null) {
            try {
                output.reopen();
                request.complete();
            } catch (IOException e) {
                LOG.warn("access log: cannot reopen \"{}\": {}", output, reason(e));
                request.fail(new UncheckedIOException("access_log.output: cannot open \"" + output + "\": "
                        + reason(e), e));
            }
        }
    }

    private void finish() {
        try {
            output.close();
        } catch (IOException e) {
            LOG.warn("access log: cannot close \"{}\": {}", output, reason(e));
        }
        Promise<Void> pending = reopenRequest.getAndSet(null);
        if (pending != null) {
            pending.tryFail("access log: closed");
        }
        closed.tryComplete();
    }

    private static String reason(Exception e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return String.valueOf(e.getMessage());
    }
}
