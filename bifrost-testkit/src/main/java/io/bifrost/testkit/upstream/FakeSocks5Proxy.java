package io.bifrost.testkit.upstream;

import static java.util.Objects.requireNonNull;

import io.bifrost.testkit.internal.BlockingTcpServer;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A fake upstream SOCKS5 proxy (RFC 1928) on {@code 127.0.0.1}, port 0, that supports the {@code CONNECT} command
 * with IPv4, domain-name and IPv6 destinations, and answers as its {@link ProxyMode} says:
 *
 * <ul>
 *   <li>{@link ProxyMode#FORWARDING}: dials the destination (names are resolved here), replies {@code REP 0x00}
 *       with the bound address, then relays both ways with back-pressure and half-close; a failed dial is answered
 *       {@code 0x05} (refused), {@code 0x04} (unknown host, unreachable, timeout) or {@code 0x01};</li>
 *   <li>{@link ProxyMode#REFUSING}: replies {@code REP 0x02} (not allowed by ruleset), or the code given to
 *       {@link #refuseWith};</li>
 *   <li>{@link ProxyMode#UNRESPONSIVE}: reads and discards, never answers, not even the greeting.</li>
 * </ul>
 *
 * <p>Without credentials it selects method {@code 0x00} (or runs RFC 1929 and accepts anyone if the client offers
 * only {@code 0x02}). With {@link #requireCredentials} it selects {@code 0x02}, answers {@code 01 01} to wrong
 * credentials and {@code 05 FF} to a client that does not offer {@code 0x02}. Other commands get {@code 0x07}, other
 * address types {@code 0x08}. Refusals close the connection.
 *
 * <p>Every request is recorded, whatever the answer, as a {@link RecordedConnect} with its {@code ATYP} and the raw
 * request bytes in hex. Configure before {@link #start()}; thread-safe afterwards. Runs on JDK sockets (no
 * {@code Vertx} needed); see {@link io.bifrost.testkit.FakeServer} for the lifecycle rules.
 */
public final class FakeSocks5Proxy extends FakeUpstreamProxy {
    private volatile int refusalReply = 0x02;

    private FakeSocks5Proxy(ProxyMode mode) {
        super("fake-socks5-proxy", mode);
    }

    @Override
    void serve(Socket socket, BlockingTcpServer server) throws IOException {
        new Socks5Session(core(), refusalReply, socket, server).run();
    }

    /** A proxy in the given mode, without authentication. */
    public static FakeSocks5Proxy create(ProxyMode mode) {
        return new FakeSocks5Proxy(requireNonNull(mode, "mode"));
    }

    /** {@link ProxyMode#FORWARDING}. */
    public static FakeSocks5Proxy forwarding() {
        return create(ProxyMode.FORWARDING);
    }

    /** {@link ProxyMode#REFUSING}. */
    public static FakeSocks5Proxy refusing() {
        return create(ProxyMode.REFUSING);
    }

    /** {@link ProxyMode#UNRESPONSIVE}. */
    public static FakeSocks5Proxy unresponsive() {
        return create(ProxyMode.UNRESPONSIVE);
    }

    /**
     * Requires RFC 1929 username/password authentication with these credentials (each 1-255 bytes in UTF-8).
     *
     * @return this proxy
     * @throws IllegalStateException after {@link #start()}
     */
    public FakeSocks5Proxy requireCredentials(String username, String password) {
        requireLength("username", username);
        requireLength("password", password);
        core().requireCredentials(username, password);
        return this;
    }

    /**
     * The {@code REP} code {@link ProxyMode#REFUSING} replies with; {@code 0x02} by default.
     *
     * @return this proxy
     * @throws IllegalStateException after {@link #start()}
     */
    public FakeSocks5Proxy refuseWith(int rep) {
        if (rep < 0x01 || rep > 0xFF) {
            throw new IllegalArgumentException("rep: " + rep + " (expected: 0x01-0xFF, a failure code)");
        }
        core().requireNotStarted("refuseWith");
        refusalReply = rep;
        return this;
    }

    private static void requireLength(String name, String value) {
        requireNonNull(value, name);
        int bytes = value.getBytes(StandardCharsets.UTF_8).length;
        if (bytes < 1 || bytes > 255) {
            throw new IllegalArgumentException(name + ": " + bytes + " bytes (expected: 1-255, RFC 1929)");
        }
    }

    /**
     * Holds every answer until {@link #releaseAnswers()}: each request is read and recorded, then its connection waits
     * (at most 30 s), so a test can act while the client's handshake is in progress.
     *
     * @return this proxy
     * @throws IllegalStateException after {@link #start()}
     */
    public FakeSocks5Proxy holdAnswers() {
        core().holdAnswers();
        return this;
    }
}
