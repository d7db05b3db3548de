package io.bifrost.adapters.vertx.runtime.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;

/**
 * {@code logging.format: text} ([CFG-120]): {@code <time> <LEVEL> [<thread>] <logger> - <message>}, then the stack
 * trace of an attached exception on the following lines. Thread-safe once started.
 */
public final class TextLineEncoder extends LineEncoder {

    @Override
    protected void append(StringBuilder line, String time, ILoggingEvent event) {
        String level = event.getLevel().toString();
        line.append(time).append(' ').append(level);
        line.append(" ".repeat(Math.max(1, 6 - level.length())));
        line.append('[').append(event.getThreadName()).append("] ")
                .append(event.getLoggerName()).append(" - ")
                .append(event.getFormattedMessage()).append('\n');
        IThrowableProxy error = event.getThrowableProxy();
        if (error != null) {
            line.append(ThrowableProxyUtil.asString(error)).append('\n');
        }
    }
}
