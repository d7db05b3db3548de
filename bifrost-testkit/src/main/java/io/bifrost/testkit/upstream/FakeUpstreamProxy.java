package io.bifrost.testkit.upstream;

import io.bifrost.testkit.FakeServer;
import io.bifrost.testkit.internal.BlockingTcpServer;
import io.vertx.core.Future;
import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.util.List;

/**
 * What both fake upstream proxies show their tests: the mode, the {@link FakeServer} lifecycle on JDK sockets, and
 * the recordings. Package-private: its public methods are part of {@link FakeHttpProxy} and {@link FakeSocks5Proxy}.
 * Thread-safe once started.
 */
abstract class FakeUpstreamProxy implements FakeServer {

    private final ProxyCore core;

    /** @param name the thread and message name, e.g. {@code fake-http-proxy} */
    FakeUpstreamProxy(String name, ProxyMode mode) {
        this.core = new ProxyCore(name, mode, this::serve);
    }

    /** Speaks the proxy protocol on one accepted connection, on its own thread; blocking. */
    abstract void serve(Socket socket, BlockingTcpServer server) throws IOException;

    final ProxyCore core() {
        return core;
    }

    public ProxyMode mode() {
        return core.mode();
    }

    @Override
    public Future<Void> start() {
        return core.start();
    }

    @Override
    public Future<Void> stop() {
        return core.stop();
    }

    @Override
    public int port() {
        return core.port();
    }

    /** Lets the answers held since {@code holdAnswers()} go out, now and from then on. */
    public void releaseAnswers() {
        core.releaseAnswers();
    }

    /** Requests received so far, oldest first, whatever the answer. */
    public List<RecordedConnect> connects() {
        return core.connects().snapshot();
    }

    /**
     * Waits until at least {@code count} requests have been recorded. Blocks: never call it on an event loop.
     *
     * @throws AssertionError if they do not arrive within {@code timeout}
     */
    public List<RecordedConnect> awaitConnects(int count, Duration timeout) {
        return core.connects().await(count, timeout);
    }

    /** Authentications presented so far, oldest first. */
    public List<RecordedAuth> auths() {
        return core.auths().snapshot();
    }

    /** TCP connections accepted so far, including those that never sent a complete request. */
    public int connectionsAccepted() {
        return core.server().accepted();
    }

    @Override
    public void clearRecords() {
        core.clearRecords();
    }
}
