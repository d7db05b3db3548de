package io.bifrost.adapters.vertx.accesslog;

import io.bifrost.core.traffic.Protocol;
import io.bifrost.core.traffic.RequestRecord;

/**
 * The Apache {@code combined} ([SEC-072]) and {@code common} ([SEC-073]) formats:
 * {@code <client_ip> - <username|-> [<dd/MMM/yyyy:HH:mm:ss +0000>] "<request line>" <status> <bytes_sent|->}, and for
 * {@code combined} {@code "<Referer|->" "<User-Agent|->"} after it.
 */
final class ApacheLineFormat implements AccessLogFormat {
    static final ApacheLineFormat COMBINED = new ApacheLineFormat(true);
    static final ApacheLineFormat COMMON = new ApacheLineFormat(false);

    private final boolean combined;

    private ApacheLineFormat(boolean combined) {
        this.combined = combined;
    }

    @Override
    public void append(RequestRecord r, StringBuilder out) {
        out.append(r.clientIp()).append(" - ");
        if (r.username() == null || r.username().isEmpty()) {
            out.append('-');
        } else {
            LogText.apacheEscaped(r.username(), out);
        }
        out.append(" [");
        LogText.apacheTime(r.start(), out);
        out.append("] \"");
        requestLine(r, out);
        out.append("\" ").append(r.statusCode()).append(' ');
        if (r.bytesSent() == 0) {
            out.append('-');
        } else {
            out.append(r.bytesSent());
        }
        if (combined) {
            out.append(' ');
            quoted(r.referer(), out);
            out.append(' ');
            quoted(r.userAgent(), out);
        }
    }

    /**
     * {@code METHOD http://host[:port]/path?query HTTP/1.1} for forwarded requests, {@code CONNECT host:port HTTP/1.1}
     * for tunnels and {@code CONNECT host:port SOCKS5} for SOCKS5; the record's {@code url} holds the middle part.
     */
    private static void requestLine(RequestRecord r, StringBuilder out) {
        LogText.apacheEscaped(r.method(), out);
        out.append(' ');
        if (r.url().isEmpty()) {
            out.append('-'); // e.g. a SOCKS5 negotiation failure: no destination was ever asked for
        } else {
            LogText.apacheEscaped(r.url(), out);
        }
        out.append(r.protocol() == Protocol.SOCKS5 ? " SOCKS5" : " HTTP/1.1");
    }

    private static void quoted(String value, StringBuilder out) {
        out.append('"');
        if (value == null || value.isEmpty()) {
            out.append('-');
        } else {
            LogText.apacheEscaped(value, out);
        }
        out.append('"');
    }
}
