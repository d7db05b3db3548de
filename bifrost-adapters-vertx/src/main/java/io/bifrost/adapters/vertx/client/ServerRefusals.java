package io.bifrost.adapters.vertx.client;

import io.bifrost.adapters.vertx.dial.DialFailure;
import io.bifrost.adapters.vertx.dial.handshake.UpstreamHttpResponse;
import io.bifrost.core.config.UpstreamProtocol;
import io.bifrost.core.traffic.ErrorCode;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What the local client gets when the server refused the tunnel ([PRX-124]). An HTTP server's answer goes to HTTP
 * local clients unchanged and maps to a SOCKS5 {@code REP} by its status and {@code X-Bifrost-Error}; a SOCKS5
 * server's {@code REP} goes to SOCKS5 local clients unchanged and maps to an HTTP error. Failures to reach the server
 * are answered as [PRX-100] says for the last attempt ([PRX-126]) and pass through unchanged. Stateless.
 */
final class ServerRefusals {
    private static final int REP_GENERAL = 0x01;
    private static final int REP_NOT_ALLOWED = 0x02;
    private static final int REP_HOST_UNREACHABLE = 0x04;
    private static final int REP_REFUSED = 0x05;
    private static final Set<String> HOST_UNREACHABLE = Set.of("dns_error", "dns_timeout", "destination_unreachable",
            "connection_timeout");

    private ServerRefusals() {}

    static Throwable forLocalClients(UpstreamProtocol protocol, Throwable failure) {
        if (!(failure instanceof DialFailure d) || !d.refusedByUpstream()) {
            return failure;
        }
        if (d.upstreamResponse().isPresent()) {
            UpstreamHttpResponse response = d.upstreamResponse().get();
            String error = response.header("X-Bifrost-Error").map(v -> v.strip().toLowerCase(Locale.ROOT)).orElse("");
            return d.relayed(errorCode(error).orElse(d.code()), socksReply(response.status(), error));
        }
        if (protocol == UpstreamProtocol.SOCKS5 && d.socksReply() != DialFailure.NO_SOCKS_REPLY) {
            return new DialFailure(fromSocksReply(d.socksReply()), d.detail(), d.socksReply());
        }
        return d; // e.g. the SOCKS5 server rejected the client's credentials: upstream_auth_failed
    }

    /** [PRX-124], HTTP server toward SOCKS5 local clients. */
    static int socksReply(int status, String bifrostError) {
        if (status == 403 || status == 407 || status == 429) {
            return REP_NOT_ALLOWED;
        }
        if (bifrostError.equals("connection_refused")) {
            return REP_REFUSED;
        }
        if (HOST_UNREACHABLE.contains(bifrostError) || status == 504) {
            return REP_HOST_UNREACHABLE;
        }
        return REP_GENERAL;
    }

    /** [PRX-124], SOCKS5 server toward HTTP local clients. */
    static ErrorCode fromSocksReply(int rep) {
        return switch (rep) {
            case 0x02 -> ErrorCode.ACCESS_DENIED;
            case 0x05 -> ErrorCode.CONNECTION_REFUSED;
            case 0x03, 0x04 -> ErrorCode.DESTINATION_UNREACHABLE;
            case 0x06 -> ErrorCode.CONNECTION_TIMEOUT;
            default -> ErrorCode.UPSTREAM_PROXY_ERROR;
        };
    }

    /** The server's own code, for the record of the request ([CAPI-090] {@code error}). */
    private static Optional<ErrorCode> errorCode(String bifrostError) {
        return Arrays.stream(ErrorCode.values()).filter(c -> c.code().equals(bifrostError)).findFirst();
    }
}
