package io.bifrost.adapters.vertx.clientapi;

import io.bifrost.adapters.vertx.api.ApiJson;
import io.bifrost.core.client.DebugEntry;
import io.bifrost.core.traffic.Protocol;
import io.bifrost.core.traffic.RequestRecord;
import io.vertx.core.json.JsonObject;

/**
 * Traffic debugger entries as the API shows them: debug entries ([CAPI-090]) and the same entries rendered as log
 * entries ([CAPI-100], [EVT-052]). Stateless.
 */
final class TrafficJson {
    static final String ERROR = "error";
    static final String INFO = "info";

    private TrafficJson() {}

    /** A debug entry of [CAPI-090]: optional members omitted when they have no value ([GEN-007]). */
    static JsonObject entry(DebugEntry e) {
        RequestRecord r = e.record();
        JsonObject out = new JsonObject().put("id", e.id()).put("timestamp", ApiJson.time(r.start()))
                .put("type", e.type().wireName()).put("protocol", r.protocol().name()).put("method", r.method())
                .put("host", r.host()).put("port", r.port());
        if (r.path() != null) {
            out.put("path", r.path());
        }
        out.put("url", r.url());
        traffic(out, e);
        out.put("client_addr", e.clientAddress());
        return optional(out, "error", error(e));
    }

    /** A log entry of [CAPI-100]. */
    static JsonObject logEntry(DebugEntry e) {
        RequestRecord r = e.record();
        JsonObject fields = new JsonObject().put("source", "traffic").put("type", e.type().wireName())
                .put("protocol", r.protocol().name()).put("method", r.method()).put("host", r.host())
                .put("port", r.port()).put("url", r.url());
        traffic(fields, e);
        optional(fields, "error", error(e));
        return new JsonObject().put("id", e.id()).put("timestamp", ApiJson.time(r.start())).put("level", level(e))
                .put("message", message(e)).put("fields", fields);
    }

    /** [CAPI-100]: {@code error} for entries of type {@code error}, else {@code info}. */
    static String level(DebugEntry e) {
        return e.type() == DebugEntry.Type.ERROR ? ERROR : INFO;
    }

    private static String message(DebugEntry e) {
        RequestRecord r = e.record();
        return switch (e.type()) {
            case REQUEST -> r.method() + " " + r.url() + " -> " + r.statusCode() + " (" + e.action().wireName() + ")";
            case TUNNEL -> "CONNECT " + r.host() + ":" + r.port() + " (" + e.action().wireName() + ")";
            case ERROR -> r.method() + " " + r.host() + ":" + r.port() + " failed: " + error(e);
        };
    }

    /** Status, duration, bytes and routing, optional members only when they have a value. */
    private static void traffic(JsonObject out, DebugEntry e) {
        RequestRecord r = e.record();
        if (r.protocol() != Protocol.SOCKS5 && r.statusCode() > 0) { // a SOCKS5 record holds a reply code
            out.put("status_code", r.statusCode());
        }
        out.put("duration_ms", ApiJson.round3(r.durationMs())).put("bytes_sent", r.bytesSent())
                .put("bytes_received", r.bytesReceived());
        out.put("action", e.action().wireName());
        optional(out, "route", r.route());
        optional(out, "server", e.server());
    }

    private static JsonObject optional(JsonObject out, String key, String value) {
        return value == null ? out : out.put(key, value);
    }

    /** The code with its detail; for a failed record without one, the bare code. */
    private static String error(DebugEntry e) {
        if (e.error() != null) {
            return e.error();
        }
        return e.record().error() == null ? null : e.record().error().code();
    }
}
