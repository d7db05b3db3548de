package io.bifrost.testkit.upstream;

import static java.util.Objects.requireNonNull;

import io.bifrost.testkit.internal.BlockingTcpServer;
import java.io.IOException;
import java.net.Socket;

/**
 * A fake upstream HTTP proxy on {@code 127.0.0.1}, port 0, that answers {@code CONNECT host:port} (RFC 9110 §9.3.6)
 * as its {@link ProxyMode} says:
 *
 * <ul>
 *   <li>{@link ProxyMode#FORWARDING}: dials the target, answers {@code HTTP/1.1 200 Connection established}, then
 *       relays both ways with back-pressure and half-close; a failed dial is answered {@code 502};</li>
 *   <li>{@link ProxyMode#REFUSING}: answers {@code 403 Forbidden}, or the status given to {@link #refuseWith};</li>
 *   <li>{@link ProxyMode#UNRESPONSIVE}: reads and discards, never answers.</li>
 * </ul>
 *
 * <p>With {@link #requireCredentials}, a request without a matching {@code Proxy-Authorization: Basic} header is
 * answered {@code 407} with {@code Proxy-Authenticate: Basic realm="fake"}. Other methods than {@code CONNECT}
 * (absolute-form {@code GET http://...}) are answered {@code 405}: Bifrost carries plain HTTP through a
 * {@code CONNECT} tunnel too (spec [BKD-032]). Refusals carry {@code Content-Length: 0} and close the connection.
 *
 * <p>Every {@code CONNECT} head is recorded, whatever the answer, as a {@link RecordedConnect} whose
 * {@code requestHead} is the raw head. Configure before {@link #start()}; thread-safe afterwards. Runs on JDK sockets
 * (no {@code Vertx} needed); see {@link io.bifrost.testkit.FakeServer} for the lifecycle rules.
 */
public final class FakeHttpProxy extends FakeUpstreamProxy {
    private volatile int refusalStatus = 403;

    private FakeHttpProxy(ProxyMode mode) {
        super("fake-http-proxy", mode);
    }

    @Override
    void serve(Socket socket, BlockingTcpServer server) throws IOException {
        new HttpConnectSession(core(), refusalStatus, socket, server).run();
    }

    /** A proxy in the given mode, without authentication. */
    public static FakeHttpProxy create(ProxyMode mode) {
        return new FakeHttpProxy(requireNonNull(mode, "mode"));
    }

    /** {@link ProxyMode#FORWARDING}. */
    public static FakeHttpProxy forwarding() {
        return create(ProxyMode.FORWARDING);
    }

    /** {@link ProxyMode#REFUSING}. */
    public static FakeHttpProxy refusing() {
        return create(ProxyMode.REFUSING);
    }

    /** {@link ProxyMode#UNRESPONSIVE}. */
    public static FakeHttpProxy unresponsive() {
        return create(ProxyMode.UNRESPONSIVE);
    }

    /**
     * Requires {@code Proxy-Authorization: Basic} with these credentials (RFC 7617; user name without {@code :}).
     *
     * @return this proxy
     * @throws IllegalStateException after {@link #start()}
     */
    public FakeHttpProxy requireCredentials(String username, String password) {
        requireNonNull(username, "username");
        if (username.indexOf(':') >= 0) {
            throw new IllegalArgumentException("username: " + username + " (expected: no ':', RFC 7617 §2)");
        }
        core().requireCredentials(username, password);
        return this;
    }

    /**
     * The status {@link ProxyMode#REFUSING} answers with; 403 by default.
     *
     * @return this proxy
     * @throws IllegalStateException after {@link #start()}
     */
    public FakeHttpProxy refuseWith(int status) {
        if (status < 300 || status > 599) {
            throw new IllegalArgumentException("status: " + status + " (expected: 300-599)");
        }
        core().requireNotStarted("refuseWith");
        refusalStatus = status;
        return this;
    }

    /**
     * Holds every answer until {@link #releaseAnswers()}: each request is read and recorded, then its connection waits
     * (at most 30 s), so a test can act while the client's handshake is in progress.
     *
     * @return this proxy
     * @throws IllegalStateException after {@link #start()}
     */
    public FakeHttpProxy holdAnswers() {
        core().holdAnswers();
        return this;
    }
}
