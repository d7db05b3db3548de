package io.bifrost.adapters.vertx.dial.handshake;

import static java.util.Objects.requireNonNull;

import io.bifrost.adapters.vertx.proxy.socks5.Socks5Address;
import io.bifrost.adapters.vertx.proxy.socks5.Socks5Endpoint;
import io.bifrost.adapters.vertx.proxy.socks5.Socks5Reply;
import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * The SOCKS5 handshake with an upstream SOCKS5 proxy, spec backends.md [BKD-033] and proxy.md [PRX-122]: a greeting
 * offering {@code 0x00} (and {@code 0x02} when credentials are configured), RFC 1929 when {@code 0x02} is selected,
 * then {@code CONNECT} with {@code ATYP 0x03} for names (the upstream resolves them) and {@code 0x01}/{@code 0x04}
 * for IP literals. Failures: method {@code 0xFF} is {@code upstream_auth_failed} without credentials to offer, else
 * {@code upstream_proxy_error}; RFC 1929 status ≠ 0 is {@code upstream_auth_failed}; {@code REP} ≠ 0 is
 * {@code upstream_proxy_error} carrying the {@code REP}. Bytes after the reply are tunnel bytes.
 *
 * <p>Not thread-safe (see {@link UpstreamHandshake}).
 */
public final class Socks5ClientHandshake implements UpstreamHandshake {

    private static final int VERSION = 0x05;
    private static final int AUTH_VERSION = 0x01;
    private static final int METHOD_NO_AUTH = 0x00;
    private static final int METHOD_USERNAME_PASSWORD = 0x02;
    private static final int METHOD_NONE_ACCEPTABLE = 0xFF;
    private static final int CMD_CONNECT = 0x01;

    private enum State { NEW, METHOD_REPLY, AUTH_REPLY, CONNECT_REPLY, FINISHED }

    private final String proxyAddress;
    private final TunnelTarget target;
    private final UpstreamCredentials credentials;
    private State state = State.NEW;
    private Buffer input = Buffer.buffer();
    private Buffer output = Buffer.buffer();
    private long bytesRead;
    private long bytesWritten;

    /**
     * @param proxyAddress the upstream as configured ({@code 198.51.100.30:1080}), for messages only
     * @param target       where the upstream should connect to
     * @param credentials  null when no username is configured; else a username of 1–255 and a password of 0–255
     *                     UTF-8 bytes (RFC 1929)
     */
    public Socks5ClientHandshake(String proxyAddress, TunnelTarget target, UpstreamCredentials credentials) {
        this.proxyAddress = requireNonNull(proxyAddress, "proxyAddress");
        this.target = requireNonNull(target, "target");
        this.credentials = credentials;
        if (credentials != null) {
            requireFieldLength("username", credentials.username(), 1);
            requireFieldLength("password", credentials.password(), 0);
        }
    }

    @Override
    public Buffer start() {
        if (state != State.NEW) {
            throw new IllegalStateException("start: state " + state + " (expected: NEW)");
        }
        state = State.METHOD_REPLY;
        output.appendByte((byte) VERSION);
        if (credentials == null) {
            output.appendByte((byte) 1).appendByte((byte) METHOD_NO_AUTH);
        } else {
            output.appendByte((byte) 2).appendByte((byte) METHOD_NO_AUTH).appendByte((byte) METHOD_USERNAME_PASSWORD);
        }
        return flush();
    }

    @Override
    public UpstreamHandshakeStep feed(Buffer data) {
        requireNonNull(data, "data");
        if (state == State.NEW || state == State.FINISHED) {
            throw new IllegalStateException("feed: state " + state + " (expected: started and not finished)");
        }
        input.appendBuffer(data);
        while (true) {
            UpstreamHandshakeStep step = switch (state) {
                case METHOD_REPLY -> readMethodReply();
                case AUTH_REPLY -> readAuthReply();
                case CONNECT_REPLY -> readConnectReply();
                case NEW, FINISHED -> throw new IllegalStateException("state: " + state);
            };
            if (step != null) {
                return step;                             // null: a reply was consumed, the next one may be here
            }
        }
    }

    @Override
    public UpstreamHandshakeException connectionLost(Throwable cause) {
        state = State.FINISHED;
        String what = cause == null ? " closed the connection" : " failed (" + cause + ")";
        return UpstreamHandshakeException.lost(
                "upstream proxy " + proxyAddress + what + " during the SOCKS5 handshake for " + target, cause);
    }

    @Override
    public long bytesWritten() {
        return bytesWritten;
    }

    @Override
    public long bytesRead() {
        return bytesRead;
    }

    /** RFC 1928 §3: {@code VER METHOD}. */
    private UpstreamHandshakeStep readMethodReply() {
        if (input.length() >= 1 && input.getUnsignedByte(0) != VERSION) {
            return violation(String.format("answered the greeting with version 0x%02x (expected: 0x05)",
                    input.getUnsignedByte(0)));
        }
        if (input.length() < 2) {
            return needMore();
        }
        int method = input.getUnsignedByte(1);
        consume(2);
        if (method == METHOD_NO_AUTH) {
            writeConnectRequest();
            return null;
        }
        if (method == METHOD_USERNAME_PASSWORD && credentials != null) {
            writeCredentials();
            return null;
        }
        if (method == METHOD_NONE_ACCEPTABLE && credentials == null) {
            return failed(UpstreamHandshakeException.of(HandshakeFailureKind.AUTH_FAILED, "upstream proxy "
                    + proxyAddress + " requires authentication, but no credentials are configured for it"));
        }
        if (method == METHOD_NONE_ACCEPTABLE) {
            return failed(UpstreamHandshakeException.of(HandshakeFailureKind.PROXY_ERROR, "upstream proxy "
                    + proxyAddress + " accepted none of the offered methods (0x00, 0x02)"));
        }
        return violation(String.format("selected method 0x%02x, which was not offered", method));
    }

    /** RFC 1929 §2: {@code VER STATUS}. */
    private UpstreamHandshakeStep readAuthReply() {
        if (input.length() >= 1 && input.getUnsignedByte(0) != AUTH_VERSION) {
            return violation(String.format("answered the credentials with version 0x%02x (expected: 0x01)",
                    input.getUnsignedByte(0)));
        }
        if (input.length() < 2) {
            return needMore();
        }
        int status = input.getUnsignedByte(1);
        consume(2);
        if (status != 0) {
            return failed(UpstreamHandshakeException.of(HandshakeFailureKind.AUTH_FAILED, String.format(
                    "upstream proxy %s rejected the credentials of user '%s' (status 0x%02x)",
                    proxyAddress, credentials.username(), status)));
        }
        writeConnectRequest();
        return null;
    }

    /** RFC 1928 §6: {@code VER REP RSV ATYP BND.ADDR BND.PORT}; a failure is known from {@code REP} alone. */
    private UpstreamHandshakeStep readConnectReply() {
        if (input.length() >= 1 && input.getUnsignedByte(0) != VERSION) {
            return violation(String.format("answered CONNECT with version 0x%02x (expected: 0x05)",
                    input.getUnsignedByte(0)));
        }
        if (input.length() >= 2 && input.getUnsignedByte(1) != Socks5Reply.SUCCEEDED.code()) {
            return refused(input.getUnsignedByte(1));
        }
        if (input.length() < 4 || (input.getUnsignedByte(3) == Socks5Address.ATYP_DOMAIN && input.length() < 5)) {
            return needMore();
        }
        int addressLength = switch (input.getUnsignedByte(3)) {
            case Socks5Address.ATYP_IPV4 -> 4;
            case Socks5Address.ATYP_IPV6 -> 16;
            case Socks5Address.ATYP_DOMAIN -> 1 + input.getUnsignedByte(4);
            default -> -1;
        };
        if (addressLength < 0) {
            return violation(String.format("replied with address type 0x%02x", input.getUnsignedByte(3)));
        }
        int total = 4 + addressLength + 2;
        if (input.length() < total) {
            return needMore();
        }
        Optional<Socks5Address> bound = boundAddress(input.getUnsignedByte(3), input.getBytes(4, total - 2));
        if (bound.isEmpty()) {
            return violation("replied with an invalid bound host name");
        }
        int port = input.getUnsignedShort(total - 2);
        consume(total);
        state = State.FINISHED;
        Buffer leftover = input;
        input = Buffer.buffer();
        return new UpstreamHandshakeStep.Established(flush(),
                new HandshakeResult.Socks5Tunnel(new Socks5Endpoint(bound.get(), port), leftover));
    }

    private static Optional<Socks5Address> boundAddress(int atyp, byte[] raw) {
        if (atyp != Socks5Address.ATYP_DOMAIN) {
            return Optional.of(Socks5Address.ofIpBytes(raw));
        }
        return Socks5Address.tryParseHost(new String(raw, 1, raw.length - 1, StandardCharsets.ISO_8859_1));
    }

    private UpstreamHandshakeStep refused(int rep) {
        String meaning = Socks5Reply.fromCode(rep).map(reply -> reply.name().toLowerCase(Locale.ROOT).replace('_', ' '))
                .orElse("unassigned");
        return failed(UpstreamHandshakeException.socks5Refused(String.format(
                "upstream proxy %s refused CONNECT %s: REP 0x%02x (%s)", proxyAddress, target, rep, meaning), rep));
    }

    private void writeCredentials() {
        byte[] username = credentials.username().getBytes(StandardCharsets.UTF_8);
        byte[] password = credentials.password().getBytes(StandardCharsets.UTF_8);
        output.appendByte((byte) AUTH_VERSION)
                .appendByte((byte) username.length).appendBytes(username)
                .appendByte((byte) password.length).appendBytes(password);
        state = State.AUTH_REPLY;
    }

    private void writeConnectRequest() {
        output.appendByte((byte) VERSION).appendByte((byte) CMD_CONNECT).appendByte((byte) 0);
        new Socks5Endpoint(target.address(), target.port()).encodeTo(output);   // a name stays a name: ATYP 0x03
        state = State.CONNECT_REPLY;
    }

    private UpstreamHandshakeStep violation(String detail) {
        return failed(UpstreamHandshakeException.of(HandshakeFailureKind.PROTOCOL_VIOLATION,
                "upstream proxy " + proxyAddress + " " + detail));
    }

    private UpstreamHandshakeStep failed(UpstreamHandshakeException failure) {
        state = State.FINISHED;
        consume(input.length());                     // read from the socket, so counted ([GEN-006]), then dropped
        return new UpstreamHandshakeStep.Failed(failure);
    }

    private UpstreamHandshakeStep needMore() {
        return new UpstreamHandshakeStep.Continue(flush());
    }

    private Buffer flush() {
        Buffer produced = output;
        output = Buffer.buffer();
        bytesWritten += produced.length();
        return produced;
    }

    private void consume(int length) {
        bytesRead += length;
        input = input.getBuffer(length, input.length());
    }

    private static void requireFieldLength(String name, String value, int min) {
        int length = value.getBytes(StandardCharsets.UTF_8).length;
        if (length < min || length > 255) {
            throw new IllegalArgumentException(
                    name + ": " + length + " UTF-8 bytes (expected: " + min + "-255, RFC 1929)");
        }
    }
}
