package io.bifrost.core.event;

import static java.util.Objects.requireNonNull;

import io.bifrost.core.traffic.RequestRecord;
import java.time.Instant;

/**
 * One proxied request finished, successfully or refused at any step: the single record of [PRX-011] that feeds
 * the access log, the request log and the request metrics. Not sent to WebSocket subscribers ([EVT-027]).
 */
public record RequestCompleted(Instant at, RequestRecord record) implements ProxyEvent {
    public RequestCompleted {
        requireNonNull(at, "at");
        requireNonNull(record, "record");
    }
}
