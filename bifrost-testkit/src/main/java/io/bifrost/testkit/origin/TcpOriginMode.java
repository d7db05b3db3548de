package io.bifrost.testkit.origin;

/** What a {@link FakeTcpOrigin} does with each connection. */
public enum TcpOriginMode {

    /**
     * Echoes every byte back. When the client half-closes (FIN), the origin finishes echoing what it has received,
     * then half-closes its own direction and closes: a client that sent FIN still receives the whole echo, followed
     * by end-of-stream.
     */
    ECHO,

    /**
     * The server speaks first, as SMTP or SSH servers do: the banner is sent as soon as the connection is accepted,
     * then the origin behaves as {@link #ECHO}.
     */
    GREETING,

    /** Reads and discards everything; after the client's FIN, it closes without having sent a byte. */
    DISCARD,

    /**
     * Counts the bytes it receives until the client's FIN, then sends the count as ASCII decimal digits followed by
     * {@code \n} (e.g. {@code "1048576\n"}) and closes. For uploads through a half-closing tunnel.
     */
    SINK_AND_REPORT
}
