package io.bifrost.testkit.client;

import static java.util.Objects.requireNonNull;

import io.bifrost.adapters.vertx.client.BifrostClient;
import io.bifrost.adapters.vertx.client.ClientOptions;
import io.bifrost.adapters.vertx.config.ClientConfigFile;
import io.bifrost.adapters.vertx.control.ClientControl;
import io.bifrost.adapters.vertx.server.BifrostVertx;
import io.bifrost.core.config.ClientConfig;
import io.bifrost.core.config.ConfigResult;
import io.bifrost.core.config.EnvLookup;
import io.bifrost.testkit.server.RecordingEventSink;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a Bifrost client for the tests of a class (static field) or of each test (instance field), from a YAML
 * configuration built when the extension starts, so it can name a {@code BifrostServerExtension} or fakes registered
 * before it. JUnit orders {@code @RegisterExtension} fields unpredictably unless told, hence the {@code @Order}s:
 *
 * <pre>{@code
 * @RegisterExtension
 * @Order(1)
 * static final BifrostServerExtension server = BifrostServerExtension.withConfig(TestConfigs::directEverywhere);
 *
 * @RegisterExtension
 * @Order(2)
 * static final BifrostClientExtension client = BifrostClientExtension.withConfig(() -> ClientTestConfigs.client(
 *         ClientTestConfigs.server(server.httpProxy(), "http") + """
 *         routes:
 *           - domains: ["*"]
 *             action: server
 *         """));
 *
 * @Test
 * void get_throughClientAndServer_answersHello() {
 *     ... ProxySelector.of(client.httpProxy()) ...
 * }
 * }</pre>
 *
 * The configuration is written to a file in a temporary directory, so that server selection persists, reloads
 * read it ({@link #rewrite(String)}) and the API seam is exercised as in the real program. Events are recorded in
 * {@link #events()} (cleared before each test). {@link #restart(String)} replaces the client within a test.
 */
public final class BifrostClientExtension
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {
    private final Supplier<String> yaml;
    private UnaryOperator<ClientOptions> options = UnaryOperator.identity();
    private final RecordingEventSink events = new RecordingEventSink();
    private Vertx vertx;
    private BifrostClient client;
    private Path dir;
    private boolean perClass;

    private BifrostClientExtension(Supplier<String> yaml) {
        this.yaml = requireNonNull(yaml, "yaml");
    }

    /** @param yaml the client configuration; see {@link ClientTestConfigs#client(String)} for a port-0 frame */
    public static BifrostClientExtension withConfig(Supplier<String> yaml) {
        return new BifrostClientExtension(yaml);
    }

    /** Adjusts the embedding options, e.g. to trust a fake HTTPS origin's certificate. */
    public BifrostClientExtension options(UnaryOperator<ClientOptions> customizer) {
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

    /** Stops the running client and starts one on {@code yaml} (same Vert.x, same event recording). */
    public void restart(String yaml) {
        if (client != null) {
            await(client.stop(Duration.ofSeconds(2)));
        }
        client = startClient(yaml);
    }

    /** Replaces the configuration file's content, e.g. before {@code control().reload()}. */
    public void rewrite(String yaml) {
        try {
            Files.writeString(configFile(), yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void start(String text) {
        try {
            dir = Files.createTempDirectory("bifrost-client-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        vertx = BifrostVertx.create();
        client = startClient(text);
    }

    private BifrostClient startClient(String text) {
        rewrite(text);
        ClientConfigFile.Opened opened = ClientConfigFile.open(configFile(), false, EnvLookup.system());
        ConfigResult<ClientConfig> loaded = opened.result();
        if (!loaded.isValid()) {
            throw new IllegalArgumentException("invalid test configuration: " + loaded.errors() + "\n" + text);
        }
        ClientOptions o = options.apply(ClientOptions.defaults().withEvents(events)
                .withConfigFile(opened.file(), loaded.warnings()));
        return await(BifrostClient.create(vertx, loaded.config(), o).start());
    }

    private void stop() {
        if (vertx == null) {
            return;
        }
        try {
            if (client != null) {
                await(client.stop(Duration.ofSeconds(2)));
            }
            await(vertx.close());
        } finally {
            vertx = null;
            client = null;
            deleteQuietly(dir);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory; the OS cleans up what is left
        }
    }

    /** Waits for a future of the client on the test thread (never call from an event loop). */
    public static <T> T await(Future<T> future) {
        try {
            return future.await(20, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("the Bifrost client did not answer within 20s", e);
        }
    }

    /** The running client. */
    public BifrostClient client() {
        return requireNonNull(client, "client (not started)");
    }

    /** What the management API drives: state, servers, routes, configuration. */
    public ClientControl control() {
        return client().control();
    }

    /** The configuration file the client runs on. */
    public Path configFile() {
        return requireNonNull(dir, "dir (not started)").resolve("client-config.yaml");
    }

    /** The local HTTP proxy listener, for {@code ProxySelector.of(...)} or {@code curl -x}. */
    public InetSocketAddress httpProxy() {
        var a = client().httpAddress().orElseThrow(() -> new IllegalStateException("HTTP listener disabled"));
        return new InetSocketAddress(a.host(), a.port());
    }

    /** The local SOCKS5 listener. */
    public InetSocketAddress socks5Proxy() {
        var a = client().socks5Address().orElseThrow(() -> new IllegalStateException("SOCKS5 listener disabled"));
        return new InetSocketAddress(a.host(), a.port());
    }

    /** The management API's base address, e.g. {@code http://127.0.0.1:41234}, when {@code api.enabled}. */
    public URI apiBase() {
        var a = client().apiAddress().orElseThrow(() -> new IllegalStateException("API disabled"));
        return URI.create("http://" + a.host() + ":" + a.port());
    }

    /** Events published since the current test started. */
    public RecordingEventSink events() {
        return events;
    }
}
