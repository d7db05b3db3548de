package io.bifrost.adapters.vertx.proxy.http;

import static java.util.Objects.requireNonNull;

import io.bifrost.adapters.vertx.proxy.http.codec.Http1Limits;
import java.time.Duration;

/**
 * Settings of an HTTP proxy listener ([CFG-101], [PRX-105]).
 *
 * @param readTimeout request head deadline and request-body inactivity bound
 * @param writeTimeout longest a write to the client may stall on a forwarded request
 * @param idleTimeout keep-alive idle time between requests
 * @param originTls TLS settings for {@code https://} absolute-form requests ([PRX-022]): trust and host-name
 *     verification of origins
 */
public record HttpSettings(
        Duration readTimeout, Duration writeTimeout, Duration idleTimeout, Http1Limits limits,
        OriginTls originTls) {
    public HttpSettings {
        requireNonNull(readTimeout, "readTimeout");
        requireNonNull(writeTimeout, "writeTimeout");
        requireNonNull(idleTimeout, "idleTimeout");
        requireNonNull(limits, "limits");
        requireNonNull(originTls, "originTls");
    }
}
