package io.bifrost.adapters.vertx.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bifrost.adapters.vertx.net.BandwidthLimits;
import io.bifrost.adapters.vertx.net.StreamSocket;
import io.bifrost.core.net.IpAddress;
import io.bifrost.core.policy.Credentials;
import io.bifrost.core.port.out.EventSink;
import io.bifrost.core.routing.RoutingKey;
import io.bifrost.core.traffic.ConnectionRegistry;
import io.bifrost.core.traffic.TrafficCounters;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.InstantSource;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An acceptor whose program is not ready yet ([SEC-060]: the server's destination policy learns its own listeners'
 * ports only after they are bound) holds the connections it accepts, unread, until it is: their bytes are then served
 * in full, or the connections are closed if the program never gets ready.
 */
class ProxyAcceptorIT {
    private static final byte[] HELLO = "hello".getBytes(StandardCharsets.US_ASCII);

    private Vertx vertx;

    @BeforeEach
    void createVertx() {
        vertx = Vertx.vertx();
    }

    @AfterEach
    void closeVertx() {
        vertx.close().await();
    }

    @Test
    void accept_beforeReady_connectionWaitsUnreadThenIsServedInFull() throws IOException {
        Promise<Void> ready = Promise.promise();
        try (Socket client = connect(listen(ready.future()))) {
            client.getOutputStream().write(HELLO);

            client.setSoTimeout(300);
            assertThatThrownBy(() -> client.getInputStream().read())
                    .as("no connection runs before the program is ready").isInstanceOf(SocketTimeoutException.class);
            ready.complete();

            client.setSoTimeout(5_000);
            assertThat(client.getInputStream().readNBytes(HELLO.length)).isEqualTo(HELLO);
        }
    }

    @Test
    void accept_readinessFails_heldConnectionIsClosedUnread() throws IOException {
        Promise<Void> ready = Promise.promise();
        try (Socket client = connect(listen(ready.future()))) {
            client.getOutputStream().write(HELLO);

            ready.fail("the program did not start");

            assertThat(client.getInputStream().readAllBytes()).isEmpty();
        }
    }

    @Test
    void accept_whenReady_startsAtOnce() throws IOException {
        try (Socket client = connect(listen(Future.succeededFuture()))) {
            client.getOutputStream().write(HELLO);

            assertThat(client.getInputStream().readNBytes(HELLO.length)).isEqualTo(HELLO);
        }
    }

    /** Listens on {@code 127.0.0.1:0} with an acceptor whose connections echo what they read. */
    private int listen(Future<Void> ready) {
        InstantSource clock = InstantSource.system();
        ProxyContext ctx = new ProxyContext(vertx, new UnusedGateway(), new ConnectionRegistry(EventSink.discarding(),
                clock), new TrafficRecorder(EventSink.discarding(), new TrafficCounters(), new TrafficCounters(),
                clock), clock);
        ProxyAcceptor acceptor = new ProxyAcceptor(ListenerPlan.Kind.HTTP, ctx, new ConnectionCeilings(0).listener(0),
                accepted -> new Echo(accepted.client()), ready);
        return vertx.createNetServer().connectHandler(acceptor::accept).listen(0, "127.0.0.1").await().actualPort();
    }

    private static Socket connect(int port) throws IOException {
        Socket socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(5_000);
        return socket;
    }

    /** A protocol connection that echoes, so the test sees whether (and what) it read. */
    private record Echo(StreamSocket client) implements ProxyAcceptor.Startable {
        @Override
        public void start() {
            client.bufferHandler(client::write);
            client.resume();
        }

        @Override
        public void drain() {
            client.close();
        }

        @Override
        public void forceClose() {
            client.close();
        }
    }

    /** The echo connections ask nothing of the program. */
    private static final class UnusedGateway implements ProxyGateway {
        @Override
        public Optional<Refusal> checkClient(IpAddress client) {
            throw new UnsupportedOperationException();
        }

        @Override
        public BandwidthLimits bandwidth() {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean authRequired() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Future<Optional<String>> authenticate(Optional<Credentials> credentials) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Decision route(IpAddress client, Optional<String> username, RoutingKey host, int port,
                RequestInfo info) {
            throw new UnsupportedOperationException();
        }
    }
}
