package io.bifrost.core.client;

import static java.util.Objects.requireNonNull;

import io.bifrost.core.config.ClientRouteConfig.Action;
import io.bifrost.core.traffic.Protocol;
import io.bifrost.core.traffic.RequestRecord;
import java.util.Locale;

/**
 * One entry of the traffic debugger ([CAPI-090]): the request's record plus what only the client knows. The record's
 * {@code route} is the matched client route ({@code null} when the fallback applied) and its {@code backend} the
 * upstream's name for {@code server} requests. Immutable.
 *
 * @param id [GEN-061]: 1, 2, ... in order of creation, never reused while the process runs
 * @param action {@code direct} or {@code server}, required ([CAPI-090]); for a request refused before it was routed,
 *     the action its host would have taken
 * @param server the upstream's name when {@code action} is {@code server}, else {@code null}
 * @param error the failure code with its detail, e.g. {@code connection_timeout: connection to "x:443" timed out};
 *     {@code null} on success
 */
public record DebugEntry(long id, Type type, RequestRecord record, Action action, String server, String error) {

    public DebugEntry {
        if (id < 1) {
            throw new IllegalArgumentException("id: " + id + " (expected: >= 1)");
        }
        requireNonNull(type, "type");
        requireNonNull(record, "record");
        requireNonNull(action, "action");
    }

    /** What the entry describes ([CAPI-090] {@code type}). */
    public enum Type {
        /** A forwarded HTTP request, recorded when its response is complete. */
        REQUEST,
        /** A CONNECT or SOCKS5 tunnel, recorded when it closes. */
        TUNNEL,
        /** A failed request, recorded when it fails. */
        ERROR;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** {@code error} for failed requests, {@code request} for forwarded HTTP, {@code tunnel} otherwise. */
        public static Type of(RequestRecord record) {
            if (record.failed()) {
                return ERROR;
            }
            return record.protocol() == Protocol.HTTP ? REQUEST : TUNNEL;
        }
    }

    /** The local client's {@code ip:port} ([CAPI-090] {@code client_addr}); IPv6 in brackets. */
    public String clientAddress() {
        String ip = record.clientIp();
        return (ip.indexOf(':') >= 0 ? "[" + ip + "]" : ip) + ":" + record.clientPort();
    }
}
