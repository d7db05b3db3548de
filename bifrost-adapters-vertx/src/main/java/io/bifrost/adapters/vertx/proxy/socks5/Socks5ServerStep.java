package io.bifrost.adapters.vertx.proxy.socks5;

import static java.util.Objects.requireNonNull;

import io.vertx.core.buffer.Buffer;

/**
 * What a {@link Socks5ServerHandshake} tells its caller to do next. Every step first asks the caller to write
 * {@link #toWrite()} (possibly empty) to the client, then:
 * <ul>
 *   <li>{@link Continue}: keep reading and feeding;</li>
 *   <li>{@link VerifyCredentials}: verify off the event loop, then call back accepted / rejected;</li>
 *   <li>{@link Connect}: the handshake is done, dial and answer with a final reply;</li>
 *   <li>{@link ReplyAndClose}: close the connection after the write;</li>
 *   <li>{@link Close}: close without answering the malformed message.</li>
 * </ul>
 * Values; never null.
 */
public sealed interface Socks5ServerStep {

    /** Bytes to write to the client before acting on this step; empty when there is nothing to write. */
    Buffer toWrite();

    /** Write {@code toWrite} (may be empty) and feed the next bytes read from the client. */
    record Continue(Buffer toWrite) implements Socks5ServerStep {
        public Continue {
            requireNonNull(toWrite, "toWrite");
        }
    }

    /**
     * RFC 1929 credentials arrived and must be verified by the caller, off the event loop (bcrypt). Write
     * {@code toWrite}, then call {@link Socks5ServerHandshake#credentialsAccepted()} or
     * {@link Socks5ServerHandshake#credentialsRejected()}. Bytes fed meanwhile are kept.
     *
     * @param username UTF-8 decoded, 1–255 bytes
     * @param password UTF-8 decoded, 0–255 bytes; never shown by {@link #toString()}
     */
    record VerifyCredentials(Buffer toWrite, String username, String password) implements Socks5ServerStep {
        public VerifyCredentials {
            requireNonNull(toWrite, "toWrite");
            requireNonNull(username, "username");
            requireNonNull(password, "password");
        }

        @Override
        public String toString() {
            return "VerifyCredentials[toWrite=" + toWrite.length() + " bytes, username=" + username + ", password=***]";
        }
    }

    /**
     * A valid CONNECT request was read: write {@code toWrite}, take the client's early data with
     * {@link Socks5ServerHandshake#takeRemaining()}, dial, then write
     * {@link Socks5ServerHandshake#successReply} or {@link Socks5ServerHandshake#failureReply} ([PRX-076]).
     *
     * @param destination never resolved: a name stays a name, an IP literal (also one sent as text) is an address
     */
    record Connect(Buffer toWrite, Socks5Endpoint destination) implements Socks5ServerStep {
        public Connect {
            requireNonNull(toWrite, "toWrite");
            requireNonNull(destination, "destination");
        }
    }

    /**
     * Write {@code toWrite} (the refusal: {@code 05 FF}, {@code 01 01} or a failure reply, after any earlier reply
     * of the same read), then close the connection.
     *
     * @param request what to record for this refusal ([PRX-011])
     */
    record ReplyAndClose(Buffer toWrite, Socks5RefusalReason reason, Socks5RequestSummary request)
            implements Socks5ServerStep {
        public ReplyAndClose {
            requireNonNull(toWrite, "toWrite");
            requireNonNull(reason, "reason");
            requireNonNull(request, "request");
        }
    }

    /**
     * Close the connection without answering the malformed message (a greeting, sub-negotiation or request whose
     * {@code VER} is wrong). {@code toWrite} is normally empty; it holds only answers to earlier, valid messages that
     * arrived in the same read (e.g. {@code 05 00} for a greeting followed by a malformed request), so that what is
     * written never depends on how TCP split the client's bytes.
     */
    record Close(Buffer toWrite, Socks5RefusalReason reason) implements Socks5ServerStep {
        public Close {
            requireNonNull(toWrite, "toWrite");
            requireNonNull(reason, "reason");
        }
    }
}
