package io.bifrost.testkit.origin;

import static java.util.Objects.requireNonNull;

import io.bifrost.testkit.FakeServer;
import io.bifrost.testkit.internal.Recording;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.TrustOptions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A fake HTTP/1.1 origin server (plain or TLS) on Vert.x, listening on {@code 127.0.0.1} (or another loopback address,
 * {@link #onHost}), port 0, that records every request it receives.
 *
 * <h2>Built-in endpoints</h2>
 * <table>
 *   <caption>Paths served by every origin unless a custom handler takes the path</caption>
 *   <tr><th>Path</th><th>Answer</th></tr>
 *   <tr><td>{@code /hello}</td><td>{@code 200}, {@code text/plain} body {@code hello}</td></tr>
 *   <tr><td>{@code /bytes/{n}}</td><td>{@code 200} with {@code n} bytes of {@link BytePattern}, streamed with
 *       back-pressure (any size, constant memory). Framed by {@code Content-Length}; {@code ?chunked=true} forces
 *       chunked framing; {@code ?close=true} sends neither header and closes the connection after the last byte
 *       (close-delimited, HTTP/1.0 style)</td></tr>
 *   <tr><td>{@code /echo}</td><td>{@code 200} streaming the request body back with back-pressure; the same
 *       {@code Content-Length} as the request (else chunked) and {@code Content-Type}; every request header
 *       {@code Name: value} comes back as {@code X-Echo-Name: value}</td></tr>
 *   <tr><td>{@code /headers}</td><td>{@code 200} JSON {@code {"headers":[["Name","value"], ...]}}: the request
 *       headers in arrival order, names in their original case</td></tr>
 *   <tr><td>{@code /sha256}</td><td>reads the whole request body as it streams (any size) and answers {@code 200}
 *       JSON {@code {"bytes":<length>,"sha256":"<lower-case hex>"}}</td></tr>
 *   <tr><td>{@code /status/{code}}</td><td>an empty response with that status ({@code 200}-{@code 599})</td></tr>
 *   <tr><td>{@code /delay/{ms}}</td><td>{@code 200} {@code delayed <ms> ms} after that many milliseconds
 *       (at most 600000)</td></tr>
 *   <tr><td>anything else</td><td>{@code 404}; malformed numbers give {@code 400}</td></tr>
 * </table>
 *
 * <p>{@link #handle(String, Handler)} adds or replaces the handler of one exact path.
 *
 * <h2>Recording</h2>
 * Each request is recorded as a {@link RecordedRequest} once its body has been read to the end (or the exchange
 * failed). Built-in endpoints finish their response only after that, so when a client holds a complete response the
 * record is there; for custom handlers, use {@link #awaitRequests(int, Duration)}.
 *
 * <h2>Threads and lifecycle</h2>
 * Thread-safe. Runs on the given {@link Vertx}, or on one it creates at {@link #start()} and closes at
 * {@link #stop()}. See {@link FakeServer} for the lifecycle rules.
 */
public final class FakeHttpOrigin implements FakeServer {

    private final Vertx givenVertx; // null: create one at start, close it at stop
    private final TestCertificate certificate; // null: plain HTTP
    private final Map<String, Handler<HttpServerRequest>> customHandlers = new ConcurrentHashMap<>();
    private final Recording<RecordedRequest> requests = new Recording<>("requests");
    private volatile String host = "127.0.0.1";
    private Vertx vertx;
    private HttpServer server;
    private Future<Void> stopped; // non-null once stop() has been called

    private FakeHttpOrigin(Vertx givenVertx, TestCertificate certificate) {
        this.givenVertx = givenVertx;
        this.certificate = certificate;
    }

    /** A plain-HTTP origin that creates its own {@link Vertx}. */
    public static FakeHttpOrigin http() {
        return new FakeHttpOrigin(null, null);
    }

    /** A plain-HTTP origin on the caller's {@link Vertx}, which it never closes. */
    public static FakeHttpOrigin http(Vertx vertx) {
        return new FakeHttpOrigin(requireNonNull(vertx, "vertx"), null);
    }

    /** An HTTPS origin with a fresh {@link TestCertificate} for {@code localhost}/{@code 127.0.0.1}. */
    public static FakeHttpOrigin https() {
        return new FakeHttpOrigin(null, TestCertificate.generate());
    }

    /** An HTTPS origin on the caller's {@link Vertx}, which it never closes. */
    public static FakeHttpOrigin https(Vertx vertx) {
        return new FakeHttpOrigin(requireNonNull(vertx, "vertx"), TestCertificate.generate());
    }

    /**
     * Serves {@code path} (exact match, without query; e.g. {@code "/login"}) with {@code handler} instead of a
     * built-in endpoint. May be called before or after {@link #start()}. The handler runs on the event loop and is
     * responsible for ending the response; it may read the body ({@code body()}, {@code handler()}, {@code pipe()}).
     *
     * @return this origin
     */
    public FakeHttpOrigin handle(String path, Handler<HttpServerRequest> handler) {
        requireNonNull(path, "path");
        requireNonNull(handler, "handler");
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("path: " + path + " (expected: starts with '/')");
        }
        customHandlers.put(path, handler);
        return this;
    }

    /**
     * Listens on {@code address} instead of {@code 127.0.0.1}: another loopback address such as {@code 127.0.0.2}
     * (Linux routes all of {@code 127.0.0.0/8} to the loopback interface) reaches the origin under a host that
     * routes written for {@code 127.0.0.1} and {@code localhost} do not match.
     *
     * @return this origin
     * @throws IllegalStateException after {@link #start()}
     */
    public synchronized FakeHttpOrigin onHost(String address) {
        requireNonNull(address, "address");
        if (server != null) {
            throw new IllegalStateException("origin: onHost after start() (expected: configure, then start)");
        }
        host = address;
        return this;
    }

    @Override
    public String host() {
        return host;
    }

    @Override
    public synchronized Future<Void> start() {
        if (server != null || stopped != null) {
            return Future.failedFuture(new IllegalStateException("origin: already started (expected: start() once)"));
        }
        vertx = givenVertx != null ? givenVertx : Vertx.vertx();
        server = vertx.createHttpServer(serverOptions())
                .requestHandler(new OriginDispatcher(customHandlers, requests, new BuiltInEndpoints(vertx)));
        return server.listen()
                .<Void>mapEmpty()
                .recover(failure -> stop().transform(ignored -> Future.<Void>failedFuture(failure)));
    }

    @Override
    public synchronized Future<Void> stop() {
        if (stopped == null) {
            stopped = release();
        }
        return stopped;
    }

    private Future<Void> release() {
        Future<Void> closed = server == null ? Future.succeededFuture() : server.close();
        if (vertx == null || vertx == givenVertx) {
            return closed;
        }
        // Not closed.eventually(own::close): that future belongs to a context of `own`, whose event loops the close
        // shuts down, so its listeners would never run. Vertx.close() returns a future bound to no context.
        Vertx own = vertx;
        Promise<Void> released = Promise.promise();
        closed.onComplete(ignored -> own.close().onComplete(released));
        return released.future();
    }

    @Override
    public synchronized int port() {
        if (server == null || server.actualPort() <= 0) {
            throw new IllegalStateException("origin: not listening (expected: start() completed)");
        }
        return server.actualPort();
    }

    /** {@code http} or {@code https}. */
    public String scheme() {
        return certificate == null ? "http" : "https";
    }

    /** {@code <scheme>://<host>:<port><path>}; {@code path} starts with {@code /} and may carry a query. */
    public String url(String path) {
        requireNonNull(path, "path");
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("path: " + path + " (expected: starts with '/')");
        }
        return scheme() + "://" + authority() + path;
    }

    /**
     * The certificate of an HTTPS origin, with trust material for clients.
     *
     * @throws IllegalStateException for a plain-HTTP origin
     */
    public TestCertificate certificate() {
        if (certificate == null) {
            throw new IllegalStateException("origin: plain HTTP has no certificate (expected: FakeHttpOrigin.https())");
        }
        return certificate;
    }

    /** Shorthand for {@code certificate().trustOptions()}: Vert.x trust options that trust only this origin. */
    public TrustOptions trustOptions() {
        return certificate().trustOptions();
    }

    /** Requests recorded so far, oldest first. */
    public List<RecordedRequest> requests() {
        return requests.snapshot();
    }

    /** The most recent recorded request, if any. */
    public Optional<RecordedRequest> lastRequest() {
        List<RecordedRequest> all = requests.snapshot();
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /**
     * Waits until at least {@code count} requests have been recorded and returns all of them. Blocks: never call it
     * on an event loop.
     *
     * @throws AssertionError if they do not arrive within {@code timeout}
     */
    public List<RecordedRequest> awaitRequests(int count, Duration timeout) {
        return requests.await(count, timeout);
    }

    @Override
    public void clearRecords() {
        requests.clear();
    }

    private HttpServerOptions serverOptions() {
        HttpServerOptions options = new HttpServerOptions()
                .setHost(host)
                .setPort(0)
                .setHandle100ContinueAutomatically(true);
        if (certificate != null) {
            options.setSsl(true).setKeyCertOptions(certificate.keyCertOptions());
        }
        return options;
    }
}
