package io.bifrost.adapters.vertx.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.bifrost.adapters.vertx.dial.DialFailure;
import io.bifrost.adapters.vertx.dial.DialTarget;
import io.bifrost.core.client.ServerReachability;
import io.bifrost.core.client.UpstreamServer;
import io.bifrost.core.config.HostPort;
import io.bifrost.core.config.UpstreamProtocol;
import io.bifrost.core.config.UpstreamServerConfig;
import io.bifrost.core.routing.RoutingKey;
import io.vertx.core.Context;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.metrics.MetricsOptions;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.TcpClientConfig;
import io.vertx.core.spi.metrics.TransportMetrics;
import io.vertx.core.spi.metrics.VertxMetrics;
import java.time.Duration;
import java.time.InstantSource;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The server dial's resources across hot changes ([CFG-085]): the upstream's address, credentials and
 * {@code server.timeout} change on reload, and no change may leave a network client behind. Vert.x's metrics SPI
 * counts the TCP clients created.
 */
class ServerDialerTest {
    private final AtomicInteger tcpClients = new AtomicInteger();
    private Vertx vertx;
    private NetServer hangUp;

    @BeforeEach
    void start() {
        vertx = Vertx.builder().with(new VertxOptions().setMetricsOptions(new MetricsOptions().setEnabled(true)))
                .withMetrics(options -> new VertxMetrics() {
                    @Override
                    public TransportMetrics<?> createTcpClientMetrics(TcpClientConfig config, String type) {
                        tcpClients.incrementAndGet();
                        return null;
                    }
                })
                .build();
        // an "upstream" that closes every connection at once: each dial fails fast, after one attempt
        hangUp = vertx.createNetServer().connectHandler(socket -> socket.close());
        hangUp.listen(0, "127.0.0.1").await();
    }

    @AfterEach
    void stop() {
        vertx.close().await();
    }

    @Test
    void dial_afterEachReloadWithNewUpstreamSettings_createsNoFurtherNetworkClient() throws Exception {
        ServerDialer dialer = new ServerDialer(vertx, InstantSource.system(), "test", new ServerReachability(),
                new ServerConnections(), () -> true);
        HostPort address = HostPort.parse("127.0.0.1:" + hangUp.actualPort());
        int atStart = tcpClients.get();

        for (int reload = 1; reload <= 5; reload++) { // each reload changes the password and server.timeout
            UpstreamServer server = new UpstreamServer("default", address, UpstreamProtocol.HTTP, "user",
                    "secret-" + reload, false);
            UpstreamServerConfig settings = new UpstreamServerConfig(address, UpstreamProtocol.HTTP, "user",
                    "secret-" + reload, Duration.ofSeconds(reload), 0, Duration.ZERO, null, null);

            assertThat(dialOnEventLoop(dialer, server, settings)).isInstanceOf(DialFailure.class);
        }

        assertThat(tcpClients.get() - atStart).isZero();
    }

    /** Dials as a client connection does, on an event loop; returns the failure. */
    private Throwable dialOnEventLoop(ServerDialer dialer, UpstreamServer server, UpstreamServerConfig settings)
            throws Exception {
        Context loop = vertx.getOrCreateContext();
        Promise<Throwable> failure = Promise.promise();
        loop.runOnContext(v -> dialer.dial(server, settings, new DialTarget(RoutingKey.ofName("example.com"), 443))
                .onComplete(ar -> failure.complete(ar.cause())));
        CompletableFuture<Throwable> done = failure.future().toCompletionStage().toCompletableFuture();
        return done.get(10, TimeUnit.SECONDS);
    }
}
