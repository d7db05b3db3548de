package io.bifrost.adapters.vertx.dial.handshake;

import static java.util.Objects.requireNonNull;

import io.bifrost.adapters.vertx.proxy.socks5.Socks5Reply;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A classified failure of an upstream-proxy handshake, as a failed {@code Future} carries it. The message names the
 * upstream and what it answered (e.g. {@code upstream proxy 198.51.100.20:3128 answered 403 Forbidden},
 * [BKD-032]). No stack trace is recorded: this is an expected outcome, not a bug. Immutable.
 */
public final class UpstreamHandshakeException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private static final int NO_REPLY = -1;

    private final HandshakeFailureKind kind;
    private final int socks5Reply;
    private final transient UpstreamHttpResponse httpResponse;

    private UpstreamHandshakeException(HandshakeFailureKind kind, String message, Throwable cause, int socks5Reply,
                                       UpstreamHttpResponse httpResponse) {
        super(requireNonNull(message, "message"), cause, false, false);
        this.kind = requireNonNull(kind, "kind");
        this.socks5Reply = socks5Reply;
        this.httpResponse = httpResponse;
    }

    static UpstreamHandshakeException of(HandshakeFailureKind kind, String message) {
        return new UpstreamHandshakeException(kind, message, null, NO_REPLY, null);
    }

    static UpstreamHandshakeException lost(String message, Throwable cause) {
        return new UpstreamHandshakeException(HandshakeFailureKind.CONNECTION_LOST, message, cause, NO_REPLY, null);
    }

    static UpstreamHandshakeException socks5Refused(String message, int rep) {
        return new UpstreamHandshakeException(HandshakeFailureKind.PROXY_ERROR, message, null, rep, null);
    }

    static UpstreamHandshakeException httpRefused(String message, UpstreamHttpResponse response) {
        HandshakeFailureKind kind = response.status() == 407
                ? HandshakeFailureKind.AUTH_FAILED : HandshakeFailureKind.PROXY_ERROR;
        return new UpstreamHandshakeException(kind, message, null, NO_REPLY, requireNonNull(response, "response"));
    }

    public HandshakeFailureKind kind() {
        return kind;
    }

    /** {@code upstream_auth_failed} or {@code upstream_proxy_error} ([BKD-035]); see {@link HandshakeFailureKind}. */
    public String errorCode() {
        return kind.errorCode();
    }

    /** The {@code REP} byte of an upstream SOCKS5 failure reply; empty for every other failure. */
    public OptionalInt socks5Reply() {
        return socks5Reply == NO_REPLY ? OptionalInt.empty() : OptionalInt.of(socks5Reply);
    }

    /** The non-2xx answer of an upstream HTTP proxy (status, fields, body), for relaying ([PRX-124]). */
    public Optional<UpstreamHttpResponse> httpResponse() {
        return Optional.ofNullable(httpResponse);
    }

    /**
     * The {@code REP} to answer a SOCKS5 client with, per [PRX-100]: the upstream's own {@code REP} when it was
     * 0x02–0x08, otherwise {@code 0x01} (also for {@code upstream_auth_failed}).
     */
    public Socks5Reply replyForSocks5Client() {
        if (socks5Reply >= Socks5Reply.NOT_ALLOWED_BY_RULESET.code()
                && socks5Reply <= Socks5Reply.ADDRESS_TYPE_NOT_SUPPORTED.code()) {
            return Socks5Reply.fromCode(socks5Reply).orElseThrow();
        }
        return Socks5Reply.GENERAL_FAILURE;
    }
}
