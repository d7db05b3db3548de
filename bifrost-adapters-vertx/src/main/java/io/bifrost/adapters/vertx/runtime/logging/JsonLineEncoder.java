package io.bifrost.adapters.vertx.runtime.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import io.bifrost.adapters.vertx.internal.JsonText;

/**
 * {@code logging.format: json} ([CFG-120]): one JSON object per line with the members {@code time}, {@code level},
 * {@code logger}, {@code thread}, {@code message} and, when an exception is attached, {@code error} (its stack trace).
 *
 * <p>Logback's own {@code JsonEncoder} writes epoch milliseconds and cannot apply {@code logging.time_format}, hence
 * this small encoder. Thread-safe once started.
 */
public final class JsonLineEncoder extends LineEncoder {

    @Override
    protected void append(StringBuilder line, String time, ILoggingEvent event) {
        line.append('{');
        member(line, "time", time).append(',');
        member(line, "level", event.getLevel().toString()).append(',');
        member(line, "logger", event.getLoggerName()).append(',');
        member(line, "thread", event.getThreadName()).append(',');
        member(line, "message", event.getFormattedMessage());
        IThrowableProxy error = event.getThrowableProxy();
        if (error != null) {
            member(line.append(','), "error", ThrowableProxyUtil.asString(error));
        }
        line.append("}\n");
    }

    private static StringBuilder member(StringBuilder line, String name, String value) {
        JsonText.quote(name, line).append(':');
        return JsonText.quote(value == null ? "" : value, line);
    }
}
