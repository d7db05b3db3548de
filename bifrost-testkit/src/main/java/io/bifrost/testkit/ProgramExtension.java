package io.bifrost.testkit;

import static java.util.Objects.requireNonNull;

import io.bifrost.adapters.vertx.server.BifrostVertx;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.SocketAddress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What {@code BifrostServerExtension} and {@code BifrostClientExtension} share: a Bifrost program run for the tests
 * of a class (static field) or of each test (instance field) on a Vert.x of its own, from a YAML configuration built
 * when the extension starts and written to a file in a temporary directory, so that reloads read it and saves never
 * write into the working directory. {@link #restart(String)} replaces the program within a test. Tests use the two
 * subclasses; this class is extended only by the testkit. Not thread-safe: driven by the JUnit thread.
 *
 * @param <P> the program: {@code BifrostServer} or {@code BifrostClient}
 */
public abstract class ProgramExtension<P>
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {
    private static final Duration STOP_GRACE = Duration.ofSeconds(2);
    private static final long AWAIT_SECONDS = 20;

    private final Supplier<String> yaml;
    private final String kind;
    private final String fileName;
    private Vertx vertx;
    private P program;
    private Path dir;
    private boolean perClass;

    /**
     * @param yaml the configuration, built when the program starts
     * @param kind {@code server} or {@code client}, for messages and the temporary directory's name
     * @param fileName the configuration file's name in the temporary directory
     */
    protected ProgramExtension(Supplier<String> yaml, String kind, String fileName) {
        this.yaml = requireNonNull(yaml, "yaml");
        this.kind = requireNonNull(kind, "kind");
        this.fileName = requireNonNull(fileName, "fileName");
    }

    /**
     * Loads {@code configFile} and starts a program on {@code vertx}, recording its events where the extension's
     * {@code events()} can see them.
     *
     * @throws IllegalArgumentException naming the problems when the configuration is invalid
     */
    protected abstract Future<P> start(Vertx vertx, Path configFile);

    /** Stops a program, draining for at most {@code grace}. */
    protected abstract Future<Void> stop(P program, Duration grace);

    /** Forgets what the previous test recorded; runs before each test. */
    protected abstract void clearRecords();

    @Override
    public void beforeAll(ExtensionContext context) {
        perClass = true;
        startFirst(yaml.get());
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (!perClass) {
            startFirst(yaml.get());
        }
        clearRecords();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (!perClass) {
            stopLast();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stopLast();
    }

    /** Stops the running program and starts one on {@code yaml} (same Vert.x, same event recording). */
    public void restart(String yaml) {
        if (program != null) {
            await(stop(program, STOP_GRACE));
        }
        program = startProgram(yaml);
    }

    /** Replaces the configuration file's content, e.g. before a reload. */
    public void rewrite(String yaml) {
        try {
            Files.writeString(configFile(), yaml);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the test configuration", e);
        }
    }

    /** The configuration file of the running program: what reloads read and saves write. */
    public Path configFile() {
        return requireNonNull(dir, kind + " (not started)").resolve(fileName);
    }

    /** Waits for a future on the test thread (never call from an event loop). */
    public static <T> T await(Future<T> future) {
        try {
            return future.await(AWAIT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("Bifrost did not answer within " + AWAIT_SECONDS + "s", e);
        }
    }

    /** The failure {@link #start} throws for an invalid configuration: the problems and the file's text. */
    protected final IllegalArgumentException invalidConfiguration(List<?> errors) {
        String text;
        try {
            text = Files.readString(configFile());
        } catch (IOException e) {
            text = "(unreadable: " + e.getMessage() + ")";
        }
        return new IllegalArgumentException("invalid test configuration: " + errors + "\n" + text);
    }

    /** The running program. */
    protected final P program() {
        return requireNonNull(program, kind + " (not started)");
    }

    /** A listener's address for {@code ProxySelector.of(...)} or {@code curl -x}. */
    protected static InetSocketAddress listener(Optional<SocketAddress> address, String name) {
        SocketAddress a = address.orElseThrow(() -> new IllegalStateException(name + " listener disabled"));
        return new InetSocketAddress(a.host(), a.port());
    }

    private void startFirst(String text) {
        try {
            dir = Files.createTempDirectory("bifrost-" + kind + "-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the test directory", e);
        }
        vertx = BifrostVertx.create();
        program = startProgram(text);
    }

    private P startProgram(String text) {
        rewrite(text);
        return await(start(vertx, configFile()));
    }

    private void stopLast() {
        if (vertx == null) {
            return;
        }
        try {
            if (program != null) {
                await(stop(program, STOP_GRACE));
            }
            await(vertx.close());
        } finally {
            vertx = null;
            program = null;
            deleteQuietly(dir);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory; the OS cleans up what is left
        }
    }
}
