package io.bifrost.adapters.vertx.proxy.socks5;

import static java.util.Objects.requireNonNull;

import io.vertx.core.buffer.Buffer;
import java.util.Optional;

/**
 * The server side of a SOCKS5 handshake (RFC 1928 with RFC 1929), as a state machine over bytes: greeting →
 * (username/password sub-negotiation) → request. It owns no socket and starts no thread: the caller feeds it the
 * bytes read from the client, in pieces of any size, and acts on each returned {@link Socks5ServerStep}.
 *
 * <p>Behaviour follows spec proxy.md §5: [PRX-071] greeting, [PRX-072] and [PRX-083] method selection (see
 * {@link Socks5Admission}), [PRX-073] sub-negotiation, [PRX-074]/[PRX-075] request, [PRX-076] replies. Names are
 * never resolved. Bytes that follow the request (client early data, [PRX-077]) are kept for
 * {@link #takeRemaining()}.
 *
 * <p>Byte accounting ([GEN-006]): {@link #bytesRead()} counts the handshake bytes consumed (not early data),
 * {@link #bytesWritten()} the bytes of every step's {@code toWrite} and of the final reply.
 *
 * <p>Not thread-safe: use it from one thread (the connection's event loop). Never blocks.
 */
public final class Socks5ServerHandshake {

    private static final int VERSION = 0x05;
    private static final int AUTH_VERSION = 0x01;
    private static final int METHOD_NO_AUTH = 0x00;
    private static final int METHOD_USERNAME_PASSWORD = 0x02;
    private static final int METHOD_NONE_ACCEPTABLE = 0xFF;
    private static final byte[] AUTH_SUCCESS = {AUTH_VERSION, 0x00};
    private static final byte[] AUTH_FAILURE = {AUTH_VERSION, 0x01};

    private enum State { GREETING, CREDENTIALS, AWAITING_VERDICT, REQUEST, CONNECT_REQUESTED, REPLIED, CLOSED }

    private final Socks5Admission admission;
    private State state = State.GREETING;
    private Buffer input = Buffer.buffer();          // read, not yet consumed by the handshake
    private Buffer output = Buffer.buffer();         // produced, not yet handed out in a step
    private long bytesRead;
    private long bytesWritten;

    public Socks5ServerHandshake(Socks5Admission admission) {
        this.admission = requireNonNull(admission, "admission");
    }

    /**
     * Feeds bytes read from the client. Allowed until a step told the caller to close; bytes fed after
     * {@link Socks5ServerStep.Connect} are kept as early data (the step is then an empty {@code Continue}).
     *
     * @throws IllegalStateException after a {@code Close} / {@code ReplyAndClose} step or a failure reply
     */
    public Socks5ServerStep feed(Buffer data) {
        requireNonNull(data, "data");
        if (state == State.CLOSED) {
            throw new IllegalStateException("state: CLOSED (expected: feed only until told to close)");
        }
        input.appendBuffer(data);
        return advance();
    }

    /** The credentials of the last {@link Socks5ServerStep.VerifyCredentials} are valid: answer {@code 01 00}. */
    public Socks5ServerStep credentialsAccepted() {
        expectState(State.AWAITING_VERDICT, "credentialsAccepted");
        output.appendBytes(AUTH_SUCCESS);
        state = State.REQUEST;
        return advance();                            // the request may already be buffered
    }

    /** The credentials of the last {@link Socks5ServerStep.VerifyCredentials} are wrong: {@code 01 01}, close. */
    public Socks5ServerStep credentialsRejected() {
        expectState(State.AWAITING_VERDICT, "credentialsRejected");
        output.appendBytes(AUTH_FAILURE);
        return replyAndClose(Socks5RefusalReason.CREDENTIALS_REJECTED, Socks5RequestSummary.negotiation());
    }

    /**
     * Hands over (and forgets) the bytes the client sent after its CONNECT request ([PRX-077]); they must reach the
     * upstream before anything read later. Possibly empty.
     *
     * @throws IllegalStateException before {@link Socks5ServerStep.Connect}
     */
    public Buffer takeRemaining() {
        if (state != State.CONNECT_REQUESTED && state != State.REPLIED) {
            throw new IllegalStateException("state: " + state + " (expected: after the CONNECT request)");
        }
        Buffer remaining = input;
        input = Buffer.buffer();
        return remaining;
    }

    /** Bytes held but not consumed: early data after CONNECT, or input waiting for a credentials verdict. */
    public int bufferedLength() {
        return input.length();
    }

    /** The success reply to write after a {@code Connect} step; counted in {@link #bytesWritten()}. */
    public Buffer successReply(Socks5Endpoint bound) {
        requireNonNull(bound, "bound");
        expectState(State.CONNECT_REQUESTED, "successReply");
        state = State.REPLIED;
        return count(Socks5Reply.encodeSuccess(bound));
    }

    /** The failure reply to write (then close) after a {@code Connect} step; counted in {@link #bytesWritten()}. */
    public Buffer failureReply(Socks5Reply reply) {
        requireNonNull(reply, "reply");
        expectState(State.CONNECT_REQUESTED, "failureReply");
        Buffer encoded = reply.encodeFailure();
        state = State.CLOSED;
        return count(encoded);
    }

    /** Handshake bytes consumed from the client so far (early data excluded). */
    public long bytesRead() {
        return bytesRead;
    }

    /** Bytes handed out for writing to the client so far. */
    public long bytesWritten() {
        return bytesWritten;
    }

    /** Parses as far as the input allows; each reader returns a step, or null when it moved to the next state. */
    private Socks5ServerStep advance() {
        while (true) {
            Socks5ServerStep step = switch (state) {
                case GREETING -> readGreeting();
                case CREDENTIALS -> readCredentials();
                case REQUEST -> readRequest();
                case AWAITING_VERDICT, CONNECT_REQUESTED, REPLIED -> needMore();   // input just waits
                case CLOSED -> throw new IllegalStateException("state: CLOSED (expected: an open handshake)");
            };
            if (step != null) {
                return step;
            }
        }
    }

    private Socks5ServerStep readGreeting() {
        if (input.length() >= 1 && input.getUnsignedByte(0) != VERSION) {
            return close(Socks5RefusalReason.MALFORMED_GREETING);      // SOCKS4 and strangers: no reply
        }
        if (input.length() < 2) {
            return needMore();
        }
        int count = input.getUnsignedByte(1);
        if (input.length() < 2 + count) {
            return needMore();
        }
        boolean offersNoAuth = false;
        boolean offersPassword = false;
        for (int i = 0; i < count; i++) {
            int method = input.getUnsignedByte(2 + i);
            offersNoAuth |= method == METHOD_NO_AUTH;
            offersPassword |= method == METHOD_USERNAME_PASSWORD;
        }
        consume(2 + count);
        int method = selectMethod(offersNoAuth, offersPassword);       // NMETHODS 0 offers nothing: 05 FF
        output.appendByte((byte) VERSION).appendByte((byte) method);
        if (method == METHOD_NONE_ACCEPTABLE) {
            return replyAndClose(Socks5RefusalReason.NO_ACCEPTABLE_METHOD, Socks5RequestSummary.negotiation());
        }
        state = method == METHOD_NO_AUTH ? State.REQUEST : State.CREDENTIALS;
        return null;
    }

    /** Spec [PRX-072] table and [PRX-083]; GSSAPI (0x01) and others are never selected. */
    private int selectMethod(boolean offersNoAuth, boolean offersPassword) {
        return switch (admission) {
            case OPEN, REFUSED -> offersNoAuth ? METHOD_NO_AUTH
                    : offersPassword ? METHOD_USERNAME_PASSWORD : METHOD_NONE_ACCEPTABLE;
            case AUTHENTICATE -> offersPassword ? METHOD_USERNAME_PASSWORD : METHOD_NONE_ACCEPTABLE;
        };
    }

    /** RFC 1929: {@code VER=01 ULEN UNAME PLEN PASSWD}. */
    private Socks5ServerStep readCredentials() {
        if (input.length() >= 1 && input.getUnsignedByte(0) != AUTH_VERSION) {
            return close(Socks5RefusalReason.MALFORMED_SUBNEGOTIATION);
        }
        if (input.length() < 2) {
            return needMore();
        }
        int usernameLength = input.getUnsignedByte(1);
        if (input.length() < 3 + usernameLength) {
            return needMore();
        }
        int total = 3 + usernameLength + input.getUnsignedByte(2 + usernameLength);
        if (input.length() < total) {
            return needMore();
        }
        byte[] username = input.getBytes(2, 2 + usernameLength);
        byte[] password = input.getBytes(3 + usernameLength, total);
        consume(total);
        if (admission != Socks5Admission.AUTHENTICATE) {
            output.appendBytes(AUTH_SUCCESS);        // anonymous ([PRX-072]), or a refused client unchecked ([PRX-083])
            state = State.REQUEST;
            return null;
        }
        Optional<String> user = Socks5Decoding.utf8(username).filter(name -> !name.isEmpty());    // ULEN is 1-255
        Optional<String> secret = Socks5Decoding.utf8(password);
        if (user.isEmpty() || secret.isEmpty()) {    // no user can have such a name: reject without verifying
            output.appendBytes(AUTH_FAILURE);
            return replyAndClose(Socks5RefusalReason.CREDENTIALS_REJECTED, Socks5RequestSummary.negotiation());
        }
        state = State.AWAITING_VERDICT;
        return new Socks5ServerStep.VerifyCredentials(flush(), user.get(), secret.get());
    }

    /** RFC 1928 §4: {@code VER CMD RSV ATYP DST.ADDR DST.PORT}; RSV is ignored. */
    private Socks5ServerStep readRequest() {
        if (input.length() >= 1 && input.getUnsignedByte(0) != VERSION) {
            return close(Socks5RefusalReason.MALFORMED_REQUEST);
        }
        if (input.length() < 4 || (input.getUnsignedByte(3) == Socks5Address.ATYP_DOMAIN && input.length() < 5)) {
            return needMore();
        }
        Socks5Command command = new Socks5Command(input.getUnsignedByte(1));
        int addressLength = switch (input.getUnsignedByte(3)) {
            case Socks5Address.ATYP_IPV4 -> 4;
            case Socks5Address.ATYP_IPV6 -> 16;
            case Socks5Address.ATYP_DOMAIN -> 1 + input.getUnsignedByte(4);
            default -> -1;
        };
        if (addressLength < 0) {                     // the address cannot even be skipped: answer now
            consume(4);
            Socks5RequestSummary summary = new Socks5RequestSummary(command.methodName(), "", 0);
            if (admission == Socks5Admission.REFUSED) {
                return refuseClient(summary);
            }
            if (command.equals(Socks5Command.CONNECT)) {
                return refuse(Socks5RefusalReason.ADDRESS_TYPE_NOT_SUPPORTED, Socks5Reply.ADDRESS_TYPE_NOT_SUPPORTED,
                        summary);
            }
            return refuse(Socks5RefusalReason.COMMAND_NOT_SUPPORTED, Socks5Reply.COMMAND_NOT_SUPPORTED, summary);
        }
        int total = 4 + addressLength + 2;
        if (input.length() < total) {
            return needMore();
        }
        byte[] rawAddress = input.getBytes(4, total - 2);
        Socks5Address address = Socks5Decoding.address(input.getUnsignedByte(3), rawAddress).orElse(null);
        int port = input.getUnsignedShort(total - 2);
        String host = address != null ? address.host() : Socks5Decoding.printable(rawAddress, 1);
        consume(total);
        return decide(command, address, port, new Socks5RequestSummary(command.methodName(), host, port));
    }

    /**
     * Order: the admission, then the command, then the destination. A client refused at accept ([PRX-010] steps 2-3)
     * was refused before its request was known, so whatever it asks for is answered {@code REP 0x02} ([PRX-083]).
     *
     * @param address null when {@code DST.ADDR} was an invalid name
     */
    private Socks5ServerStep decide(Socks5Command command, Socks5Address address, int port,
                                    Socks5RequestSummary summary) {
        if (admission == Socks5Admission.REFUSED) {
            return refuseClient(summary);
        }
        if (!command.equals(Socks5Command.CONNECT)) {
            return refuse(Socks5RefusalReason.COMMAND_NOT_SUPPORTED, Socks5Reply.COMMAND_NOT_SUPPORTED, summary);
        }
        if (address == null || port == 0) {
            return refuse(Socks5RefusalReason.INVALID_DESTINATION, Socks5Reply.GENERAL_FAILURE, summary);
        }
        state = State.CONNECT_REQUESTED;
        return new Socks5ServerStep.Connect(flush(), new Socks5Endpoint(address, port));
    }

    private Socks5ServerStep refuseClient(Socks5RequestSummary summary) {
        return refuse(Socks5RefusalReason.CLIENT_REFUSED, Socks5Reply.NOT_ALLOWED_BY_RULESET, summary);
    }

    private Socks5ServerStep refuse(Socks5RefusalReason reason, Socks5Reply reply, Socks5RequestSummary summary) {
        output.appendBuffer(reply.encodeFailure());
        return replyAndClose(reason, summary);
    }

    private Socks5ServerStep replyAndClose(Socks5RefusalReason reason, Socks5RequestSummary summary) {
        state = State.CLOSED;
        return new Socks5ServerStep.ReplyAndClose(flush(), reason, summary);
    }

    private Socks5ServerStep close(Socks5RefusalReason reason) {
        state = State.CLOSED;
        return new Socks5ServerStep.Close(flush(), reason);     // answers to earlier messages only, see Close
    }

    private Socks5ServerStep needMore() {
        return new Socks5ServerStep.Continue(flush());
    }

    private Buffer flush() {
        Buffer produced = output;
        output = Buffer.buffer();
        return count(produced);
    }

    private Buffer count(Buffer written) {
        bytesWritten += written.length();
        return written;
    }

    private void consume(int length) {
        bytesRead += length;
        input = input.getBuffer(length, input.length());
    }

    private void expectState(State expected, String operation) {
        if (state != expected) {
            throw new IllegalStateException(operation + ": state " + state + " (expected: " + expected + ")");
        }
    }
}
