package io.bifrost.adapters.vertx.accesslog;

import static java.util.Objects.requireNonNull;

import io.bifrost.core.config.AccessLogConfig;
import io.bifrost.core.traffic.RequestRecord;

/**
 * How one {@link RequestRecord} becomes one access-log line ([SEC-071]-[SEC-073]). Implementations are stateless and
 * thread-safe.
 */
public interface AccessLogFormat {

    /** The format a configuration names; {@code apache} and {@code combined} are the same ([SEC-072]). */
    static AccessLogFormat of(AccessLogConfig.Format format) {
        requireNonNull(format, "format");
        return switch (format) {
            case JSON -> JsonLineFormat.INSTANCE;
            case APACHE, COMBINED -> ApacheLineFormat.COMBINED;
            case COMMON -> ApacheLineFormat.COMMON;
        };
    }

    /** Appends the line for {@code record} to {@code line}, without the line break. */
    void append(RequestRecord record, StringBuilder line);
}
