package io.bifrost.app.client.proxy;

import io.bifrost.adapters.vertx.config.ServerConfigLoader;
import io.bifrost.adapters.vertx.server.BifrostServer;
import io.bifrost.adapters.vertx.server.BifrostVertx;
import io.bifrost.adapters.vertx.server.ServerOptions;
import io.bifrost.testkit.client.BifrostClientExtension;
import io.bifrost.testkit.server.RecordingEventSink;
import io.bifrost.testkit.server.TestConfigs;
import io.vertx.core.Vertx;
import java.net.InetSocketAddress;
import java.time.Duration;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A Bifrost server ({@code direct} everywhere) that a test can stop and start again on the same HTTP port, as an
 * operator restarting the hub would: the client in front of it must recover without a restart of its own.
 */
public final class RestartableServer implements BeforeAllCallback, AfterAllCallback {
    private final RecordingEventSink events = new RecordingEventSink();
    private Vertx vertx;
    private BifrostServer server;
    private int httpPort;

    @Override
    public void beforeAll(ExtensionContext context) {
        vertx = BifrostVertx.create();
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
        BifrostClientExtension.await(vertx.close());
    }

    /** Starts the server: on a free port the first time, on the same port afterwards. */
    public void start() {
        String yaml = TestConfigs.directEverywhere().replaceFirst("127\\.0\\.0\\.1:0", "127.0.0.1:" + httpPort);
        var loaded = ServerConfigLoader.withProcessEnvironment().loadText(yaml);
        server = BifrostClientExtension.await(BifrostServer.create(vertx, loaded.orElseThrow(),
                ServerOptions.defaults().withEvents(events)).start());
        httpPort = server.httpAddress().orElseThrow().port();
    }

    /** Stops the server at once: its listeners close, its connections are cut. */
    public void stop() {
        if (server != null) {
            BifrostClientExtension.await(server.stop(Duration.ZERO));
            server = null;
        }
    }

    public InetSocketAddress httpProxy() {
        return new InetSocketAddress("127.0.0.1", httpPort);
    }

    public RecordingEventSink events() {
        return events;
    }
}
