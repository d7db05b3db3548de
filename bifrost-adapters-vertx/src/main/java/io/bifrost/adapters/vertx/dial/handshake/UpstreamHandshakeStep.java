package io.bifrost.adapters.vertx.dial.handshake;

import static java.util.Objects.requireNonNull;

import io.vertx.core.buffer.Buffer;

/** What an {@link UpstreamHandshake} tells its driver after each read. Values; never null. */
public sealed interface UpstreamHandshakeStep {

    /** Write {@code toWrite} (possibly empty) to the upstream and keep reading. */
    record Continue(Buffer toWrite) implements UpstreamHandshakeStep {
        public Continue {
            requireNonNull(toWrite, "toWrite");
        }
    }

    /**
     * The tunnel is up once {@code toWrite} is written. {@code toWrite} is empty with a well-behaved upstream; it is
     * not when the upstream answered ahead of requests it had not yet received and they arrived in one read.
     */
    record Established(Buffer toWrite, HandshakeResult result) implements UpstreamHandshakeStep {
        public Established {
            requireNonNull(toWrite, "toWrite");
            requireNonNull(result, "result");
        }
    }

    /** The handshake failed; close the connection. */
    record Failed(UpstreamHandshakeException failure) implements UpstreamHandshakeStep {
        public Failed {
            requireNonNull(failure, "failure");
        }
    }
}
