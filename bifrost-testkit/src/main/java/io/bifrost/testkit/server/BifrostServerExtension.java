package io.bifrost.testkit.server;

import static java.util.Objects.requireNonNull;

import io.bifrost.adapters.vertx.config.LoadedServerConfig;
import io.bifrost.adapters.vertx.config.ServerConfigLoader;
import io.bifrost.adapters.vertx.server.BifrostServer;
import io.bifrost.adapters.vertx.server.BifrostVertx;
import io.bifrost.adapters.vertx.server.ServerOptions;
import io.bifrost.core.config.ConfigResult;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a Bifrost server for the tests of a class (static field) or of each test (instance field), from a YAML
 * configuration built when the extension starts, so it can name fakes registered before it. JUnit orders
 * {@code @RegisterExtension} fields unpredictably unless told, hence the {@code @Order}s:
 *
 * <pre>{@code
 * @RegisterExtension
 * @Order(1)
 * static final FakeServerExtension<FakeHttpOrigin> origin = FakeServerExtension.of(FakeHttpOrigin.http());
 *
 * @RegisterExtension
 * @Order(2)
 * static final BifrostServerExtension bifrost = BifrostServerExtension.withConfig(() -> TestConfigs.server("""
 *         backends:
 *           - name: direct
 *             type: direct
 *         routes:
 *           - domains: ["*"]
 *             backend: direct
 *         """));
 *
 * @Test
 * void get_throughTheProxy_answersHello() {
 *     ... ProxySelector.of(bifrost.httpProxy()) ...
 * }
 * }</pre>
 *
 * Every listener binds {@code 127.0.0.1} on port 0; events are recorded in {@link #events()} (cleared before each
 * test). {@link #restart(String)} replaces the server within a test.
 */
public final class BifrostServerExtension
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {
    private static final Duration STOP_GRACE = Duration.ofSeconds(2);

    private final Supplier<String> yaml;
    private UnaryOperator<ServerOptions> options = UnaryOperator.identity();
    private final RecordingEventSink events = new RecordingEventSink();
    private Vertx vertx;
    private BifrostServer server;
    private boolean perClass;
    private Path configFile;

    private BifrostServerExtension(Supplier<String> yaml) {
        this.yaml = requireNonNull(yaml, "yaml");
    }

    /** @param yaml the server configuration; see {@link TestConfigs#server(String)} for a port-0 frame */
    public static BifrostServerExtension withConfig(Supplier<String> yaml) {
        return new BifrostServerExtension(yaml);
    }

    /** Adjusts the embedding options, e.g. to trust a fake HTTPS origin's certificate. */
    public BifrostServerExtension options(UnaryOperator<ServerOptions> customizer) {
        this.options = requireNonNull(customizer, "customizer");
        return this;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        perClass = true;
        start(yaml.get());
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (!perClass) {
            start(yaml.get());
        }
        events.clear();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (!perClass) {
            stop();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
    }

    /** Stops the running server and starts one on {@code yaml} (same Vert.x, same event recording). */
    public void restart(String yaml) {
        if (server != null) {
            await(server.stop(STOP_GRACE));
            deleteConfigFile();
        }
        server = startServer(yaml);
    }

    private static <T> T await(io.vertx.core.Future<T> future) {
        try {
            return future.await(20, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("Bifrost did not answer within 20s", e);
        }
    }

    private void start(String text) {
        vertx = BifrostVertx.create();
        server = startServer(text);
    }

    /**
     * The configuration goes to a temporary file first, so that reloads and API saves have a file of their own and
     * never write {@code server-config.yaml} into the working directory.
     */
    private BifrostServer startServer(String text) {
        try {
            configFile = Files.createTempFile("bifrost-test-", ".yaml");
            Files.writeString(configFile, text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the test configuration", e);
        }
        ConfigResult<LoadedServerConfig> loaded = ServerConfigLoader.withProcessEnvironment().loadWithSource(configFile);
        if (!loaded.isValid()) {
            throw new IllegalArgumentException("invalid test configuration: " + loaded.errors() + "\n" + text);
        }
        ServerOptions o = options.apply(ServerOptions.defaults().withEvents(events));
        return await(BifrostServer.create(vertx, loaded.config(), o).start());
    }

    /** The configuration file of the running server (a temporary file): what reloads read and saves write. */
    public Path configFile() {
        return requireNonNull(configFile, "configFile (not started)");
    }

    private void stop() {
        if (vertx == null) {
            return;
        }
        try {
            if (server != null) {
                await(server.stop(STOP_GRACE));
            }
            await(vertx.close());
        } finally {
            vertx = null;
            server = null;
            deleteConfigFile();
        }
    }

    private void deleteConfigFile() {
        if (configFile != null) {
            try {
                Files.deleteIfExists(configFile);
            } catch (IOException ignored) {
                // a temporary file; the OS cleans up what is left
            }
        }
    }

    /** The running server. */
    public BifrostServer server() {
        return requireNonNull(server, "server (not started)");
    }

    /** The HTTP proxy listener, for {@code ProxySelector.of(...)} or {@code curl -x}. */
    public InetSocketAddress httpProxy() {
        var a = server().httpAddress().orElseThrow(() -> new IllegalStateException("HTTP listener disabled"));
        return new InetSocketAddress(a.host(), a.port());
    }

    /** The SOCKS5 listener. */
    public InetSocketAddress socks5Proxy() {
        var a = server().socks5Address().orElseThrow(() -> new IllegalStateException("SOCKS5 listener disabled"));
        return new InetSocketAddress(a.host(), a.port());
    }

    /** The management API's base address, e.g. {@code http://127.0.0.1:41823} (append {@code /api/v1/...}). */
    public java.net.URI api() {
        var a = server().apiAddress().orElseThrow(() -> new IllegalStateException("management API disabled"));
        return java.net.URI.create("http://" + a.host() + ":" + a.port());
    }

    /** Events published since the current test started. */
    public RecordingEventSink events() {
        return events;
    }
}
