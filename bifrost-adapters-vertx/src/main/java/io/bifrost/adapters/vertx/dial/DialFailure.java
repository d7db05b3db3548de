package io.bifrost.adapters.vertx.dial;

import static java.util.Objects.requireNonNull;

import io.bifrost.core.traffic.ErrorCode;

/**
 * A classified dial failure ([BKD-035]): the code decides the client's answer ([PRX-100]), the detail names the
 * host. Expected outcome, so it carries no stack trace.
 */
public final class DialFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Marker for "use the reply the code maps to". */
    public static final int NO_SOCKS_REPLY = -1;

    private final transient ErrorCode code;
    private final int socksReply;

    /**
     * @param detail one line for the client, e.g. {@code cannot connect to "example.com:443": connection refused}
     * @param socksReply a SOCKS5 REP that overrides the code's mapping (host vs network unreachable, an upstream
     *     SOCKS5 proxy's own reply), or {@link #NO_SOCKS_REPLY}
     */
    public DialFailure(ErrorCode code, String detail, int socksReply) {
        super(requireNonNull(detail, "detail"), null, false, false);
        this.code = requireNonNull(code, "code");
        this.socksReply = socksReply;
    }

    public DialFailure(ErrorCode code, String detail) {
        this(code, detail, NO_SOCKS_REPLY);
    }

    public ErrorCode code() {
        return code;
    }

    public String detail() {
        return getMessage();
    }

    public int socksReply() {
        return socksReply;
    }
}
