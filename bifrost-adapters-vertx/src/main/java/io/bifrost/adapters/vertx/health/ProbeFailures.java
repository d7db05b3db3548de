package io.bifrost.adapters.vertx.health;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.util.Locale;
import javax.net.ssl.SSLException;

/**
 * Short, stable reasons for failed probes, as the API's {@code last_error} and the {@code backend.health} event's
 * {@code reason} show them ([BKD-050], [EVT-020]): {@code connection refused}, {@code timeout after 5s},
 * {@code cannot resolve host "proxy.example"}, {@code TLS: ...}. No stack traces, no class names where a phrase will do.
 */
final class ProbeFailures {
    private static final int MAX_DETAIL = 200;

    private ProbeFailures() {}

    /**
     * @param host the name the probe tried to reach, for resolution failures
     * @param timeout the probe's bound, for timeouts reported by the client rather than by the probe's own timer
     */
    static String describe(Throwable failure, String host, Duration timeout) {
        if (failure instanceof Probes.ProbeTimeoutException || failure instanceof Probes.ProbeRejectedException) {
            return failure.getMessage();
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof CertificateException || t instanceof SSLException) {
                return "TLS: " + clip(deepestMessage(t));
            }
        }
        String msg = String.valueOf(failure.getMessage()).toLowerCase(Locale.ROOT);
        if (msg.contains("refused")) {
            return "connection refused";
        }
        if (failure instanceof NoRouteToHostException || msg.contains("no route to host")
                || msg.contains("host is unreachable")) {
            return "no route to host";
        }
        if (msg.contains("network is unreachable")) {
            return "network unreachable";
        }
        if (failure instanceof UnknownHostException || msg.contains("failed to resolve")) {
            return "cannot resolve host \"" + host + "\"";
        }
        if (msg.contains("timed out") || msg.contains("timeout")
                || failure instanceof java.util.concurrent.TimeoutException) {
            return Probes.timeoutReason(timeout);
        }
        if (msg.contains("reset")) {
            return "connection reset";
        }
        if (msg.contains("closed")) {
            return "connection closed";
        }
        if (failure instanceof ConnectException || failure instanceof java.io.IOException) {
            return clip(failure.getMessage());
        }
        return clip(failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage());
    }

    private static String deepestMessage(Throwable t) {
        String message = t.getMessage();
        for (Throwable c = t.getCause(); c != null; c = c.getCause()) {
            if (c.getMessage() != null) {
                message = c.getMessage();
            }
        }
        return message == null ? t.getClass().getSimpleName() : message;
    }

    private static String clip(String text) {
        String oneLine = String.valueOf(text).replace('\n', ' ').replace('\r', ' ');
        return oneLine.length() <= MAX_DETAIL ? oneLine : oneLine.substring(0, MAX_DETAIL) + "...";
    }
}
