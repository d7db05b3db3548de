package io.bifrost.adapters.vertx.proxy.http;

import io.bifrost.adapters.vertx.proxy.ClientPeer;
import io.bifrost.adapters.vertx.proxy.RequestInfo;
import io.bifrost.adapters.vertx.proxy.http.codec.Http1Error;
import io.bifrost.core.traffic.Protocol;
import java.time.Instant;

/** Records and answers for requests that failed before a complete head was decoded ([PRX-011], [PRX-023]). */
final class RequestLines {
    private RequestLines() {}

    /** A record for a malformed request, with the method and target of its start line when they were received. */
    static RequestInfo describe(String startLine, ClientPeer peer, int k, Instant now) {
        String[] parts = startLine == null ? new String[0] : startLine.split(" ", 3);
        String method = parts.length > 0 && !parts[0].isEmpty() ? parts[0] : "-";
        RequestInfo info = new RequestInfo(now, System.nanoTime(), peer.requestId(k), peer.ipText(), peer.port(),
                method.equals("CONNECT") ? Protocol.CONNECT : Protocol.HTTP, method);
        if (parts.length > 1) {
            info.destination("", 0, null, parts[1]);
        }
        return info;
    }

    /** [PRX-023], [PRX-024], [PRX-003]: the status each decoding error is answered with. */
    static ErrorResponse errorResponse(Http1Error error) {
        int status = switch (error.kind()) {
            case URI_TOO_LONG -> 414;
            case HEADER_FIELDS_TOO_LARGE -> 431;
            case VERSION_NOT_SUPPORTED -> 505;
            case MALFORMED, TRUNCATED -> 400;
        };
        return ErrorResponse.badRequest(status, error.message());
    }
}
