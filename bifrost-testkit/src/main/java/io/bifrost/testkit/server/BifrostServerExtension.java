package io.bifrost.testkit.server;

import static java.util.Objects.requireNonNull;

import io.bifrost.adapters.vertx.config.LoadedServerConfig;
import io.bifrost.adapters.vertx.config.ServerConfigLoader;
import io.bifrost.adapters.vertx.server.BifrostServer;
import io.bifrost.adapters.vertx.server.ServerOptions;
import io.bifrost.core.config.ConfigResult;
import io.bifrost.testkit.ProgramExtension;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

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
 * test). The configuration goes to a file in a temporary directory first, so that reloads and API saves have a file
 * of their own and never write {@code server-config.yaml} into the working directory. {@link #restart(String)}
 * replaces the server within a test.
 */
public final class BifrostServerExtension extends ProgramExtension<BifrostServer> {
    private UnaryOperator<ServerOptions> options = UnaryOperator.identity();
    private final RecordingEventSink events = new RecordingEventSink();

    private BifrostServerExtension(Supplier<String> yaml) {
        super(yaml, "server", ServerConfigLoader.DEFAULT_FILE_NAME);
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
    protected Future<BifrostServer> start(Vertx vertx, Path configFile) {
        ConfigResult<LoadedServerConfig> loaded = ServerConfigLoader.withProcessEnvironment().loadWithSource(configFile);
        if (!loaded.isValid()) {
            throw invalidConfiguration(loaded.errors());
        }
        ServerOptions o = options.apply(ServerOptions.defaults().withEvents(events));
        return BifrostServer.create(vertx, loaded.config(), o).start();
    }

    @Override
    protected Future<Void> stop(BifrostServer server, Duration grace) {
        return server.stop(grace);
    }

    @Override
    protected void clearRecords() {
        events.clear();
    }

    /** The running server. */
    public BifrostServer server() {
        return program();
    }

    /** The HTTP proxy listener, for {@code ProxySelector.of(...)} or {@code curl -x}. */
    public InetSocketAddress httpProxy() {
        return listener(server().httpAddress(), "HTTP");
    }

    /** The SOCKS5 listener. */
    public InetSocketAddress socks5Proxy() {
        return listener(server().socks5Address(), "SOCKS5");
    }

    /** The management API's base address, e.g. {@code http://127.0.0.1:41823} (append {@code /api/v1/...}). */
    public URI api() {
        var a = server().apiAddress().orElseThrow(() -> new IllegalStateException("management API disabled"));
        return URI.create("http://" + a.host() + ":" + a.port());
    }

    /** Events published since the current test started. */
    public RecordingEventSink events() {
        return events;
    }
}
