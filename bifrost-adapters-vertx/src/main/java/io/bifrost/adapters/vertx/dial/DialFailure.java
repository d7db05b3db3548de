package io.bifrost.adapters.vertx.dial;

import static java.util.Objects.requireNonNull;

import io.bifrost.adapters.vertx.dial.handshake.UpstreamHttpResponse;
import io.bifrost.core.traffic.ErrorCode;
import java.util.Optional;

/**
 * A classified dial failure ([BKD-035]): the code decides the client's answer ([PRX-100]), the detail names the
 * host. When an upstream proxy answered and refused, the failure says so (the client program retries only failures to
 * reach or talk to its server, never a refusal, [PRX-123]) and keeps an HTTP upstream's answer, which the client
 * program relays to its HTTP clients ([PRX-124]). Expected outcome, so it carries no stack trace. Immutable.
 */
public final class DialFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Marker for "use the reply the code maps to". */
    public static final int NO_SOCKS_REPLY = -1;

    private final transient ErrorCode code;
    private final int socksReply;
    private final boolean refusedByUpstream;
    private final transient UpstreamHttpResponse upstreamResponse;
    private final boolean relay;
    private final boolean certificateRejected;

    /**
     * @param detail one line for the client, e.g. {@code cannot connect to "example.com:443": connection refused}
     * @param socksReply a SOCKS5 REP that overrides the code's mapping (host vs network unreachable, an upstream
     *     SOCKS5 proxy's own reply), or {@link #NO_SOCKS_REPLY}
     */
    public DialFailure(ErrorCode code, String detail, int socksReply) {
        this(code, detail, socksReply, false, null, false);
    }

    public DialFailure(ErrorCode code, String detail) {
        this(code, detail, NO_SOCKS_REPLY);
    }

    private DialFailure(ErrorCode code, String detail, int socksReply, boolean refusedByUpstream,
            UpstreamHttpResponse upstreamResponse, boolean relay) {
        this(code, detail, socksReply, refusedByUpstream, upstreamResponse, relay, false);
    }

    private DialFailure(ErrorCode code, String detail, int socksReply, boolean refusedByUpstream,
            UpstreamHttpResponse upstreamResponse, boolean relay, boolean certificateRejected) {
        super(requireNonNull(detail, "detail"), null, false, false);
        this.code = requireNonNull(code, "code");
        this.socksReply = socksReply;
        this.refusedByUpstream = refusedByUpstream;
        this.upstreamResponse = upstreamResponse;
        this.relay = relay;
        this.certificateRejected = certificateRejected;
    }

    /**
     * TLS to the origin failed ([PRX-022]): {@code tls_error}, which [PRX-100] reports as {@code tls_certificate_error}
     * when the origin's certificate was rejected (untrusted chain, wrong name, expired) and as
     * {@code tls_protocol_error} otherwise.
     */
    public static DialFailure tls(String detail, boolean certificateRejected) {
        return new DialFailure(ErrorCode.TLS_ERROR, detail, NO_SOCKS_REPLY, false, null, false, certificateRejected);
    }

    /**
     * An upstream proxy answered and refused the tunnel (non-2xx, SOCKS5 {@code REP} other than 0, rejected
     * credentials).
     *
     * @param response an HTTP upstream's answer, or {@code null} (a SOCKS5 upstream)
     */
    public static DialFailure refusedByUpstream(ErrorCode code, String detail, int socksReply,
            UpstreamHttpResponse response) {
        return new DialFailure(code, detail, socksReply, true, response, false);
    }

    /**
     * This refusal, to be answered to HTTP clients with the upstream's own response rather than Bifrost's error
     * ([PRX-124]); {@code code} and {@code socksReply} are what records and SOCKS5 clients get.
     */
    public DialFailure relayed(ErrorCode code, int socksReply) {
        return new DialFailure(code, getMessage(), socksReply, refusedByUpstream, upstreamResponse,
                upstreamResponse != null);
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

    /** Whether an upstream proxy answered and refused: a reply, not a failure to reach or talk to it. */
    public boolean refusedByUpstream() {
        return refusedByUpstream;
    }

    /** An HTTP upstream proxy's non-2xx answer to {@code CONNECT}. */
    public Optional<UpstreamHttpResponse> upstreamResponse() {
        return Optional.ofNullable(upstreamResponse);
    }

    /** Whether a {@code tls_error} is the origin's certificate being rejected (see {@link #tls}). */
    public boolean certificateRejected() {
        return certificateRejected;
    }

    /** Whether HTTP clients get {@link #upstreamResponse()} unchanged ([PRX-124]). */
    public boolean relay() {
        return relay;
    }
}
