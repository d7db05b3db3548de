package io.bifrost.adapters.vertx.accesslog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bifrost.core.config.AccessLogConfig;
import io.bifrost.core.event.RequestCompleted;
import io.bifrost.core.traffic.Protocol;
import io.bifrost.core.traffic.RequestRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The queue, the writer thread and the file output of [SEC-070]. */
class AccessLogSinkTest {
    /** One line per record: its request id, so tests can tell records apart. */
    private static final AccessLogFormat ID_ONLY = (r, out) -> out.append(r.requestId());

    @TempDir
    Path dir;

    private AccessLogSink sink;

    @AfterEach
    void close() throws Exception {
        if (sink != null) {
            sink.close().await(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void publish_writerStalled_dropsBeyondTheQueueAndCountsThem() throws Exception {
        StallingOutput output = new StallingOutput();
        sink = new AccessLogSink(ID_ONLY, output, 4);
        sink.start();
        sink.publish(completed("r1"));
        assertThat(output.entered.await(5, TimeUnit.SECONDS)).isTrue(); // the writer holds r1 and is stuck

        for (int i = 2; i <= 11; i++) {
            sink.publish(completed("r" + i)); // returns at once: 4 fit in the queue, 6 are dropped
        }

        assertThat(sink.dropped()).isEqualTo(6);
        output.release.countDown();
        sink.close().await(5, TimeUnit.SECONDS);
        assertThat(output.text()).isEqualTo("r1\nr2\nr3\nr4\nr5\n");
    }

    @Test
    void close_writesEverythingQueuedFirst() throws Exception {
        Path file = dir.resolve("access.log");
        sink = new AccessLogSink(ID_ONLY, AccessLogOutput.of(file.toString()), AccessLogSink.DEFAULT_CAPACITY);
        sink.start();
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            sink.publish(completed("r" + i));
            expected.append('r').append(i).append('\n');
        }

        sink.close().await(5, TimeUnit.SECONDS);

        assertThat(Files.readString(file)).isEqualTo(expected.toString());
        assertThat(sink.dropped()).isZero();
    }

    @Test
    void start_newFileInMissingDirectories_createsThemAndTheFileWithMode0640() throws Exception {
        Path file = dir.resolve("logs/bifrost/access.log");
        sink = AccessLogSink.create(new AccessLogConfig(true, AccessLogConfig.Format.JSON, file.toString()));

        sink.start();
        sink.publish(completed("r1"));
        sink.close().await(5, TimeUnit.SECONDS);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-r-----");
        assertThat(Files.readString(file)).startsWith("{\"timestamp\":\"2025-03-14T09:26:53.589Z\",")
                .contains("\"request_id\":\"r1\"").endsWith("}\n");
    }

    @Test
    void start_existingFile_appendsAndKeepsItsMode() throws Exception {
        Path file = dir.resolve("access.log");
        Files.writeString(file, "earlier\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        sink = new AccessLogSink(ID_ONLY, AccessLogOutput.of(file.toString()), 16);

        sink.start();
        sink.publish(completed("r1"));
        sink.close().await(5, TimeUnit.SECONDS);

        assertThat(Files.readString(file)).isEqualTo("earlier\nr1\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void reopen_afterRotationByRename_writesToAFreshFile() throws Exception {
        Path file = dir.resolve("access.log");
        Path rotated = dir.resolve("access.log.1");
        sink = new AccessLogSink(ID_ONLY, AccessLogOutput.of(file.toString()), 16);
        sink.start();
        sink.publish(completed("before"));
        awaitContent(file, "before\n");
        Files.move(file, rotated);

        sink.publish(completed("still-old")); // written before the reopen: goes to the renamed file
        awaitContent(rotated, "before\nstill-old\n");
        sink.reopen().await(5, TimeUnit.SECONDS);
        sink.publish(completed("after"));
        sink.close().await(5, TimeUnit.SECONDS);

        assertThat(Files.readString(rotated)).isEqualTo("before\nstill-old\n");
        assertThat(Files.readString(file)).isEqualTo("after\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-r-----");
    }

    @Test
    void start_unopenableFile_failsNamingTheKey() throws Exception {
        Path notADirectory = dir.resolve("plain-file");
        Files.writeString(notADirectory, "x");
        sink = AccessLogSink.create(new AccessLogConfig(true, AccessLogConfig.Format.JSON,
                notADirectory.resolve("access.log").toString()));

        assertThatThrownBy(sink::start)
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageStartingWith("access_log.output: cannot open \"" + notADirectory.resolve("access.log"));
    }

    @Test
    void publish_otherEvents_writeNothing() throws Exception {
        Path file = dir.resolve("access.log");
        sink = new AccessLogSink(ID_ONLY, AccessLogOutput.of(file.toString()), 16);
        sink.start();

        sink.publish(new io.bifrost.core.event.RoutePanicChanged(Instant.EPOCH, "r", true, 2));
        sink.close().await(5, TimeUnit.SECONDS);

        assertThat(Files.readString(file)).isEmpty();
    }

    private static void awaitContent(Path file, String expected) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!(Files.exists(file) && Files.readString(file).equals(expected))) {
            if (System.nanoTime() > deadline) {
                assertThat(Files.readString(file)).isEqualTo(expected);
            }
            Thread.sleep(10);
        }
    }

    static RequestCompleted completed(String id) {
        return new RequestCompleted(Instant.parse("2025-03-14T09:27:08.601Z"), new RequestRecord(
                Instant.parse("2025-03-14T09:26:53.589Z"), id, "192.0.2.44", 51820, null, Protocol.HTTP, "GET",
                "example.com", 80, "/", "http://example.com/", 200, 100, 50, 1.5, "default", "direct", null, null,
                null));
    }

    /** An output whose first write blocks until released: a disk that hangs. */
    private static final class StallingOutput implements AccessLogOutput {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        private final List<String> written = new ArrayList<>();

        @Override
        public void open() {}

        @Override
        public void write(ByteBuffer bytes) throws IOException {
            entered.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
            byte[] b = new byte[bytes.remaining()];
            bytes.get(b);
            synchronized (written) {
                written.add(new String(b, StandardCharsets.UTF_8));
            }
        }

        @Override
        public void reopen() {}

        @Override
        public void close() {}

        String text() {
            synchronized (written) {
                return String.join("", written);
            }
        }
    }
}
