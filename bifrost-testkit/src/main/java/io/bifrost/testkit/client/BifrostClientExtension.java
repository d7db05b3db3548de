package io.bifrost.testkit.client;

import static java.util.Objects.requireNonNull;

import io.bifrost.adapters.vertx.client.BifrostClient;
import io.bifrost.adapters.vertx.client.ClientOptions;
import io.bifrost.adapters.vertx.config.ClientConfigFile;
import io.bifrost.adapters.vertx.config.ClientConfigLoader;
import io.bifrost.adapters.vertx.control.ClientControl;
import io.bifrost.core.config.ClientConfig;
import io.bifrost.core.config.ConfigResult;
import io.bifrost.core.config.EnvLookup;
import io.bifrost.testkit.ProgramExtension;
import io.bifrost.testkit.server.RecordingEventSink;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

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
public final class BifrostClientExtension extends ProgramExtension<BifrostClient> {
    private UnaryOperator<ClientOptions> options = UnaryOperator.identity();
    private final RecordingEventSink events = new RecordingEventSink();

    private BifrostClientExtension(Supplier<String> yaml) {
        super(yaml, "client", ClientConfigLoader.DEFAULT_FILE_NAME);
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
    protected Future<BifrostClient> start(Vertx vertx, Path configFile) {
        ClientConfigFile.Opened opened = ClientConfigFile.open(configFile, false, EnvLookup.system());
        ConfigResult<ClientConfig> loaded = opened.result();
        if (!loaded.isValid()) {
            throw invalidConfiguration(loaded.errors());
        }
        ClientOptions o = options.apply(ClientOptions.defaults().withEvents(events)
                .withConfigFile(opened.file(), loaded.warnings()));
        return BifrostClient.create(vertx, loaded.config(), o).start();
    }

    @Override
    protected Future<Void> stop(BifrostClient client, Duration grace) {
        return client.stop(grace);
    }

    @Override
    protected void clearRecords() {
        events.clear();
    }

    /** The running client. */
    public BifrostClient client() {
        return program();
    }

    /** What the management API drives: state, servers, routes, configuration. */
    public ClientControl control() {
        return client().control();
    }

    /** The local HTTP proxy listener, for {@code ProxySelector.of(...)} or {@code curl -x}. */
    public InetSocketAddress httpProxy() {
        return listener(client().httpAddress(), "HTTP");
    }

    /** The local SOCKS5 listener. */
    public InetSocketAddress socks5Proxy() {
        return listener(client().socks5Address(), "SOCKS5");
    }

    /** The management API's base address, e.g. {@code http://127.0.0.1:41234}, when {@code api.enabled}. */
    public URI api() {
        var a = client().apiAddress().orElseThrow(() -> new IllegalStateException("management API disabled"));
        return URI.create("http://" + a.host() + ":" + a.port());
    }

    /** Events published since the current test started. */
    public RecordingEventSink events() {
        return events;
    }
}
