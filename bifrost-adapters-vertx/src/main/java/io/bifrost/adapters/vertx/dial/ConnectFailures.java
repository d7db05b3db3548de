package io.bifrost.adapters.vertx.dial;

import io.bifrost.core.traffic.ErrorCode;
import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.timeout.TimeoutException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.util.Locale;

/** Classifies what a TCP connect or a DNS lookup threw into the codes of [BKD-035]. */
final class ConnectFailures {
    static final int SOCKS_NETWORK_UNREACHABLE = 0x03;
    static final int SOCKS_HOST_UNREACHABLE = 0x04;

    private ConnectFailures() {}

    /** @param what the peer as the message should name it, e.g. {@code "example.com:443"} */
    static DialFailure classify(Throwable failure, String what) {
        if (failure instanceof DialFailure d) {
            return d;
        }
        String msg = String.valueOf(failure.getMessage()).toLowerCase(Locale.ROOT);
        if (failure instanceof ConnectTimeoutException || failure instanceof TimeoutException
                || failure instanceof java.util.concurrent.TimeoutException || msg.contains("timed out")) {
            return new DialFailure(ErrorCode.CONNECTION_TIMEOUT, "connection to " + what + " timed out");
        }
        if (msg.contains("refused")) {
            return new DialFailure(ErrorCode.CONNECTION_REFUSED, what + " refused the connection");
        }
        if (msg.contains("network is unreachable")) {
            return new DialFailure(ErrorCode.DESTINATION_UNREACHABLE, "network unreachable for " + what,
                    SOCKS_NETWORK_UNREACHABLE);
        }
        if (failure instanceof NoRouteToHostException || msg.contains("no route to host")
                || msg.contains("host is unreachable")) {
            return new DialFailure(ErrorCode.DESTINATION_UNREACHABLE, "no route to " + what, SOCKS_HOST_UNREACHABLE);
        }
        if (failure instanceof ConnectException || failure instanceof java.io.IOException) {
            return new DialFailure(ErrorCode.DESTINATION_UNREACHABLE, "cannot connect to " + what + ": "
                    + failure.getMessage(), SOCKS_HOST_UNREACHABLE);
        }
        return new DialFailure(ErrorCode.INTERNAL_ERROR, "dial to " + what + " failed: " + failure);
    }

    /** DNS: no such name or no address → dns_error; the lookup timing out → dns_timeout. */
    static DialFailure classifyLookup(Throwable failure, String host) {
        for (Throwable t = failure; t != null; t = t.getCause()) { // Netty wraps query timeouts in UnknownHostException
            if (t.getClass().getSimpleName().contains("Timeout")) {
                return new DialFailure(ErrorCode.DNS_TIMEOUT, "DNS lookup of \"" + host + "\" timed out");
            }
        }
        String msg = String.valueOf(failure.getMessage()).toLowerCase(Locale.ROOT);
        if (failure instanceof UnknownHostException || msg.contains("failed to resolve")) {
            return new DialFailure(ErrorCode.DNS_ERROR, "cannot resolve host \"" + host + "\"");
        }
        return new DialFailure(ErrorCode.DNS_ERROR, "cannot resolve host \"" + host + "\": " + failure.getMessage());
    }
}
