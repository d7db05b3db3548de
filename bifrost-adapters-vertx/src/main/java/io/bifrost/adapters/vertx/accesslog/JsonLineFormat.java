package io.bifrost.adapters.vertx.accesslog;

import io.bifrost.adapters.vertx.internal.JsonText;
import io.bifrost.core.traffic.RequestRecord;

/**
 * The {@code json} format of [SEC-071]: one object per line, members in the order of the spec's example, optional
 * members omitted when absent ([GEN-007]). Written by hand rather than with Jackson: no reflection, no intermediate
 * tree, and the member order is fixed by the code rather than by a serializer's settings.
 */
final class JsonLineFormat implements AccessLogFormat {
    static final JsonLineFormat INSTANCE = new JsonLineFormat();

    private JsonLineFormat() {}

    @Override
    public void append(RequestRecord r, StringBuilder out) {
        out.append("{\"timestamp\":\"");
        LogText.isoMillis(r.start(), out);
        out.append('"');
        string(out, "request_id", r.requestId());
        string(out, "client_ip", r.clientIp());
        out.append(",\"client_port\":").append(r.clientPort());
        optional(out, "username", r.username());
        string(out, "protocol", r.protocol().name());
        string(out, "method", r.method());
        string(out, "host", r.host());
        out.append(",\"port\":").append(r.port());
        optional(out, "path", r.path());
        out.append(",\"status_code\":").append(r.statusCode());
        out.append(",\"bytes_sent\":").append(r.bytesSent());
        out.append(",\"bytes_received\":").append(r.bytesReceived());
        out.append(",\"duration_ms\":");
        LogText.millis(r.durationMs(), out);
        optional(out, "route", r.route());
        optional(out, "backend", r.backend());
        optional(out, "error", r.error() == null ? null : r.error().code());
        optional(out, "user_agent", r.userAgent());
        out.append('}');
    }

    private static void optional(StringBuilder out, String name, String value) {
        if (value != null) {
            string(out, name, value);
        }
    }

    private static void string(StringBuilder out, String name, String value) {
        out.append(",\"").append(name).append("\":\"");
        JsonText.escape(value, out);
        out.append('"');
    }
}
